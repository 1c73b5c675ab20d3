#!/usr/bin/env bash
# Renders DIR/report.html (written by `automl … --report DIR`) to DIR/report.png with headless
# Chromium, so a person can look at the report and its charts without a browser.
#
#   scripts/render-report.sh DIR [WIDTH] [HEIGHT]      # defaults: 1200 × 3000
#
# Needs Debian's chromium (`apt-get install -y chromium`); chromium-browser or google-chrome
# also work. The page is self-contained, so no network access is needed.
set -euo pipefail

if [[ $# -lt 1 || "$1" == "-h" || "$1" == "--help" ]]; then
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
dir=$1
width=${2:-1200}
height=${3:-3000}
html="$dir/report.html"
if [[ ! -f "$html" ]]; then
    echo "error: no report.html in '$dir' (write one with --report $dir)" >&2
    exit 1
fi
browser=""
for candidate in chromium chromium-browser google-chrome; do
    if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [[ -z "$browser" ]]; then
    echo "error: no chromium found; install it with: apt-get install -y chromium" >&2
    exit 1
fi
absolute=$(cd "$dir" && pwd)/report.html
png=$(cd "$dir" && pwd)/report.png
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$png" --window-size="$width,$height" "file://$absolute" >/dev/null 2>&1
echo "$png"

"""Prints both leaderboards side by side and the median whole-process times (used by run.sh)."""
import argparse
import csv
import io
import statistics

parser = argparse.ArgumentParser()
parser.add_argument("ours")
parser.add_argument("pycaret")
def span(text):
    start, end = text.split(":")
    return float(end) - float(start)


parser.add_argument("--ours-seconds", nargs="+", type=span, help="start:end wall-clock pairs")
parser.add_argument("--pycaret-seconds", nargs="+", type=span, help="start:end wall-clock pairs")
args = parser.parse_args()

with open(args.ours) as f:
    ours = list(csv.DictReader(f))
text = open(args.pycaret).read()
board = text.split("=== PYCARET LEADERBOARD ===")[1].split("=== PYCARET SECONDS")[0].strip()
theirs = list(csv.DictReader(io.StringIO(board)))

metrics = [m for m in ("Accuracy", "AUC", "F1", "R2", "MAE") if m in theirs[0] and m in ours[0]]
print("AutoSwiftML".ljust(44) + "PyCaret 3.3.2")
for i in range(max(len(ours), len(theirs))):
    left = right = ""
    if i < len(ours):
        r = ours[i]
        left = f"{r['model'][:30]:30} " + " ".join(f"{float(r[m]):.4f}" if r[m] else "  -   " for m in metrics[:2])
    if i < len(theirs):
        r = theirs[i]
        right = f"{r['Model'][:30]:30} " + " ".join(f"{float(r[m]):.4f}" for m in metrics[:2])
    print(f"{left:44}{right}")
print(f"(columns: {', '.join(metrics[:2])})")

key = metrics[0]
best_ours = max(float(r[key]) for r in ours if r[key])
best_theirs = max(float(r[key]) for r in theirs)
o = statistics.median(args.ours_seconds)
p = statistics.median(args.pycaret_seconds)
print()
print(f"best cross-validated {key}: AutoSwiftML {best_ours:.4f}, PyCaret {best_theirs:.4f} "
      f"(difference {100 * (best_ours - best_theirs):+.2f} points)")
print(f"whole process, median of {len(args.ours_seconds)}: AutoSwiftML {o:.2f} s, PyCaret {p:.2f} s, "
      f"speed-up {p / o:.1f}x")

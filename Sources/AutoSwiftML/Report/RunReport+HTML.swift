extension RunReport {
    /// The report as one self-contained HTML page: minimal inline CSS, every chart's SVG inlined,
    /// no scripts and no external resources.
    /// - Complexity: O(size of the report).
    public var html: String {
        let e = SVGDocument.escape
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(e(title))</title>
        <style>
        body { font-family: Helvetica, Arial, sans-serif; color: #222; max-width: 1100px; margin: 24px auto; padding: 0 16px; line-height: 1.45; }
        h1 { font-size: 1.6em; border-bottom: 2px solid #4c78a8; padding-bottom: 6px; }
        h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 0.92em; }
        th, td { border: 1px solid #ddd; padding: 4px 10px; text-align: left; }
        th { background: #f3f6fa; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr:nth-child(even) td { background: #fafafa; }
        li.warning { color: #8a4b00; }
        li.error { color: #b00020; font-weight: bold; }
        figure { margin: 16px 0 28px; }
        figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { color: #555; font-size: 0.9em; margin-top: 4px; }
        </style>
        </head>
        <body>
        <h1>\(e(title))</h1>

        """
        for block in blocks {
            switch block {
            case let .heading(text):
                out += "<h2>\(e(text))</h2>\n"
            case let .paragraph(text):
                out += "<p>\(e(text))</p>\n"
            case let .bullets(items):
                out += "<ul>\n"
                for item in items {
                    let kind = item.hasPrefix("ERROR:") ? " class=\"error\"" : item.hasPrefix("WARNING:") ? " class=\"warning\"" : ""
                    out += "<li\(kind)>\(e(item))</li>\n"
                }
                out += "</ul>\n"
            case let .table(headers, rows, alignRight):
                out += "<table>\n<tr>" + headers.map { "<th>\(e($0))</th>" }.joined() + "</tr>\n"
                for row in rows {
                    out += "<tr>" + row.enumerated().map { i, cell in
                        (i < alignRight.count && alignRight[i] ? "<td class=\"num\">" : "<td>") + e(cell) + "</td>"
                    }.joined() + "</tr>\n"
                }
                out += "</table>\n"
            case let .chart(chart):
                out += "<figure id=\"\(e(chart.name))\">\n\(chart.svg)<figcaption>\(e(chart.caption))</figcaption>\n</figure>\n"
            }
        }
        out += "</body>\n</html>\n"
        return out
    }
}

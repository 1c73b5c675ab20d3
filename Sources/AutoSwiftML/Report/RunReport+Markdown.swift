extension RunReport {
    /// The report as GitHub-flavoured Markdown. Each chart becomes an image link to
    /// `<chart.name>.svg` (saved beside `report.md` by `ReportWriter`) with its caption.
    /// - Complexity: O(size of the report).
    public var markdown: String {
        var out = "# " + Self.markdownInline(title) + "\n"
        for block in blocks {
            out += "\n"
            switch block {
            case let .heading(text):
                out += "## " + Self.markdownInline(text) + "\n"
            case let .paragraph(text):
                out += Self.markdownInline(text) + "\n"
            case let .bullets(items):
                out += items.map { "- " + Self.markdownInline($0) + "\n" }.joined()
            case let .table(headers, rows, alignRight):
                out += "| " + headers.map(Self.markdownCell).joined(separator: " | ") + " |\n"
                out += "|" + alignRight.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
                for row in rows { out += "| " + row.map(Self.markdownCell).joined(separator: " | ") + " |\n" }
            case let .chart(chart):
                out += "![\(Self.markdownInline(chart.caption).replacingOccurrences(of: "]", with: "\\]"))](\(chart.name).svg)\n\n"
                out += "*" + Self.markdownInline(chart.caption) + "*\n"
            }
        }
        return out
    }

    /// Text on one line with Markdown's inline markup characters escaped.
    static func markdownInline(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\n", "\r": out.append(" ")
            case "\\", "`", "*", "_", "[", "<", ">", "#", "|": out.append("\\"); out.append(ch)
            default: out.append(ch)
            }
        }
        return out
    }

    /// A table cell: inline text with pipes escaped.
    static func markdownCell(_ s: String) -> String { markdownInline(s) }
}

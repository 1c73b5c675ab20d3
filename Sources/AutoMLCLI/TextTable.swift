/// Plain-text table rendering for the terminal, padded to column widths.
enum TextTable {
    /// Renders `header` and `rows` with two spaces between columns; numeric-looking cells are
    /// right-aligned.
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let columnCount = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for row in all { for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.count) } }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for j in 0..<columnCount {
                let cell = j < row.count ? row[j] : ""
                let pad = String(repeating: " ", count: widths[j] - cell.count)
                parts.append(isNumeric(cell) ? pad + cell : cell + pad)
            }
            return parts.joined(separator: "  ").replacingTrailingSpaces()
        }
        var out = [line(header)]
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        out += rows.map(line)
        return out.joined(separator: "\n")
    }

    static func isNumeric(_ s: String) -> Bool {
        let t = s.hasSuffix("*") ? String(s.dropLast()) : s
        return !t.isEmpty && Double(t) != nil
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

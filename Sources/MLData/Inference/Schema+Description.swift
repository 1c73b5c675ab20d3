extension Schema: CustomStringConvertible {
    /// A plain-text table, one line per column:
    ///
    ///     column       type         missing  distinct  note
    ///     PassengerId  numeric            0       891  ID-like: integer values unique per row (891 distinct in 891 rows)
    public var description: String {
        let header = ["column", "type", "missing", "distinct", "note"]
        let rows = columns.map { c in
            [c.name, c.type.rawValue, String(c.missingCount), String(c.distinctCount),
             c.idLikeReason.map { "ID-like: \($0)" } ?? ""]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (k, cell) in row.enumerated() { widths[k] = max(widths[k], cell.count) }
        }
        func render(_ row: [String]) -> String {
            var line = ""
            for (k, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[k] - cell.count)
                switch k {
                case 2, 3: line += pad + cell          // numbers right-aligned
                case row.count - 1: line += cell       // last column unpadded
                default: line += cell + pad
                }
                if k < row.count - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        return ([render(header)] + rows.map(render)).joined(separator: "\n")
    }
}

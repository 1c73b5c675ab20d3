/// Column type inference and ID-like detection: the rules the CSV reader applies to every column.
///
/// **Types**, tried in this order on the present (non-missing) cells:
/// 1. `numeric` when every present cell is a finite decimal number (`NumberParser` grammar, spaces
///    and tabs around it allowed). A column with no present cell is numeric (all NaN), as in pandas.
///    `0`/`1` columns stay numeric, as in pandas and PyCaret.
/// 2. `boolean` when the present cells, trimmed and lowercased, take exactly the two values of one
///    pair among true/false, yes/no, t/f, y/n (the first of each pair reads as `true`).
/// 3. `categorical` otherwise, with levels sorted (Swift `String` order) so codes never depend on
///    row order — unless the column is ID-like, in which case it becomes `text`.
///
/// **ID-like** (checked only when the table has at least `Options.minimumRowsForIDDetection` rows):
/// - a numeric column with no missing cell, only integer values, and a different value on every row
///   (PassengerId);
/// - a text or categorical column whose distinct present values number at least
///   `Options.textCardinalityRatio` × rows (Name: unique on every row; Ticket: 681 distinct in 891
///   rows). Such a column is stored as `.text`.
/// Boolean columns are never ID-like.
public enum SchemaInference {
    /// Thresholds of the ID-like rule.
    public struct Options: Codable, Sendable, Hashable {
        /// Fewer rows than this and no column is ID-like (tiny tables are all unique). Default 20.
        public var minimumRowsForIDDetection: Int
        /// A string column with at least this fraction of rows as distinct values is free text
        /// or an identifier. Default 0.5.
        public var textCardinalityRatio: Double

        /// Options with the documented defaults.
        public init(minimumRowsForIDDetection: Int = 20, textCardinalityRatio: Double = 0.5) {
            self.minimumRowsForIDDetection = minimumRowsForIDDetection
            self.textCardinalityRatio = textCardinalityRatio
        }
    }

    /// The pairs of spellings read as booleans (lowercase; the first is `true`).
    public static let booleanPairs: [(true: String, false: String)] = [
        ("true", "false"), ("yes", "no"), ("t", "f"), ("y", "n"),
    ]

    /// Types a whole raw table and describes it.
    /// - Throws: `MLError.invalidInput` when two header names repeat.
    public static func infer(_ raw: RawTable, options: Options = Options()) throws -> (table: DataTable, schema: Schema) {
        var columns: [Column] = []
        for (name, cells) in zip(raw.header, raw.columns) {
            columns.append(column(named: name, cells: cells, options: options))
        }
        let table = try DataTable(columns: columns)
        return (table, Schema(of: table, options: options))
    }

    /// Types one column given as text cells (`nil` = missing).
    public static func column(named name: String, cells: [String?], options: Options = Options()) -> Column {
        var values: [Double] = []
        var missing: [Bool] = []
        values.reserveCapacity(cells.count)
        missing.reserveCapacity(cells.count)
        var isNumeric = true
        for cell in cells {
            if let cell {
                guard let v = NumberParser.parse(cell), v.isFinite else { isNumeric = false; break }
                values.append(v)
                missing.append(false)
            } else {
                values.append(.nan)
                missing.append(true)
            }
        }
        if isNumeric { return Column(name: name, data: .numeric(values: values, missing: missing)) }
        return textColumn(named: name, cells: cells, options: options)
    }

    /// Types a column known not to be numeric: boolean, categorical, or text when ID-like.
    public static func textColumn(named name: String, cells: [String?], options: Options = Options()) -> Column {
        // Distinct values in order of first appearance.
        var codeOf: [String: Int32] = [:]
        var distinct: [String] = []
        var codes = [Int32](repeating: -1, count: cells.count)
        for (i, cell) in cells.enumerated() {
            guard let cell else { continue }
            if let c = codeOf[cell] {
                codes[i] = c
            } else {
                let c = Int32(distinct.count)
                codeOf[cell] = c
                distinct.append(cell)
                codes[i] = c
            }
        }
        return textColumn(named: name, codes: codes, distinct: distinct, options: options)
    }

    /// Types a non-numeric column given as codes into `distinct` (−1 = missing): boolean,
    /// categorical with sorted levels, or text when ID-like.
    ///
    /// `distinct` may hold values that `String` considers equal (canonically equivalent Unicode,
    /// such as a precomposed `é` and `e` + combining accent); they are merged first, so levels are
    /// always unique under `==`.
    static func textColumn(named name: String, codes firstCodes: [Int32], distinct firstDistinct: [String],
                           options: Options) -> Column {
        var codes = firstCodes
        var distinct = firstDistinct
        // Merge values equal as `String`s (keeps the first spelling).
        var firstIndex: [String: Int32] = [:]
        var merge = [Int32](repeating: 0, count: distinct.count)
        var merged: [String] = []
        for (d, value) in distinct.enumerated() {
            if let existing = firstIndex[value] {
                merge[d] = existing
            } else {
                let c = Int32(merged.count)
                firstIndex[value] = c
                merged.append(value)
                merge[d] = c
            }
        }
        if merged.count != distinct.count {
            for i in 0..<codes.count where codes[i] >= 0 { codes[i] = merge[Int(codes[i])] }
            distinct = merged
        }
        let rows = codes.count
        if let truth = booleanMeaning(of: distinct) {
            var values = [Bool](repeating: false, count: rows)
            var missing = [Bool](repeating: false, count: rows)
            for i in 0..<rows {
                if codes[i] < 0 { missing[i] = true } else { values[i] = truth[Int(codes[i])] }
            }
            return Column(name: name, data: .boolean(values: values, missing: missing))
        }
        if rows >= options.minimumRowsForIDDetection,
           Double(distinct.count) >= options.textCardinalityRatio * Double(rows) {
            return Column(name: name, data: .text(codes.map { $0 < 0 ? nil : distinct[Int($0)] }))
        }
        // Sorted levels: remap first-appearance codes.
        let order = distinct.indices.sorted { distinct[$0] < distinct[$1] }
        var remap = [Int32](repeating: 0, count: distinct.count)
        for (newCode, oldCode) in order.enumerated() { remap[oldCode] = Int32(newCode) }
        for i in 0..<codes.count where codes[i] >= 0 { codes[i] = remap[Int(codes[i])] }
        return Column(name: name, data: .categorical(codes: codes, levels: order.map { distinct[$0] }))
    }

    /// For distinct values that form one boolean pair (both spellings present, in any case and with
    /// surrounding blanks), the truth value of each; otherwise `nil`.
    public static func booleanMeaning(of distinctValues: [String]) -> [Bool]? {
        guard !distinctValues.isEmpty else { return nil }
        let normalized = distinctValues.map { $0.trimmingBlanks().lowercased() }
        for pair in booleanPairs {
            var sawTrue = false, sawFalse = false, other = false
            for v in normalized {
                if v == pair.true { sawTrue = true } else if v == pair.false { sawFalse = true } else { other = true; break }
            }
            if !other && sawTrue && sawFalse { return normalized.map { $0 == pair.true } }
        }
        return nil
    }

    /// Describes a typed column: type, missing and distinct counts, ID-likeness.
    public static func describe(_ column: Column, options: Options = Options()) -> ColumnSchema {
        let reason = idLikeReason(column, options: options)
        return ColumnSchema(name: column.name, type: column.type, isIDLike: reason != nil, idLikeReason: reason,
                            missingCount: column.missingCount, distinctCount: distinctCount(column))
    }

    /// Whether `column` is ID-like, and why (the rule is in the type's documentation).
    public static func isIDLike(_ column: Column, options: Options = Options()) -> (isIDLike: Bool, reason: String?) {
        let reason = idLikeReason(column, options: options)
        return (reason != nil, reason)
    }

    /// The reason `column` is ID-like, or `nil`.
    static func idLikeReason(_ column: Column, options: Options) -> String? {
        let rows = column.count
        guard rows >= options.minimumRowsForIDDetection, rows > 0 else { return nil }
        switch column.data {
        case let .numeric(values, missing):
            guard !missing.contains(true), values.allSatisfy({ $0 == $0.rounded() }) else { return nil }
            let distinct = distinctCount(column)
            guard distinct == rows else { return nil }
            return "integer values unique per row (\(distinct) distinct in \(rows) rows)"
        case .categorical, .text:
            let distinct = distinctCount(column)
            if distinct == rows { return "text unique per row (\(distinct) distinct in \(rows) rows)" }
            guard Double(distinct) >= options.textCardinalityRatio * Double(rows) else { return nil }
            let percent = Int((options.textCardinalityRatio * 100).rounded())
            return "free text: \(distinct) distinct values in \(rows) rows (at least \(percent)% of rows)"
        case .boolean:
            return nil
        }
    }

    /// The number of distinct present values (levels actually used, for categorical columns).
    public static func distinctCount(_ column: Column) -> Int {
        switch column.data {
        case let .numeric(values, missing):
            return DistinctCounter.count(values, missing: missing)
        case let .categorical(codes, levels):
            var used = [Bool](repeating: false, count: levels.count)
            for c in codes where c >= 0 && Int(c) < levels.count { used[Int(c)] = true }
            return used.reduce(0) { $0 + ($1 ? 1 : 0) }
        case let .boolean(values, missing):
            var sawTrue = false, sawFalse = false
            for (v, m) in zip(values, missing) where !m { if v { sawTrue = true } else { sawFalse = true } }
            return (sawTrue ? 1 : 0) + (sawFalse ? 1 : 0)
        case let .text(cells):
            return Set(cells.compactMap { $0 }).count
        }
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}

import MLCore
import MLData
import MLModels

extension ModelSchema {
    /// New data checked against the schema: only the feature columns, converted to their training
    /// types, and warnings about values training never saw.
    struct PreparedInput {
        var table: DataTable
        var warnings: [String]
    }

    /// Checks `table` against the schema and keeps the feature columns, in schema order.
    ///
    /// Extra columns are ignored; dropped columns need not be present. A column read with another
    /// type than at training (a small file can make `yes/no` look categorical, or a number column
    /// text) is converted when every value allows it.
    /// - Throws: `MLError.invalidInput` naming the first missing feature column (and listing the
    ///   required ones), a value that cannot be converted, or a table without rows.
    func prepare(_ table: DataTable) throws -> PreparedInput {
        let required = requiredColumnNames
        let missing = required.filter { table.column(named: $0) == nil }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            throw MLError.invalidInput("Missing column\(missing.count > 1 ? "s" : "") \(names): the model was trained with \(missing.count > 1 ? "them" : "it"). Required columns: \(required.joined(separator: ", ")).")
        }
        guard table.rowCount > 0 else { throw MLError.invalidInput("The data has no rows to predict.") }
        var columns: [MLData.Column] = []
        var warnings: [String] = []
        for spec in self.columns where spec.isFeature {
            guard let column = table.column(named: spec.name) else { continue }
            let converted = try ModelSchema.convert(column, to: spec.type)
            if let levels = spec.levels, let warning = ModelSchema.unseenLevelWarning(converted, levels: levels) {
                warnings.append(warning)
            }
            columns.append(converted)
        }
        return PreparedInput(table: try DataTable(columns: columns), warnings: warnings)
    }

    /// `column` converted to `type` when it was read as another type.
    static func convert(_ column: MLData.Column, to type: ColumnType) throws -> MLData.Column {
        guard column.type != type else { return column }
        let cells = categoryStrings(column)
        switch type {
        case .numeric:
            var values = [Double](repeating: .nan, count: cells.count)
            var missing = [Bool](repeating: true, count: cells.count)
            for (i, cell) in cells.enumerated() {
                guard let cell else { continue }
                let typed = SchemaInference.column(named: column.name, cells: [cell])
                guard case let .numeric(v, _) = typed.data, let x = v.first, x.isFinite else {
                    throw MLError.invalidInput("Column '\(column.name)' was numeric in training, but data row \(i + 1) holds '\(cell)'.")
                }
                values[i] = x
                missing[i] = false
            }
            return MLData.Column(name: column.name, data: .numeric(values: values, missing: missing))
        case .boolean:
            if case .numeric = column.data { return column }   // 0/1 numbers; the encoder checks them
            var values = [Bool](repeating: false, count: cells.count)
            var missing = [Bool](repeating: true, count: cells.count)
            for (i, cell) in cells.enumerated() {
                guard let cell else { continue }
                let word = ModelSchema.trimmed(cell).lowercased()
                guard let pair = SchemaInference.booleanPairs.first(where: { $0.true == word || $0.false == word }) else {
                    throw MLError.invalidInput("Column '\(column.name)' was boolean in training, but data row \(i + 1) holds '\(cell)'.")
                }
                values[i] = pair.true == word
                missing[i] = false
            }
            return MLData.Column(name: column.name, data: .boolean(values: values, missing: missing))
        case .categorical, .text:
            return column   // encoded from the values' text
        }
    }

    /// `s` without leading and trailing spaces and tabs.
    static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }

    /// A warning when some present values of `column` are not among `levels`.
    static func unseenLevelWarning(_ column: MLData.Column, levels: [String]) -> String? {
        let known = Set(levels)
        var unseen: [String] = []
        var seen = Set<String>()
        var rows = 0
        for case let value? in categoryStrings(column) where !known.contains(value) {
            rows += 1
            if seen.insert(value).inserted { unseen.append(value) }
        }
        guard rows > 0 else { return nil }
        let shown = unseen.prefix(5).map { "'\($0)'" }.joined(separator: ", ") + (unseen.count > 5 ? ", …" : "")
        return "Column '\(column.name)': \(rows) row(s) with categories not seen in training (\(shown)); encoded as an unseen category, as in training."
    }
}

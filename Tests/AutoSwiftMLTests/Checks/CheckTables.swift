import Foundation
@testable import AutoSwiftML
import TestSupport

/// Small tables for the data-check tests, and a minimal CSV reader for `datasets/titanic.csv`
/// (the real reader lives on another branch).
enum CheckTables {
    /// Numeric column from values (NaN = missing).
    static func numeric(_ name: String, _ values: [Double]) -> Column {
        Column(name: name, data: .numeric(values: values, missing: values.map { $0.isNaN }))
    }

    /// Categorical column from strings (nil = missing), levels in sorted order.
    static func categorical(_ name: String, _ values: [String?]) -> Column {
        let levels = Array(Set(values.compactMap { $0 })).sorted()
        var index: [String: Int32] = [:]
        for (k, l) in levels.enumerated() { index[l] = Int32(k) }
        return Column(name: name, data: .categorical(codes: values.map { $0.flatMap { index[$0] } ?? -1 }, levels: levels))
    }

    /// Free-text column.
    static func text(_ name: String, _ values: [String?]) -> Column {
        Column(name: name, data: .text(values))
    }

    /// A binary-classification table with no problem: 300 rows, a numeric feature with a modest
    /// signal, a noise category, a boolean, and a noisy target.
    static func cleanBinary(rows n: Int = 300, seed: UInt64 = 7) throws -> DataTable {
        var rng = RandomStream(seed: seed)
        var x = [Double](), noise = [String?](), flag = [Bool](), y = [Double]()
        for _ in 0..<n {
            let a = rng.nextNormal()
            x.append(a)
            noise.append(["red", "green", "blue"][rng.nextInt(below: 3)])
            flag.append(rng.nextUniform() < 0.5)
            y.append(a + 1.5 * rng.nextNormal() > 0 ? 1 : 0)
        }
        return try DataTable(columns: [
            numeric("x", x), categorical("colour", noise),
            Column(name: "flag", data: .boolean(values: flag, missing: Array(repeating: false, count: n))),
            numeric("y", y),
        ])
    }

    /// A regression table with no problem: y = x + noise, plus an unrelated category.
    static func cleanRegression(rows n: Int = 300, seed: UInt64 = 11) throws -> DataTable {
        var rng = RandomStream(seed: seed)
        var x = [Double](), group = [String?](), y = [Double]()
        for _ in 0..<n {
            let a = rng.nextNormal()
            x.append(a)
            group.append(["a", "b", "c", "d"][rng.nextInt(below: 4)])
            y.append(a + rng.nextNormal())
        }
        return try DataTable(columns: [numeric("x", x), categorical("group", group), numeric("y", y)])
    }

    /// Rows of a CSV file with RFC 4180 quoting (enough for titanic.csv).
    static func readCSV(_ url: URL) throws -> (header: [String], rows: [[String]]) {
        let text = try String(contentsOf: url, encoding: .utf8)
        var records: [[String]] = []
        var field = "", record: [String] = []
        var inQuotes = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r" && chars.first == "\n" { chars.removeFirst() }
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        guard let header = records.first else { throw MLError.invalidInput("empty CSV \(url.path)") }
        return (header, Array(records.dropFirst()))
    }

    /// A table from CSV rows: a column is numeric when every non-empty field reads as a number,
    /// categorical otherwise; empty fields are missing.
    static func table(header: [String], rows: [[String]]) throws -> DataTable {
        var columns: [Column] = []
        for (j, name) in header.enumerated() {
            let fields: [String?] = rows.map { j < $0.count && !$0[j].isEmpty ? $0[j] : nil }
            let numbers = fields.map { $0.flatMap(Double.init) }
            if zip(fields, numbers).allSatisfy({ $0 == nil || $1 != nil }) {
                columns.append(numeric(name, numbers.map { $0 ?? .nan }))
            } else {
                columns.append(categorical(name, fields))
            }
        }
        return try DataTable(columns: columns)
    }

    /// `datasets/titanic.csv` as a table.
    static func titanic() throws -> DataTable {
        let csv = try readCSV(RepositoryPaths.dataset("titanic.csv"))
        return try table(header: csv.header, rows: csv.rows)
    }

    /// Titanic with `Survived` replaced by `Sex == "female" ? 1 : 0`, as Kaggle's
    /// gender_submission.csv joined onto the test file would give.
    static func leakyTitanic() throws -> DataTable {
        var table = try titanic()
        let sex = try table.requireColumn("Sex")
        let survived = (0..<table.rowCount).map { sex.string(at: $0) == "female" ? 1.0 : 0.0 }
        try table.setColumn(numeric("Survived", survived))
        return table
    }
}

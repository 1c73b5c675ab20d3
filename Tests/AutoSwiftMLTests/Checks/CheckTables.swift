import Foundation
@testable import AutoSwiftML
import TestSupport

/// Small tables for the data-check tests, and `datasets/titanic.csv` with and without its leak.
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

    /// `datasets/titanic.csv` as a table, read by the project's CSV reader.
    static func titanic() throws -> DataTable {
        try CSVReader.readTable(at: RepositoryPaths.dataset("titanic.csv"))
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

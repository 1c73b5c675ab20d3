import AutoSwiftML
import Foundation
import TestSupport

/// Small tables for life-cycle tests: numbers, a category, a boolean, an ID column and a target.
enum LifecycleTestData {
    /// `rows` rows; `y` is a class ("no"/"yes") or, for regression, a number. `colours` (2 or 3)
    /// levels in the categorical column: 3 are one-hot encoded (collinear columns), 2 are one 0/1
    /// column, so every model (QDA included) can fit.
    /// With `multiclass`, `y` takes three classes ("low", "mid", "high").
    static func table(rows: Int = 40, regression: Bool = false, colours: Int = 3,
                      multiclass: Bool = false) throws -> DataTable {
        var x1: [Double] = [], x2: [Double] = [], colour: [Int32] = [], flag: [Bool] = [], y: [Double] = []
        var rng = RandomStream(seed: 7)
        for i in 0..<rows {
            let a = rng.nextNormal(), b = rng.nextNormal()
            let c = Int32(i % colours)
            x1.append(a)
            x2.append(b)
            colour.append(c)
            flag.append(i % 4 == 0)
            y.append(a + 0.5 * b + (c == 1 ? 0.7 : 0) + 0.3 * rng.nextNormal())
        }
        var missing = [Bool](repeating: false, count: rows)
        missing[3] = true
        x2[3] = .nan
        let target: Column
        if regression {
            target = Column(name: "y", data: .numeric(values: y, missing: [Bool](repeating: false, count: rows)))
        } else if multiclass {
            target = Column(name: "y", data: .categorical(codes: y.map { $0 < -0.3 ? 1 : ($0 < 0.7 ? 2 : 0) },
                                                          levels: ["high", "low", "mid"]))
        } else {
            target = Column(name: "y", data: .categorical(codes: y.map { $0 > 0.2 ? 1 : 0 }, levels: ["no", "yes"]))
        }
        return try DataTable(columns: [
            Column(name: "id", data: .numeric(values: (0..<rows).map { Double($0 + 1) }, missing: [Bool](repeating: false, count: rows))),
            Column(name: "x1", data: .numeric(values: x1, missing: [Bool](repeating: false, count: rows))),
            Column(name: "x2", data: .numeric(values: x2, missing: missing)),
            Column(name: "colour", data: .categorical(codes: colour, levels: Array(["blue", "green", "red"].prefix(colours)))),
            Column(name: "flag", data: .boolean(values: flag, missing: [Bool](repeating: false, count: rows))),
            target,
        ])
    }

    /// A fresh empty folder.
    static func temporaryFolder() throws -> URL {
        try makeTemporaryFolder("autoswiftml-lifecycle")
    }

    /// A logistic regression trained on the small classification table.
    static func logisticModel() throws -> TrainedModel {
        try TrainedModel.fit(table: table(), targetColumn: "y", estimator: LogisticRegression()).model
    }
}

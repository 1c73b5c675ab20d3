import Foundation
import MLCore
import MLModels
import MLData

/// The target column as the checks see it: only the rows where it is present, as class indices
/// (classification) or finite numbers (regression).
struct CheckTarget: Sendable {
    /// Table rows whose target is present, ascending.
    let rows: [Int]
    /// Class index per kept row (classification only; empty for regression).
    let classes: [Int32]
    /// Class names, index by index (classification only).
    let classNames: [String]
    /// Rows per class (classification only).
    let classCounts: [Int]
    /// Target value per kept row (regression only; empty for classification).
    let values: [Double]
    /// Table rows with no target value.
    let missingCount: Int

    /// True for a classification target.
    let isClassification: Bool

    /// Reads the target column for `task`; a NaN number counts as missing.
    /// - Throws: `MLError.invalidInput` for a regression target that is not numeric or holds an
    ///   infinite number, or a categorical code outside its levels.
    init(column: Column, task: Task) throws {
        let n = column.count
        var rows: [Int] = []
        rows.reserveCapacity(n)
        var numbers: [Double] = []
        if case let .numeric(v, _) = column.data { numbers = v }
        for i in 0..<n where !column.isMissing(i) && !(numbers.isEmpty ? false : numbers[i].isNaN) { rows.append(i) }
        self.rows = rows
        self.missingCount = n - rows.count
        self.isClassification = task.isClassification

        if task == .regression {
            var values = [Double]()
            values.reserveCapacity(rows.count)
            switch column.data {
            case let .numeric(v, _):
                for i in rows { values.append(v[i]) }
            case let .boolean(v, _):
                for i in rows { values.append(v[i] ? 1 : 0) }
            case .categorical, .text:
                for i in rows {
                    let s = column.string(at: i).trimmingCharacters(in: .whitespaces)
                    guard let x = Double(s) else {
                        throw MLError.invalidInput("Regression target '\(column.name)' must be numeric; "
                            + "row \(i + 1) holds '\(s)'.")
                    }
                    values.append(x)
                }
            }
            if let k = values.firstIndex(where: { !$0.isFinite }) {
                throw MLError.invalidInput("Regression target '\(column.name)' holds \(values[k]) at row \(rows[k] + 1); "
                    + "it must be finite.")
            }
            self.values = values
            self.classes = []
            self.classNames = []
            self.classCounts = []
            return
        }

        // Classification: compact class indices over the values present, in a fixed order.
        var classes = [Int32](repeating: 0, count: rows.count)
        var names: [String] = []
        switch column.data {
        case let .numeric(v, _):
            let distinct = Array(Set(rows.map { v[$0] })).sorted()
            var index: [Double: Int32] = [:]
            for (k, x) in distinct.enumerated() { index[x] = Int32(k) }
            for (r, i) in rows.enumerated() { classes[r] = index[v[i]] ?? 0 }
            names = distinct.map(Column.format)
        case let .boolean(v, _):
            let hasFalse = rows.contains { !v[$0] }, hasTrue = rows.contains { v[$0] }
            if hasFalse { names.append("false") }
            if hasTrue { names.append("true") }
            for (r, i) in rows.enumerated() { classes[r] = (v[i] && hasFalse) ? 1 : 0 }
        case let .categorical(codes, levels):
            var used = [Bool](repeating: false, count: levels.count)
            for i in rows {
                guard Int(codes[i]) < levels.count else {
                    throw MLError.invalidInput("Target '\(column.name)' has code \(codes[i]) at row \(i + 1) but only "
                        + "\(levels.count) levels.")
                }
                used[Int(codes[i])] = true
            }
            var remap = [Int32](repeating: -1, count: levels.count)
            for (l, isUsed) in used.enumerated() where isUsed {
                remap[l] = Int32(names.count)
                names.append(levels[l])
            }
            for (r, i) in rows.enumerated() { classes[r] = remap[Int(codes[i])] }
        case let .text(t):
            let distinct = Array(Set(rows.compactMap { t[$0] })).sorted()
            var index: [String: Int32] = [:]
            for (k, s) in distinct.enumerated() { index[s] = Int32(k) }
            for (r, i) in rows.enumerated() { classes[r] = t[i].flatMap { index[$0] } ?? 0 }
            names = distinct
        }
        var counts = [Int](repeating: 0, count: names.count)
        for c in classes { counts[Int(c)] += 1 }
        self.classes = classes
        self.classNames = names
        self.classCounts = counts
        self.values = []
    }

    /// Fold of each kept row: stratified by class for classification (each class shuffled, then dealt
    /// round-robin, continuing where the previous class stopped), a shuffled round-robin for regression.
    /// - Complexity: O(n).
    func foldAssignment(foldCount: Int, using rng: inout RandomStream) -> [UInt8] {
        let n = rows.count
        var folds = [UInt8](repeating: 0, count: n)
        if classNames.isEmpty {
            let order = rng.permutation(n)
            for (position, r) in order.enumerated() { folds[r] = UInt8(position % foldCount) }
            return folds
        }
        var members = [[Int]](repeating: [], count: classNames.count)
        for (r, c) in classes.enumerated() { members[Int(c)].append(r) }
        var dealt = 0
        for c in 0..<members.count {
            var m = members[c]
            rng.shuffle(&m)
            for r in m {
                folds[r] = UInt8(dealt % foldCount)
                dealt += 1
            }
        }
        return folds
    }
}

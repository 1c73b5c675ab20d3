import MLCore
import MLData
import MLModels

/// The target column turned into a model `Target`, as scikit-learn's `LabelEncoder` does for classes.
public struct EncodedTarget: Sendable, Codable, Hashable {
    /// The target of the kept rows.
    public let target: Target
    /// The task: given, or inferred from the column.
    public let task: Task
    /// The rows of the source table that have a target value, ascending.
    public let keptRows: [Int]
    /// How many rows were dropped because their target was missing.
    public var droppedRowCount: Int { sourceRowCount - keptRows.count }
    /// The source table's row count.
    public let sourceRowCount: Int
}

/// Encodes a target column.
public enum LabelEncoder {
    /// Integer-valued numeric targets with at most this many distinct values are inferred to be
    /// classes; other numeric targets are regression.
    public static let maxInferredClassCount = 10

    /// Encodes `column` as a target, dropping rows whose target is missing.
    ///
    /// Class names are sorted as scikit-learn's `LabelEncoder` sorts them: numbers numerically
    /// (written as `Column.format` writes them: "0", "1", "2.5"), everything else as strings;
    /// booleans give "false", "true".
    /// - Parameter task: the task to use; `nil` infers it (text, categories and booleans are
    ///   classes; numbers are classes when integer-valued with at most `maxInferredClassCount`
    ///   distinct values, else regression).
    /// - Throws: `MLError.invalidInput` for a target without values, a classification target with
    ///   one class, a regression target that is not numeric, or a task that contradicts the class count.
    public static func encode(_ column: Column, task: Task? = nil) throws -> EncodedTarget {
        let n = column.count
        let kept = (0..<n).filter { !column.isMissing($0) && !isNonFinite(column, $0) }
        guard !kept.isEmpty else {
            throw MLError.invalidInput("The target column '\(column.name)' has no values.")
        }
        let kind = task?.kind ?? inferKind(column, rows: kept)
        switch kind {
        case .regression:
            guard case let .numeric(values, _) = column.data else {
                throw MLError.invalidInput("The target column '\(column.name)' is \(column.type.rawValue), so it cannot be a regression target.")
            }
            return EncodedTarget(target: .values(kept.map { values[$0] }), task: .regression, keptRows: kept,
                                 sourceRowCount: n)
        case .classification:
            let (names, indices) = classNames(column, rows: kept)
            guard names.count >= 2 else {
                throw MLError.invalidInput("The target column '\(column.name)' has a single class ('\(names.first ?? "")'); classification needs at least two.")
            }
            let inferred: Task = names.count == 2 ? .binary : .multiclass
            if let task, task != inferred {
                throw MLError.invalidInput("The target column '\(column.name)' has \(names.count) classes, so the task is \(inferred.rawValue), not \(task.rawValue).")
            }
            return EncodedTarget(target: .classes(indices: indices, names: names), task: inferred, keptRows: kept,
                                 sourceRowCount: n)
        }
    }

    private static func isNonFinite(_ column: Column, _ i: Int) -> Bool {
        if case let .numeric(v, _) = column.data { return !v[i].isFinite }
        return false
    }

    private static func inferKind(_ column: Column, rows: [Int]) -> ProblemKind {
        guard case let .numeric(values, _) = column.data else { return .classification }
        var distinct = Set<Double>()
        for i in rows {
            guard values[i] == values[i].rounded() else { return .regression }
            distinct.insert(values[i])
            if distinct.count > maxInferredClassCount { return .regression }
        }
        return .classification
    }

    /// Sorted class names and each kept row's class index.
    private static func classNames(_ column: Column, rows: [Int]) -> ([String], [Int32]) {
        if case let .numeric(values, _) = column.data {
            let sorted = Set(rows.map { values[$0] }).sorted()
            var index: [Double: Int32] = [:]
            for (i, v) in sorted.enumerated() { index[v] = Int32(i) }
            return (sorted.map(Column.format), rows.map { index[values[$0]] ?? 0 })
        }
        let strings = categoryStrings(column)
        let sorted = Set(rows.compactMap { strings[$0] }).sorted()
        var index: [String: Int32] = [:]
        for (i, s) in sorted.enumerated() { index[s] = Int32(i) }
        return (sorted, rows.map { strings[$0].flatMap { index[$0] } ?? 0 })
    }
}

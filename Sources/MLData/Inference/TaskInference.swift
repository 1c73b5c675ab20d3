import MLCore

/// The learning task a target column calls for.
///
/// This mirrors `MLModels.Task` case for case (same raw values), because MLData does not depend on
/// MLModels; convert with `Task(rawValue: inferred.rawValue)`.
public enum InferredTask: String, Codable, Sendable, CaseIterable, Hashable {
    /// Two classes.
    case binary
    /// Three or more classes.
    case multiclass
    /// A real number.
    case regression

    /// True for `binary` and `multiclass`.
    public var isClassification: Bool { self != .regression }
}

/// Chooses binary, multiclass or regression from a target column.
///
/// Rule: categorical, boolean and text targets are classification; a numeric target is
/// classification when all its present values are integers and it has at most
/// `maximumClassCountForNumericTarget` (20) distinct values, regression otherwise. Classification
/// with 2 distinct values is `binary`, with more `multiclass`. Missing target cells are ignored
/// here; `missingTargetRows` lists them so the caller can drop those rows.
public enum TaskInference {
    /// The most distinct integer values a numeric target may have and still be read as classes.
    public static let maximumClassCountForNumericTarget = 20

    /// The task for `target`, or the checked `requested` task when the caller overrides it.
    /// - Throws: `MLError.invalidInput` when the target is entirely missing, has a single distinct
    ///   value, or cannot serve the requested task (regression on a non-numeric target, binary with
    ///   other than 2 classes, classification on non-integer numbers).
    public static func infer(target: Column, requested: InferredTask? = nil) throws -> InferredTask {
        let present = target.count - target.missingCount
        guard present > 0 else {
            throw MLError.invalidInput("Target column '\(target.name)' has no values: all \(target.count) rows are missing.")
        }
        let distinct = SchemaInference.distinctCount(target)
        guard distinct >= 2 else {
            let example = (0..<target.count).first { !target.isMissing($0) }.map { target.string(at: $0) } ?? ""
            throw MLError.invalidInput("Target column '\(target.name)' has a single value ('\(example)') in its \(present) non-missing rows: there is nothing to predict.")
        }
        var integral = true
        if case let .numeric(values, missing) = target.data {
            for (v, m) in zip(values, missing) where !m && v != v.rounded() { integral = false; break }
        }
        let isNumeric = target.type == .numeric
        if let requested {
            switch requested {
            case .regression:
                guard isNumeric else {
                    throw MLError.invalidInput("Target column '\(target.name)' is \(target.type.rawValue); regression needs a numeric target.")
                }
            case .binary, .multiclass:
                guard !isNumeric || integral else {
                    throw MLError.invalidInput("Target column '\(target.name)' holds non-integer numbers; classification needs class labels (use regression).")
                }
                if requested == .binary && distinct != 2 {
                    throw MLError.invalidInput("Target column '\(target.name)' has \(distinct) classes; binary classification needs exactly 2.")
                }
            }
            return requested
        }
        if isNumeric && !(integral && distinct <= maximumClassCountForNumericTarget) { return .regression }
        return distinct == 2 ? .binary : .multiclass
    }

    /// The rows whose target is missing, in increasing order (the caller drops them).
    public static func missingTargetRows(_ target: Column) -> [Int] {
        (0..<target.count).filter { target.isMissing($0) }
    }
}

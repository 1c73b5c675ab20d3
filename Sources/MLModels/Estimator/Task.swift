/// What a model predicts.
public enum Task: String, Codable, Sendable, CaseIterable, Hashable {
    /// Two classes.
    case binary
    /// Three or more classes.
    case multiclass
    /// A real number.
    case regression

    /// True for `binary` and `multiclass`.
    public var isClassification: Bool { self != .regression }
}

/// The two families of models PyCaret keeps apart (`pycaret.classification` / `pycaret.regression`).
public enum ProblemKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// Binary or multiclass classification.
    case classification
    /// Regression.
    case regression
}

extension Task {
    /// The family this task belongs to.
    public var kind: ProblemKind { isClassification ? .classification : .regression }
}

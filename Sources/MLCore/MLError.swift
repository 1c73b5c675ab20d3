/// The one error type of the numeric and model layers.
///
/// Every case names what was wrong in words a user can act on; the CLI prints
/// `description` as it is.
public enum MLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A hyperparameter is outside its declared constraint.
    case invalidParameter(estimator: String, name: String, value: String, expected: String)
    /// The data handed to a model or a kernel cannot be used (wrong shape, NaN, too few rows…).
    case invalidInput(String)
    /// A dimension mismatch between two operands.
    case shapeMismatch(expected: String, got: String)
    /// An iterative solver stopped before it met its tolerance and the caller asked for strictness.
    case notConverged(estimator: String, iterations: Int)
    /// LAPACK reported a failure (`info` is its return code).
    case numerical(routine: String, info: Int)
    /// A time budget ran out while the work was under way.
    case budgetExceeded(String)

    /// A human-readable message.
    public var description: String {
        switch self {
        case let .invalidParameter(estimator, name, value, expected):
            return "The '\(name)' parameter of \(estimator) must be \(expected). Got \(value) instead."
        case let .invalidInput(message):
            return message
        case let .shapeMismatch(expected, got):
            return "Shape mismatch: expected \(expected), got \(got)."
        case let .notConverged(estimator, iterations):
            return "\(estimator) did not converge in \(iterations) iterations."
        case let .numerical(routine, info):
            return "\(routine) failed (info = \(info)); the matrix may be singular or not positive definite."
        case let .budgetExceeded(what):
            return "Time budget exceeded: \(what)."
        }
    }
}

/// Why the experiment log could not be written or read.
public enum ExperimentLogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file or folder of the log could not be written.
    case unwritable(path: String, reason: String)
    /// An existing file of the log could not be read or understood.
    case unreadable(path: String, reason: String)
    /// An experiment name MLflow would reject (empty, or too long).
    case invalidExperimentName(String, reason: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case let .unwritable(path, reason):
            return "Cannot write the experiment log at \(path): \(reason)."
        case let .unreadable(path, reason):
            return "Cannot read the experiment log file \(path): \(reason)."
        case let .invalidExperimentName(name, reason):
            return "Invalid experiment name '\(name)': \(reason)."
        }
    }
}

/// Why a model file could not be read or written. Every message names the file.
public enum ModelFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read (missing, a folder, no permission).
    case unreadable(file: String, reason: String)
    /// The file could not be written.
    case unwritable(file: String, reason: String)
    /// The bytes are not a JSON object (empty, truncated or corrupt).
    case notJSON(file: String, detail: String)
    /// A JSON document, but not an AutoSwiftML model file (`format` missing or different).
    case wrongFormat(file: String, found: String?)
    /// A format version this build cannot read.
    case unsupportedVersion(file: String, found: Int, supported: Int, writtenBy: String?)
    /// The estimator named in the file is not in this build's registry.
    case unknownModel(file: String, kind: String, id: String, known: [String])
    /// A field is missing or holds a value of the wrong kind, or the parts do not fit together.
    case invalidContents(file: String, detail: String)

    /// A human-readable message.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "Cannot read the model file \(file): \(reason)."
        case let .unwritable(file, reason):
            return "Cannot write the model file \(file): \(reason)."
        case let .notJSON(file, detail):
            return "\(file) is not a valid model file: it is not a complete JSON document (truncated or corrupt?); \(detail)"
        case let .wrongFormat(file, found):
            if let found {
                return "\(file) is not an AutoSwiftML model file: its format is '\(found)', expected '\(ModelFile.formatName)'."
            }
            return "\(file) is not an AutoSwiftML model file: it has no \"format\": \"\(ModelFile.formatName)\" field."
        case let .unsupportedVersion(file, found, supported, writtenBy):
            let by = writtenBy.map { " (written by AutoSwiftML \($0))" } ?? ""
            if found > supported {
                return "\(file) has model format version \(found)\(by), newer than this AutoSwiftML \(AutoSwiftMLVersion.string) reads (format version \(supported)). Upgrade AutoSwiftML to load it."
            }
            return "\(file) has model format version \(found)\(by), which this AutoSwiftML \(AutoSwiftMLVersion.string) does not read (it reads format version \(supported))."
        case let .unknownModel(file, kind, id, known):
            return "\(file) holds a \(kind) model '\(id)' that this AutoSwiftML \(AutoSwiftMLVersion.string) does not know. Known \(kind) models: \(known.joined(separator: ", "))."
        case let .invalidContents(file, detail):
            return "\(file) is not a valid model file: \(detail)"
        }
    }
}

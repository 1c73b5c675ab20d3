/// A column preprocessing did not use, and why. Columns are never dropped silently.
public struct DroppedColumn: Sendable, Codable, Hashable {
    /// Why a column was dropped.
    public enum Reason: String, Sendable, Codable, Hashable, CaseIterable, CustomStringConvertible {
        /// Free text (names, comments).
        case text
        /// An identifier: a strictly increasing integer counter, or a category with every value distinct.
        case idLike
        /// Every training value is missing.
        case allMissing
        /// A single value in the training rows (after imputation).
        case constant
        /// Listed in `PreprocessingConfig.ignoredColumns`.
        case ignored

        /// The reason in words.
        public var description: String {
            switch self {
            case .text: return "free text"
            case .idLike: return "ID-like: every value distinct"
            case .allMissing: return "all values missing"
            case .constant: return "constant"
            case .ignored: return "ignored by configuration"
            }
        }
    }

    /// The column's name.
    public let name: String
    /// Why it was dropped.
    public let reason: Reason

    /// A dropped-column record.
    public init(name: String, reason: Reason) {
        self.name = name
        self.reason = reason
    }
}

/// A column the pipeline saw at fit time.
public struct InputColumn: Sendable, Codable, Hashable {
    /// The column's name.
    public let name: String
    /// Its type at fit time.
    public let type: ColumnType
}

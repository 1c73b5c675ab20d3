/// A column preprocessing did not use, and why. Columns are never dropped silently.
public struct DroppedColumn: Sendable, Codable, Hashable {
    /// Why a column was dropped.
    public enum Reason: String, Sendable, Codable, Hashable, CaseIterable, CustomStringConvertible {
        /// Free text (names, comments).
        case text
        /// An identifier: integers or labels unique per row.
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
            case .idLike: return "ID-like"
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
    /// Details in words (counts), when there are any.
    public let detail: String?

    /// A dropped-column record.
    public init(name: String, reason: Reason, detail: String? = nil) {
        self.name = name
        self.reason = reason
        self.detail = detail
    }

    /// The reason with its details: "ID-like: integer values unique per row (623 distinct in 623 rows)".
    public var explanation: String {
        guard let detail else { return reason.description }
        return reason == .text && detail.hasPrefix("free text") ? detail : "\(reason.description): \(detail)"
    }
}

/// A column the pipeline saw at fit time.
public struct InputColumn: Sendable, Codable, Hashable {
    /// The column's name.
    public let name: String
    /// Its type at fit time.
    public let type: ColumnType
}

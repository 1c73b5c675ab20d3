/// One finding of the data checks: a loud, specific sentence about something in the table that
/// makes a leaderboard untrustworthy (a column that leaks the target, duplicated rows, a tiny class…).
///
///     WARNING: Column 'Sex' alone predicts 'Survived' with cross-validated AUC 1.000 …
public struct DataWarning: Codable, Hashable, Sendable {
    /// What was found.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// A single column predicts the target almost perfectly under cross-validation.
        case leakingColumn
        /// A column equals the target, maps one-to-one onto its classes, or is a monotone transform of it.
        case targetCopy
        /// A column named as a row identifier; it is dropped before training.
        case idLikeColumn
        /// Identical rows (features and target), which leak across cross-validation folds.
        case duplicateRows
        /// A class holding a very small share of the rows.
        case minorityClass
        /// Too few rows overall or in some class for cross-validated scores to mean much.
        case tinyData
        /// After training: one feature holds almost all of the importance and the score is near perfect.
        case dominantFeature
        /// Rows with no target value; they are left out.
        case missingTarget
        /// The target takes a single value, so there is nothing to learn.
        case constantTarget
    }

    /// How serious a finding is.
    public enum Severity: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
        /// Information: something was done for the user (an ID column dropped, rows left out).
        case note
        /// The results may be misleading; the user should look.
        case warning
        /// The results would be wrong; a caller may refuse to go on.
        case error

        /// The prefix used in terminal output: `NOTE`, `WARNING` or `ERROR`.
        public var label: String { rawValue.uppercased() }

        /// Orders note < warning < error.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

        private var rank: Int {
            switch self {
            case .note: return 0
            case .warning: return 1
            case .error: return 2
            }
        }
    }

    /// What was found.
    public var kind: Kind
    /// How serious it is.
    public var severity: Severity
    /// The column concerned, when the finding is about one column.
    public var column: String?
    /// The number that betrays the problem (a cross-validated AUC or R², a share of rows…), if any.
    public var score: Double?
    /// A complete sentence naming the column, the number and what to do.
    public var message: String
    /// A short remedy, such as `--drop Sex`.
    public var hint: String?

    /// Creates a finding.
    public init(kind: Kind, severity: Severity, column: String? = nil, score: Double? = nil,
                message: String, hint: String? = nil) {
        self.kind = kind
        self.severity = severity
        self.column = column
        self.score = score
        self.message = message
        self.hint = hint
    }

    /// The finding as one terminal line: `WARNING: <message>`.
    public var renderedLine: String { "\(severity.label): \(message)" }

    /// The command-line hint that drops `column`: `--drop Sex`, quoted when the name needs it.
    public static func dropHint(_ column: String) -> String {
        let plain = column.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
        if plain && !column.isEmpty { return "--drop \(column)" }
        return "--drop '\(column.replacingOccurrences(of: "'", with: "'\\''"))'"
    }
}

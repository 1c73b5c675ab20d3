/// What a model was trained on: a digest of the data, its size, the seed and the scores known at
/// training time. Two models with the same fingerprint saw the same rows.
public struct TrainingFingerprint: Sendable, Codable, Hashable {
    /// Which rows were used to fit.
    public enum Rows: String, Sendable, Codable, Hashable, CaseIterable {
        /// Every row with a target: training and holdout parts (`finalize`, PyCaret's `finalize_model`).
        case all
        /// The training part only; the holdout part was scored (`train`).
        case trainingPart
    }

    /// A file the data was read from.
    public struct File: Sendable, Codable, Hashable {
        /// The file's name (without folders).
        public var name: String
        /// The hex SHA-256 of the file's bytes.
        public var sha256: String
        /// The file's size in bytes.
        public var byteCount: Int

        /// A file fingerprint.
        public init(name: String, sha256: String, byteCount: Int) {
            self.name = name
            self.sha256 = sha256
            self.byteCount = byteCount
        }
    }

    /// The hex SHA-256 of the canonical serialisation of the fitted rows (`TableDigest`).
    public var tableSHA256: String
    /// The source file, when the model was trained from one (set by the CLI).
    public var file: File?
    /// Which rows were fitted.
    public var rows: Rows
    /// The number of rows fitted.
    public var rowCount: Int
    /// The number of rows scored as holdout (0 when none).
    public var holdoutRowCount: Int
    /// The experiment seed.
    public var seed: UInt64
    /// Holdout scores known at training time, keyed by `Metric.rawValue`.
    public var holdoutMetrics: [String: Double]
    /// Mean cross-validation scores known at training time, keyed by `Metric.rawValue`.
    public var crossValidationMetrics: [String: Double]

    /// A fingerprint.
    public init(tableSHA256: String, file: File? = nil, rows: Rows, rowCount: Int, holdoutRowCount: Int = 0,
                seed: UInt64, holdoutMetrics: [String: Double] = [:], crossValidationMetrics: [String: Double] = [:]) {
        self.tableSHA256 = tableSHA256
        self.file = file
        self.rows = rows
        self.rowCount = rowCount
        self.holdoutRowCount = holdoutRowCount
        self.seed = seed
        self.holdoutMetrics = holdoutMetrics
        self.crossValidationMetrics = crossValidationMetrics
    }
}

import MLCore

/// Thresholds and switches of `DataChecks`. Every default is the one `docs/leakage-checks.md` explains.
///
///     var options = DataCheckOptions()
///     options.isStrict = true          // leaking columns and target copies become errors
public struct DataCheckOptions: Codable, Hashable, Sendable {
    /// When true, `leakingColumn`, `targetCopy` and `dominantFeature` findings are errors, not warnings.
    /// Default false.
    public var isStrict: Bool
    /// Folds of the single-feature cross-validation (stratified for classification). Default 5.
    public var foldCount: Int
    /// Most quantile bins for a numeric feature (the missing value gets one more). Default 32.
    public var maxBinCount: Int
    /// A column whose single-feature out-of-fold AUC reaches this is leaking. Default 0.99.
    public var leakageAUCThreshold: Double
    /// A column whose single-feature out-of-fold R² reaches this is leaking. Default 0.99.
    public var leakageR2Threshold: Double
    /// A class under this share of the rows is a minority class. Default 0.05.
    public var minorityClassShare: Double
    /// Fewer rows than this is tiny data. Default 50.
    public var minRowCount: Int
    /// A class with fewer rows than this is too small to cross-validate. Default 10.
    public var minRowsPerClass: Int
    /// Duplicated rows at or above this share give a warning; below it, a note. Default 0.01.
    public var duplicateWarningShare: Double
    /// After training: a feature holding this share of the normalised importance dominates. Default 0.9.
    public var dominantImportanceShare: Double
    /// After training: a best score at or above this (AUC, Accuracy, R2 …) is near perfect. Default 0.99.
    public var nearPerfectScore: Double
    /// Worker threads for the per-column checks; nil uses `Parallel.defaultThreadCount`. Results do
    /// not depend on it. Default nil.
    public var threadCount: Int?

    /// The documented defaults.
    public init() {
        isStrict = false
        foldCount = 5
        maxBinCount = 32
        leakageAUCThreshold = 0.99
        leakageR2Threshold = 0.99
        minorityClassShare = 0.05
        minRowCount = 50
        minRowsPerClass = 10
        duplicateWarningShare = 0.01
        dominantImportanceShare = 0.9
        nearPerfectScore = 0.99
        threadCount = nil
    }

    /// The severity of a leakage finding under these options.
    var leakageSeverity: DataWarning.Severity { isStrict ? .error : .warning }

    /// Throws when an option is out of range.
    /// - Throws: `MLError.invalidParameter` naming the option, its value and the allowed range.
    public func validate() throws {
        func bad(_ name: String, _ value: String, _ expected: String) -> MLError {
            .invalidParameter(estimator: "DataChecks", name: name, value: value, expected: expected)
        }
        guard foldCount >= 2 && foldCount <= 255 else { throw bad("foldCount", "\(foldCount)", "an integer in 2...255") }
        guard maxBinCount >= 2 && maxBinCount <= 1024 else {
            throw bad("maxBinCount", "\(maxBinCount)", "an integer in 2...1024")
        }
        let unitChecks: [(String, Double)] = [
            ("leakageAUCThreshold", leakageAUCThreshold), ("leakageR2Threshold", leakageR2Threshold),
            ("minorityClassShare", minorityClassShare), ("duplicateWarningShare", duplicateWarningShare),
            ("dominantImportanceShare", dominantImportanceShare), ("nearPerfectScore", nearPerfectScore),
        ]
        for (name, value) in unitChecks where !(value >= 0 && value <= 1) {
            throw bad(name, "\(value)", "a real number in [0, 1]")
        }
        guard minRowCount >= 0 else { throw bad("minRowCount", "\(minRowCount)", "an integer >= 0") }
        guard minRowsPerClass >= 0 else { throw bad("minRowsPerClass", "\(minRowsPerClass)", "an integer >= 0") }
        if let t = threadCount, t < 1 { throw bad("threadCount", "\(t)", "an integer >= 1 or nil") }
    }
}

import MLCore

/// How the data is split into a training part and a holdout part (PyCaret's `train_size`).
public struct SplitConfig: Sendable, Codable, Hashable {
    /// The fraction of rows used for training and cross-validation (default 0.7).
    public var trainFraction: Double
    /// Whether classification splits keep class proportions (default true; ignored for regression).
    public var isStratified: Bool

    /// PyCaret's defaults.
    public init(trainFraction: Double = 0.7, isStratified: Bool = true) {
        self.trainFraction = trainFraction
        self.isStratified = isStratified
    }
}

/// How the training part is cut into folds (PyCaret's `fold_strategy`).
public enum FoldStrategy: String, Sendable, Codable, Hashable, CaseIterable {
    /// `StratifiedKFold` for classification (PyCaret's default); regression falls back to K-fold.
    case stratified
    /// `KFold`.
    case kfold
    /// `GroupKFold` on `FoldConfig.groupColumn`: a group is never split across folds (nor between the
    /// training part and the holdout); the column is not a feature.
    case group
    /// `TimeSeriesSplit`: expanding windows in row order, no shuffling; the holdout is the last rows.
    case timeSeries = "timeseries"
}

/// The cross-validation folds (PyCaret's `fold`, `fold_strategy`, `fold_shuffle`).
public struct FoldConfig: Sendable, Codable, Hashable {
    /// The number of folds (default 10).
    public var count: Int
    /// The strategy (default `.stratified`).
    public var strategy: FoldStrategy
    /// Whether rows are shuffled before cutting (default true; `.group` and `.timeSeries` never shuffle).
    public var shuffles: Bool
    /// The column whose values name the groups of `.group` (PyCaret's `fold_groups`); `nil` otherwise.
    public var groupColumn: String?

    /// PyCaret's defaults, with shuffling.
    public init(count: Int = 10, strategy: FoldStrategy = .stratified, shuffles: Bool = true,
                groupColumn: String? = nil) {
        self.count = count
        self.strategy = strategy
        self.shuffles = shuffles
        self.groupColumn = groupColumn
    }
}

/// Everything an experiment needs besides the data, built from small typed parts.
///
///     var config = ExperimentConfig()
///     config.folds.count = 5
///     config.preprocessing.scaling = .standard
///     let experiment = try Experiment(table: table, targetColumn: "Survived", config: config)
public struct ExperimentConfig: Sendable, Codable, Hashable {
    /// The root seed: the holdout split, the folds, preprocessing and every model draw from it
    /// (default 123, PyCaret's tutorials' `session_id`).
    public var seed: UInt64
    /// The train/holdout split.
    public var split: SplitConfig
    /// The cross-validation folds.
    public var folds: FoldConfig
    /// The preprocessing fitted inside each fold.
    public var preprocessing: PreprocessingConfig
    /// Worker threads for `compare` (`nil`: all cores). Results do not depend on it.
    public var threadCount: Int?

    /// The defaults.
    public init(seed: UInt64 = 123, split: SplitConfig = SplitConfig(), folds: FoldConfig = FoldConfig(),
                preprocessing: PreprocessingConfig = PreprocessingConfig(), threadCount: Int? = nil) {
        self.seed = seed
        self.split = split
        self.folds = folds
        self.preprocessing = preprocessing
        self.threadCount = threadCount
    }

    /// The number of threads to use.
    public var resolvedThreadCount: Int { max(1, threadCount ?? Parallel.defaultThreadCount) }
}

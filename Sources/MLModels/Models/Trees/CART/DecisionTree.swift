import MLCore

/// A CART decision tree classifier (PyCaret's "dt"), matching scikit-learn's
/// `DecisionTreeClassifier`.
///
/// Defaults: gini, no depth limit, `min_samples_split` 2, `min_samples_leaf` 1, every feature.
/// Splits are searched on binned features; a feature with at most 255 distinct training values
/// has one bin per value, so small data gets scikit-learn's exact thresholds.
public struct DecisionTreeClassifier: Estimator {
    /// PyCaret's model ID.
    public static let id = "dt"
    /// The leaderboard name (PyCaret's).
    public static let displayName = "Decision Tree Classifier"
    /// The tasks this estimator learns.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// The fitted tree.
    public typealias Model = TreeEnsembleModel

    /// `criterion`: gini (default) or entropy.
    public var criterion = CARTCriterion.gini
    /// `max_depth`, default `nil` (grow until pure).
    public var maxDepth: Int? = nil
    /// `min_samples_split`, default 2.
    public var minSamplesSplit = 2
    /// `min_samples_leaf`, default 1.
    public var minSamplesLeaf = 1
    /// `max_features`, default all.
    public var maxFeatures = MaxFeatures.all
    /// Value bins per feature, default 255.
    public var maxBins = 255

    /// The defaults.
    public init() {}

    /// Declared hyperparameter bounds, checked by `validate()` at the start of `fit`.
    public static let constraints: [ParameterConstraint<DecisionTreeClassifier>] = [
        ParameterConstraint(name: "criterion", expected: "gini or entropy",
                            isSatisfied: { $0.criterion != .squaredError }, describeValue: { $0.criterion.rawValue },
                            invalidVariants: { var c = $0; c.criterion = .squaredError; return [c] }),
        .optionalInteger("max_depth", \.maxDepth, 1...Int.max),
        .integer("min_samples_split", \.minSamplesSplit, 2...Int.max),
        .integer("min_samples_leaf", \.minSamplesLeaf, 1...Int.max),
        .maxFeatures("max_features", \.maxFeatures),
        .integer("max_bins", \.maxBins, 2...255),
    ]

    /// Fits the model as described on the type.
    /// - Throws: `MLError.invalidParameter` for a hyperparameter outside its constraint,
    ///   `MLError.invalidInput` for unusable data.
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> TreeEnsembleModel {
        try validate()
        try checkTrainingData(data)
        return try fitCARTEnsemble(data, CARTForestConfiguration(
            treeCount: 1, criterion: criterion, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit,
            minSamplesLeaf: minSamplesLeaf, maxFeatures: maxFeatures, bootstrap: false, randomThresholds: false,
            maxBins: maxBins, threads: 1), using: &rng)
    }
}

/// A CART regression tree (PyCaret's "dt"), matching scikit-learn's `DecisionTreeRegressor`
/// (squared error; defaults as `DecisionTreeClassifier`).
public struct DecisionTreeRegressor: Estimator {
    /// PyCaret's model ID.
    public static let id = "dt"
    /// The leaderboard name (PyCaret's).
    public static let displayName = "Decision Tree Regressor"
    /// The tasks this estimator learns.
    public static let supportedTasks: Set<Task> = [.regression]
    /// The fitted tree.
    public typealias Model = TreeEnsembleModel

    /// `max_depth`, default `nil`.
    public var maxDepth: Int? = nil
    /// `min_samples_split`, default 2.
    public var minSamplesSplit = 2
    /// `min_samples_leaf`, default 1.
    public var minSamplesLeaf = 1
    /// `max_features`, default all.
    public var maxFeatures = MaxFeatures.all
    /// Value bins per feature, default 255.
    public var maxBins = 255

    /// The defaults.
    public init() {}

    /// Declared hyperparameter bounds, checked by `validate()` at the start of `fit`.
    public static let constraints: [ParameterConstraint<DecisionTreeRegressor>] = [
        .optionalInteger("max_depth", \.maxDepth, 1...Int.max),
        .integer("min_samples_split", \.minSamplesSplit, 2...Int.max),
        .integer("min_samples_leaf", \.minSamplesLeaf, 1...Int.max),
        .maxFeatures("max_features", \.maxFeatures),
        .integer("max_bins", \.maxBins, 2...255),
    ]

    /// Fits the model as described on the type.
    /// - Throws: `MLError.invalidParameter` for a hyperparameter outside its constraint,
    ///   `MLError.invalidInput` for unusable data.
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> TreeEnsembleModel {
        try validate()
        try checkTrainingData(data)
        return try fitCARTEnsemble(data, CARTForestConfiguration(
            treeCount: 1, criterion: .squaredError, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit,
            minSamplesLeaf: minSamplesLeaf, maxFeatures: maxFeatures, bootstrap: false, randomThresholds: false,
            maxBins: maxBins, threads: 1), using: &rng)
    }
}

import MLCore

/// A CART decision tree classifier (PyCaret's "dt"), matching scikit-learn's
/// `DecisionTreeClassifier`.
///
/// Defaults: gini, no depth limit, `min_samples_split` 2, `min_samples_leaf` 1, every feature,
/// `min_impurity_decrease` 0, no class weights. Splits are searched on binned features; a feature
/// with at most 255 distinct training values has one bin per value, so small data gets
/// scikit-learn's exact thresholds.
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
    /// `min_impurity_decrease`, default 0: a node is split only if its best split decreases the
    /// impurity by at least this, weighted as scikit-learn's `N_t / N × (impurity − N_R/N_t ×
    /// right − N_L/N_t × left)` (entropy in bits, N the total sample weight).
    public var minImpurityDecrease = 0.0
    /// `class_weight`: `.none` (default) or `.balanced` (`n / (k × n_c)` over the training rows,
    /// multiplied into the sample weights). `.balancedSubsample` is for forests and is rejected.
    public var classWeight = TreeClassWeight.none

    /// The defaults.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, maxBins
        case minImpurityDecrease, classWeight
    }

    /// Decodes the hyperparameters; `minImpurityDecrease` and `classWeight` (added later) take
    /// their defaults when absent, so older JSON still reads.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        criterion = try c.decode(CARTCriterion.self, forKey: .criterion)
        maxDepth = try c.decodeIfPresent(Int.self, forKey: .maxDepth)
        minSamplesSplit = try c.decode(Int.self, forKey: .minSamplesSplit)
        minSamplesLeaf = try c.decode(Int.self, forKey: .minSamplesLeaf)
        maxFeatures = try c.decode(MaxFeatures.self, forKey: .maxFeatures)
        maxBins = try c.decode(Int.self, forKey: .maxBins)
        minImpurityDecrease = try c.decodeIfPresent(Double.self, forKey: .minImpurityDecrease) ?? 0
        classWeight = try c.decodeIfPresent(TreeClassWeight.self, forKey: .classWeight) ?? .none
    }

    /// Declared hyperparameter bounds, checked by `validate()` at the start of `fit`.
    public static let constraints: [ParameterConstraint<DecisionTreeClassifier>] = [
        .classificationCriterion(\.criterion),
        .optionalInteger("max_depth", \.maxDepth, 1...Int.max),
        .integer("min_samples_split", \.minSamplesSplit, 2...Int.max),
        .integer("min_samples_leaf", \.minSamplesLeaf, 1...Int.max),
        .maxFeatures("max_features", \.maxFeatures),
        .integer("max_bins", \.maxBins, 2...255),
        .real("min_impurity_decrease", \.minImpurityDecrease, .atLeast(0)),
        ParameterConstraint(name: "class_weight", expected: "none or balanced",
                            isSatisfied: { $0.classWeight != .balancedSubsample },
                            describeValue: { $0.classWeight.rawValue },
                            invalidVariants: { var c = $0; c.classWeight = .balancedSubsample; return [c] }),
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
            maxBins: maxBins, threads: 1, minImpurityDecrease: minImpurityDecrease,
            // scikit-learn's tree counts rows per class, ignoring sample weights.
            classWeighting: classWeight == .none ? .none : .balanced(weightedCounts: false)), using: &rng)
    }
}

/// A CART regression tree (PyCaret's "dt"), matching scikit-learn's `DecisionTreeRegressor`
/// (defaults as `DecisionTreeClassifier`, squared error). `absolute_error` and `friedman_mse`
/// (scikit-learn 1.9: the same trees as squared error) are available; `poisson` is not.
public struct DecisionTreeRegressor: Estimator {
    /// PyCaret's model ID.
    public static let id = "dt"
    /// The leaderboard name (PyCaret's).
    public static let displayName = "Decision Tree Regressor"
    /// The tasks this estimator learns.
    public static let supportedTasks: Set<Task> = [.regression]
    /// The fitted tree.
    public typealias Model = TreeEnsembleModel

    /// `criterion`: squared error (default), absolute error (leaves hold weighted medians) or
    /// friedman_mse (grows the squared-error tree, as scikit-learn 1.9 does).
    public var criterion = CARTCriterion.squaredError
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
    /// `min_impurity_decrease`, default 0 (see `DecisionTreeClassifier.minImpurityDecrease`;
    /// the impurity is the weighted variance, or `Σ w |y − median| / W` for absolute error).
    public var minImpurityDecrease = 0.0

    /// The defaults.
    public init() {}

    private enum CodingKeys: String, CodingKey {
        case criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, maxBins, minImpurityDecrease
    }

    /// Decodes the hyperparameters; `criterion` and `minImpurityDecrease` (added later) take
    /// their defaults (squared error, 0) when absent, so older JSON still reads.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        criterion = try c.decodeIfPresent(CARTCriterion.self, forKey: .criterion) ?? .squaredError
        maxDepth = try c.decodeIfPresent(Int.self, forKey: .maxDepth)
        minSamplesSplit = try c.decode(Int.self, forKey: .minSamplesSplit)
        minSamplesLeaf = try c.decode(Int.self, forKey: .minSamplesLeaf)
        maxFeatures = try c.decode(MaxFeatures.self, forKey: .maxFeatures)
        maxBins = try c.decode(Int.self, forKey: .maxBins)
        minImpurityDecrease = try c.decodeIfPresent(Double.self, forKey: .minImpurityDecrease) ?? 0
    }

    /// Declared hyperparameter bounds, checked by `validate()` at the start of `fit`.
    public static let constraints: [ParameterConstraint<DecisionTreeRegressor>] = [
        .regressionCriterion(\.criterion),
        .optionalInteger("max_depth", \.maxDepth, 1...Int.max),
        .integer("min_samples_split", \.minSamplesSplit, 2...Int.max),
        .integer("min_samples_leaf", \.minSamplesLeaf, 1...Int.max),
        .maxFeatures("max_features", \.maxFeatures),
        .integer("max_bins", \.maxBins, 2...255),
        .real("min_impurity_decrease", \.minImpurityDecrease, .atLeast(0)),
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
            maxBins: maxBins, threads: 1, minImpurityDecrease: minImpurityDecrease), using: &rng)
    }
}

import MLCore

/// A random forest classifier (PyCaret's "rf"), after scikit-learn's `RandomForestClassifier`:
/// 100 bootstrapped CART trees, √p features per node, probabilities averaged. Trees run in
/// parallel by index with `rng.split(treeIndex)`, so results do not depend on the thread count.
public struct RandomForestClassifier: ForestClassifierEstimator {
    /// PyCaret's model ID.
    public static let id = "rf"
    /// The leaderboard name (PyCaret's).
    public static let displayName = "Random Forest Classifier"
    /// The tasks this estimator learns.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// The fitted ensemble.
    public typealias Model = TreeEnsembleModel

    /// `n_estimators`, default 100.
    public var estimatorCount = 100
    /// `criterion`: gini (default) or entropy.
    public var criterion = CARTCriterion.gini
    /// `max_depth`, default `nil` (grow until pure).
    public var maxDepth: Int? = nil
    /// `min_samples_split`, default 2.
    public var minSamplesSplit = 2
    /// `min_samples_leaf`, default 1.
    public var minSamplesLeaf = 1
    /// `max_features`, default sqrt.
    public var maxFeatures = MaxFeatures.sqrt
    /// `bootstrap`, default true.
    public var bootstrap = true
    /// Value bins per feature, default 255.
    public var maxBins = 255
    /// Worker threads (`n_jobs`); `nil` (default) uses every core. Results do not depend on it.
    public var threads: Int? = nil
    /// `min_impurity_decrease`, default 0 (see `DecisionTreeClassifier.minImpurityDecrease`; N is
    /// each tree's total weight, bootstrap draws included).
    public var minImpurityDecrease = 0.0
    /// `class_weight`: `.none` (default), `.balanced` or `.balancedSubsample` (scikit-learn's
    /// forest semantics, see `TreeClassWeight`).
    public var classWeight = TreeClassWeight.none

    /// The defaults.
    public init() {}

    /// Decodes the hyperparameters (`decodeForestClassifierHyperparameters`): `minImpurityDecrease`
    /// and `classWeight` (added later) take their defaults when absent, so older JSON still reads.
    public init(from decoder: Decoder) throws {
        self.init()
        try decodeForestClassifierHyperparameters(from: decoder)
    }

    /// One drawn threshold per feature (extra trees) or the best one (random forest).
    public static let drawsRandomThresholds = false

    /// Declared hyperparameter bounds, checked by `validate()` at the start of `fit`.
    public static let constraints: [ParameterConstraint<RandomForestClassifier>] = classifierConstraints

    /// Fits the model as described on the type.
    /// - Throws: `MLError.invalidParameter` for a hyperparameter outside its constraint,
    ///   `MLError.invalidInput` for unusable data.
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> TreeEnsembleModel {
        try fitForest(data, classWeight: classWeight, using: &rng)
    }
}

import MLCore

/// A random forest regressor (PyCaret's "rf"), after scikit-learn's `RandomForestRegressor`:
/// 100 bootstrapped CART trees (squared error by default), every feature per node, means averaged.
public struct RandomForestRegressor: ForestRegressorEstimator {
    /// PyCaret's model ID.
    public static let id = "rf"
    /// The leaderboard name (PyCaret's).
    public static let displayName = "Random Forest Regressor"
    /// The tasks this estimator learns.
    public static let supportedTasks: Set<Task> = [.regression]
    /// The fitted ensemble.
    public typealias Model = TreeEnsembleModel

    /// `n_estimators`, default 100.
    public var estimatorCount = 100
    /// `criterion`: squared error (default), absolute error (leaves hold weighted medians) or
    /// friedman_mse (grows the squared-error trees, as scikit-learn 1.9 does).
    public var criterion = CARTCriterion.squaredError
    /// `max_depth`, default `nil` (grow until pure).
    public var maxDepth: Int? = nil
    /// `min_samples_split`, default 2.
    public var minSamplesSplit = 2
    /// `min_samples_leaf`, default 1.
    public var minSamplesLeaf = 1
    /// `max_features`, default all (1.0).
    public var maxFeatures = MaxFeatures.all
    /// `bootstrap`, default true.
    public var bootstrap = true
    /// Value bins per feature, default 255.
    public var maxBins = 255
    /// Worker threads (`n_jobs`); `nil` (default) uses every core. Results do not depend on it.
    public var threads: Int? = nil
    /// `min_impurity_decrease`, default 0 (see `DecisionTreeClassifier.minImpurityDecrease`; N is
    /// each tree's total weight, bootstrap draws included).
    public var minImpurityDecrease = 0.0

    /// The defaults.
    public init() {}

    /// Decodes the hyperparameters (`decodeForestRegressorHyperparameters`): `minImpurityDecrease`
    /// and `criterion` (added later) take their defaults when absent, so older JSON still reads.
    public init(from decoder: Decoder) throws {
        self.init()
        try decodeForestRegressorHyperparameters(from: decoder)
    }

    /// One drawn threshold per feature (extra trees) or the best one (random forest).
    public static let drawsRandomThresholds = false

    /// Declared hyperparameter bounds, checked by `validate()` at the start of `fit`.
    public static let constraints: [ParameterConstraint<RandomForestRegressor>] = regressorConstraints

    /// Fits the model as described on the type.
    /// - Throws: `MLError.invalidParameter` for a hyperparameter outside its constraint,
    ///   `MLError.invalidInput` for unusable data.
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> TreeEnsembleModel {
        try fitForest(data, using: &rng)
    }
}

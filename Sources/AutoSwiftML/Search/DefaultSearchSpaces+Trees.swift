import MLCore
import MLModels

// Default search spaces of the Trees family, after PyCaret 3.3.2's tune_distributions
// (containers/models/classification.py and regression.py), as distributions.

/// `maxDepth ~ IntU(range)` on an optional depth (nil, unlimited, is the default and not searched).
private func depthDimension<E: Estimator>(_ path: WritableKeyPath<E, Int?> & Sendable, _ range: ClosedRange<Int>) -> SearchDimension<E> {
    .custom("maxDepth", .integer(lower: range.lowerBound, upper: range.upperBound)) { e, v in
        if case let .integer(i) = v { e[keyPath: path] = i }
    }
}

/// `maxFeatures ~ U(0.4, 1)` as a fraction of the features (PyCaret: `max_features ~ U(0.4, 1)`).
private func maxFeaturesDimension<E: Estimator>(_ path: WritableKeyPath<E, MaxFeatures> & Sendable) -> SearchDimension<E> {
    .custom("maxFeatures", .uniform(lower: 0.4, upper: 1)) { e, v in
        if case let .real(x) = v { e[keyPath: path] = .fraction(x) }
    }
}

/// `minImpurityDecrease ~ logU(1e-9, 0.5)` (PyCaret: `min_impurity_decrease`, the same for
/// classifiers and regressors, whatever the target's scale).
private func minImpurityDecreaseDimension<E: Estimator>(
    _ path: WritableKeyPath<E, Double> & Sendable) -> SearchDimension<E> {
    .logUniform("minImpurityDecrease", path, 1e-9...0.5)
}

extension DecisionTreeClassifier {
    /// PyCaret: `max_depth ~ IntU(1, 16)`, `max_features ~ U(0.4, 1)`, `min_samples_leaf ~
    /// IntU(2, 6)`, `min_samples_split ~ IntU(2, 10)`, `min_impurity_decrease ~ logU(1e-9, 0.5)`,
    /// `criterion ∈ {gini, entropy}` (no `class_weight`).
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            depthDimension(\.maxDepth, 1...16), maxFeaturesDimension(\.maxFeatures),
            .integer("minSamplesLeaf", \.minSamplesLeaf, 2...6), .integer("minSamplesSplit", \.minSamplesSplit, 2...10),
            minImpurityDecreaseDimension(\.minImpurityDecrease), .categorical("criterion", \.criterion, [.gini, .entropy]),
        ])
    }
}

extension DecisionTreeRegressor {
    /// PyCaret: `max_depth ~ IntU(1, 16)`, `max_features ~ U(0.4, 1)`, `min_samples_leaf ~
    /// IntU(2, 6)`, `min_samples_split ~ IntU(2, 10)`, `min_impurity_decrease ~ logU(1e-9, 0.5)`,
    /// `criterion ∈ {squared_error, absolute_error, friedman_mse}` (friedman_mse grows the
    /// squared-error tree, as in scikit-learn 1.9).
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            depthDimension(\.maxDepth, 1...16), maxFeaturesDimension(\.maxFeatures),
            .integer("minSamplesLeaf", \.minSamplesLeaf, 2...6), .integer("minSamplesSplit", \.minSamplesSplit, 2...10),
            minImpurityDecreaseDimension(\.minImpurityDecrease),
            .categorical("criterion", \.criterion, [.squaredError, .absoluteError, .friedmanMSE]),
        ])
    }
}

/// The dimensions every forest shares, in PyCaret's order: `n_estimators ~ IntU(10, 300)`,
/// `max_depth ~ IntU(1, 11)`, `min_impurity_decrease ~ logU(1e-9, 0.5)`, `max_features ~ U(0.4, 1)`,
/// `min_samples_split ~ IntU(2, 10)`, `min_samples_leaf ~ IntU(minSamplesLeaf)` (2–6 for rf,
/// 1–5 for et), `bootstrap ∈ {true, false}`.
private func forestDimensions<E: ForestEstimator>(minSamplesLeaf: ClosedRange<Int>) -> [SearchDimension<E>] {
    [
        .integer("estimatorCount", \.estimatorCount, 10...300), depthDimension(\.maxDepth, 1...11),
        minImpurityDecreaseDimension(\.minImpurityDecrease), maxFeaturesDimension(\.maxFeatures),
        .integer("minSamplesSplit", \.minSamplesSplit, 2...10),
        .integer("minSamplesLeaf", \.minSamplesLeaf, minSamplesLeaf),
        .boolean("bootstrap", \.bootstrap),
    ]
}

/// The forest dimensions plus the classifier's `criterion ∈ {gini, entropy}` and `class_weight ∈
/// {balanced, balanced_subsample, none}` (PyCaret's `{}` is no weighting).
private func forestClassifierSpace<E: ForestClassifierEstimator>(minSamplesLeaf: ClosedRange<Int>) -> SearchSpace<E> {
    SearchSpace(forestDimensions(minSamplesLeaf: minSamplesLeaf) + [
        .categorical("criterion", \.criterion, [.gini, .entropy]),
        .categorical("classWeight", \.classWeight, [.balanced, .balancedSubsample, .none]),
    ])
}

extension RandomForestClassifier {
    /// PyCaret's random forest distributions (see `forestDimensions`, `min_samples_leaf ~
    /// IntU(2, 6)`), with `criterion` and `class_weight`.
    public static var defaultSearchSpace: SearchSpace<Self> { forestClassifierSpace(minSamplesLeaf: 2...6) }
}

/// The forest dimensions plus the regressor's `criterion ∈ {squared_error, absolute_error}`.
private func forestRegressorSpace<E: ForestRegressorEstimator>(minSamplesLeaf: ClosedRange<Int>) -> SearchSpace<E> {
    SearchSpace(forestDimensions(minSamplesLeaf: minSamplesLeaf) + [
        .categorical("criterion", \.criterion, [.squaredError, .absoluteError]),
    ])
}

extension RandomForestRegressor {
    /// PyCaret's random forest distributions (see `forestDimensions`, `min_samples_leaf ~
    /// IntU(2, 6)`), with `criterion ∈ {squared_error, absolute_error}`.
    public static var defaultSearchSpace: SearchSpace<Self> { forestRegressorSpace(minSamplesLeaf: 2...6) }
}

extension ExtraTreesClassifier {
    /// PyCaret: as the random forest but `min_samples_leaf ~ IntU(1, 5)`, with `criterion` and
    /// `class_weight`.
    public static var defaultSearchSpace: SearchSpace<Self> { forestClassifierSpace(minSamplesLeaf: 1...5) }
}

extension ExtraTreesRegressor {
    /// PyCaret: as the random forest regressor but `min_samples_leaf ~ IntU(1, 5)`, with
    /// `criterion ∈ {squared_error, absolute_error}`.
    public static var defaultSearchSpace: SearchSpace<Self> { forestRegressorSpace(minSamplesLeaf: 1...5) }
}

extension AdaBoostClassifier {
    /// PyCaret: `n_estimators ~ IntU(10, 300)`, `learning_rate ~ U(1e-6, 0.5)` (searched here on a
    /// log scale, since it must stay positive).
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .integer("estimatorCount", \.estimatorCount, 10...300), .logUniform("learningRate", \.learningRate, 1e-6...0.5),
        ])
    }
}

extension AdaBoostRegressor {
    /// PyCaret 3.3.2: `learning_rate ~ logU(1e-6, 0.5)`, `n_estimators ~ IntU(10, 300)`,
    /// `loss ∈ {linear, square, exponential}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .integer("estimatorCount", \.estimatorCount, 10...300), .logUniform("learningRate", \.learningRate, 1e-6...0.5),
            .categorical("loss", \.loss, [.linear, .square, .exponential]),
        ])
    }
}

extension LightGBM {
    /// PyCaret 3.3.2 (classification and regression alike): `num_leaves ~ IntU(2, 256)`,
    /// `learning_rate ~ logU(1e-6, 0.5)`, `n_estimators ~ IntU(10, 300)`, `min_split_gain ~ U(0, 1)`,
    /// `reg_alpha`, `reg_lambda ~ logU(1e-10, 10)`, `feature_fraction`, `bagging_fraction ~ U(0.4, 1)`,
    /// `bagging_freq ~ IntU(0, 7)` (0 turns bagging off), `min_child_samples ~ IntU(1, 100)`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .integer("leafCount", \.leafCount, 2...256), .logUniform("learningRate", \.learningRate, 1e-6...0.5),
            .integer("estimatorCount", \.estimatorCount, 10...300), .uniform("minSplitGain", \.minSplitGain, 0...1),
            .logUniform("regAlpha", \.regAlpha, 1e-10...10), .logUniform("regLambda", \.regLambda, 1e-10...10),
            .uniform("featureFraction", \.featureFraction, 0.4...1), .uniform("baggingFraction", \.baggingFraction, 0.4...1),
            .integer("baggingFrequency", \.baggingFrequency, 0...7), .integer("minChildSamples", \.minChildSamples, 1...100),
        ])
    }
}

extension DefaultSearchSpaces {
    /// The Trees family's entries, by registry kind and ID.
    static let treeSpaces: [Entry] = [
        (.classification, "dt", { DecisionTreeClassifier.defaultSearchSpace.erased() }),
        (.classification, "rf", { RandomForestClassifier.defaultSearchSpace.erased() }),
        (.classification, "et", { ExtraTreesClassifier.defaultSearchSpace.erased() }),
        (.classification, "ada", { AdaBoostClassifier.defaultSearchSpace.erased() }),
        (.classification, "lightgbm", { LightGBM.defaultSearchSpace.erased() }),
        (.regression, "dt", { DecisionTreeRegressor.defaultSearchSpace.erased() }),
        (.regression, "rf", { RandomForestRegressor.defaultSearchSpace.erased() }),
        (.regression, "et", { ExtraTreesRegressor.defaultSearchSpace.erased() }),
        (.regression, "ada", { AdaBoostRegressor.defaultSearchSpace.erased() }),
        (.regression, "lightgbm", { LightGBM.defaultSearchSpace.erased() }),
    ]
}

import MLCore
import MLModels

// Default search spaces of the Trees family, after PyCaret's tune_distributions
// (containers/models/classification.py and regression.py), as distributions.

/// `maxDepth ~ IntU(range)` on an optional depth (nil, unlimited, is the default and not searched).
private func depthDimension<E: Estimator>(_ path: WritableKeyPath<E, Int?> & Sendable, _ range: ClosedRange<Int>) -> SearchDimension<E> {
    .custom("maxDepth", .integer(lower: range.lowerBound, upper: range.upperBound)) { e, v in
        if case let .integer(i) = v { e[keyPath: path] = i }
    }
}

/// `maxFeatures ∈ {all, sqrt, log2}` (PyCaret: `max_features ∈ {1.0, "sqrt", "log2"}`).
private func maxFeaturesDimension<E: Estimator>(_ path: WritableKeyPath<E, MaxFeatures> & Sendable) -> SearchDimension<E> {
    .categorical("maxFeatures", path, choices: [("all", MaxFeatures.all), ("sqrt", .sqrt), ("log2", .log2)])
}

extension DecisionTreeClassifier {
    /// PyCaret: `max_depth ~ IntU(1, 16)`, `max_features`, `min_samples_leaf ~ IntU(2, 6)`,
    /// `min_samples_split ~ IntU(2, 10)`, `criterion ∈ {gini, entropy}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            depthDimension(\.maxDepth, 1...16), maxFeaturesDimension(\.maxFeatures),
            .integer("minSamplesLeaf", \.minSamplesLeaf, 2...6), .integer("minSamplesSplit", \.minSamplesSplit, 2...10),
            .categorical("criterion", \.criterion, [.gini, .entropy]),
        ])
    }
}

extension DecisionTreeRegressor {
    /// PyCaret: `max_depth ~ IntU(1, 16)`, `max_features`, `min_samples_leaf ~ IntU(2, 6)`,
    /// `min_samples_split ~ IntU(2, 10)`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            depthDimension(\.maxDepth, 1...16), maxFeaturesDimension(\.maxFeatures),
            .integer("minSamplesLeaf", \.minSamplesLeaf, 2...6), .integer("minSamplesSplit", \.minSamplesSplit, 2...10),
        ])
    }
}

/// The dimensions every forest shares. PyCaret: `n_estimators ~ IntU(10, 300)`, `max_depth ~
/// IntU(1, 11)`, `min_samples_split ~ IntU(2, 10)`, `min_samples_leaf ~ IntU(1, 5)`,
/// `max_features`, `bootstrap`; the classifiers add `criterion ∈ {gini, entropy}`.
private func forestDimensions<E: ForestEstimator>() -> [SearchDimension<E>] {
    [
        .integer("estimatorCount", \.estimatorCount, 10...300), depthDimension(\.maxDepth, 1...11),
        .integer("minSamplesSplit", \.minSamplesSplit, 2...10), .integer("minSamplesLeaf", \.minSamplesLeaf, 1...5),
        maxFeaturesDimension(\.maxFeatures), .boolean("bootstrap", \.bootstrap),
    ]
}

/// The forest dimensions plus the classifier's criterion.
private func forestClassifierSpace<E: ForestClassifierEstimator>() -> SearchSpace<E> {
    SearchSpace(forestDimensions() + [.categorical("criterion", \.criterion, [.gini, .entropy])])
}

extension RandomForestClassifier {
    /// PyCaret's random forest grid (see `forestDimensions`), with `criterion`.
    public static var defaultSearchSpace: SearchSpace<Self> { forestClassifierSpace() }
}

extension RandomForestRegressor {
    /// PyCaret's random forest grid (see `forestDimensions`).
    public static var defaultSearchSpace: SearchSpace<Self> { SearchSpace(forestDimensions()) }
}

extension ExtraTreesClassifier {
    /// PyCaret: as the random forest, with `criterion`.
    public static var defaultSearchSpace: SearchSpace<Self> { forestClassifierSpace() }
}

extension ExtraTreesRegressor {
    /// PyCaret: as the random forest regressor.
    public static var defaultSearchSpace: SearchSpace<Self> { SearchSpace(forestDimensions()) }
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
    /// PyCaret: as the classifier.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .integer("estimatorCount", \.estimatorCount, 10...300), .logUniform("learningRate", \.learningRate, 1e-6...0.5),
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

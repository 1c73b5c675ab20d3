import MLCore

/// What the four forest estimators (`rf` and `et`, classifier and regressor) share: their
/// hyperparameters are stored on each type (so each keeps its own defaults and JSON), while the
/// bounds and the fit are declared once here.
public protocol ForestEstimator: Estimator where Model == TreeEnsembleModel {
    /// `n_estimators`.
    var estimatorCount: Int { get set }
    /// `max_depth` (`nil`: grow until pure).
    var maxDepth: Int? { get set }
    /// `min_samples_split`.
    var minSamplesSplit: Int { get set }
    /// `min_samples_leaf`.
    var minSamplesLeaf: Int { get set }
    /// `max_features`.
    var maxFeatures: MaxFeatures { get set }
    /// `bootstrap`.
    var bootstrap: Bool { get set }
    /// Value bins per feature.
    var maxBins: Int { get set }
    /// `min_impurity_decrease`: the weighted impurity decrease a split must reach (0: any).
    var minImpurityDecrease: Double { get set }
    /// Worker threads (`n_jobs`); `nil` uses every core.
    var threads: Int? { get set }
    /// The split criterion (`criterion`).
    var splitCriterion: CARTCriterion { get }
    /// True for extra trees: one uniformly drawn threshold per feature instead of the best.
    static var drawsRandomThresholds: Bool { get }
}

/// A forest classifier: the criterion is a hyperparameter.
public protocol ForestClassifierEstimator: ForestEstimator {
    /// `criterion`: gini or entropy.
    var criterion: CARTCriterion { get set }
    /// `class_weight`: none, balanced or balanced per bootstrap sample.
    var classWeight: TreeClassWeight { get set }
}

/// A forest regressor: the criterion (squared error, absolute error or friedman_mse) is a
/// hyperparameter.
public protocol ForestRegressorEstimator: ForestEstimator {
    /// `criterion`: squared error, absolute error or friedman_mse.
    var criterion: CARTCriterion { get set }
}

/// The JSON keys of the forests' hyperparameters (their property names, as the synthesised encoders
/// write them).
enum ForestCodingKeys: String, CodingKey {
    case estimatorCount, criterion, maxDepth, minSamplesSplit, minSamplesLeaf, maxFeatures, bootstrap, maxBins, threads
    case minImpurityDecrease, classWeight
}

extension ForestEstimator {
    /// Reads the hyperparameters every forest has into `self` (the four forests' `init(from:)`):
    /// the original keys are required, `minImpurityDecrease` (added later) keeps its value when absent.
    mutating func decodeForestHyperparameters(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: ForestCodingKeys.self)
        estimatorCount = try c.decode(Int.self, forKey: .estimatorCount)
        maxDepth = try c.decodeIfPresent(Int.self, forKey: .maxDepth)
        minSamplesSplit = try c.decode(Int.self, forKey: .minSamplesSplit)
        minSamplesLeaf = try c.decode(Int.self, forKey: .minSamplesLeaf)
        maxFeatures = try c.decode(MaxFeatures.self, forKey: .maxFeatures)
        bootstrap = try c.decode(Bool.self, forKey: .bootstrap)
        maxBins = try c.decode(Int.self, forKey: .maxBins)
        threads = try c.decodeIfPresent(Int.self, forKey: .threads)
        minImpurityDecrease = try c.decodeIfPresent(Double.self, forKey: .minImpurityDecrease) ?? minImpurityDecrease
    }
}

extension ForestClassifierEstimator {
    /// `decodeForestHyperparameters` plus the classifiers' `criterion` (required) and `classWeight`
    /// (added later; keeps its value when absent).
    mutating func decodeForestClassifierHyperparameters(from decoder: Decoder) throws {
        try decodeForestHyperparameters(from: decoder)
        let c = try decoder.container(keyedBy: ForestCodingKeys.self)
        criterion = try c.decode(CARTCriterion.self, forKey: .criterion)
        classWeight = try c.decodeIfPresent(TreeClassWeight.self, forKey: .classWeight) ?? classWeight
    }
}

extension ForestRegressorEstimator {
    /// `decodeForestHyperparameters` plus the regressors' `criterion` (added later; keeps its value,
    /// squared error by default, when absent).
    mutating func decodeForestRegressorHyperparameters(from decoder: Decoder) throws {
        try decodeForestHyperparameters(from: decoder)
        let c = try decoder.container(keyedBy: ForestCodingKeys.self)
        criterion = try c.decodeIfPresent(CARTCriterion.self, forKey: .criterion) ?? criterion
    }

    /// The criterion of a regressor.
    public var splitCriterion: CARTCriterion { criterion }

    /// The forest bounds plus the regressor's criterion.
    static var regressorConstraints: [ParameterConstraint<Self>] {
        var out = forestConstraints
        out.insert(.regressionCriterion(\.criterion), at: 1)
        return out
    }
}

extension ForestEstimator {
    /// The bounds every forest declares.
    static var forestConstraints: [ParameterConstraint<Self>] {
        [
            .integer("n_estimators", \.estimatorCount, 1...100_000),
            .optionalInteger("max_depth", \.maxDepth, 1...Int.max),
            .integer("min_samples_split", \.minSamplesSplit, 2...Int.max),
            .integer("min_samples_leaf", \.minSamplesLeaf, 1...Int.max),
            .maxFeatures("max_features", \.maxFeatures),
            .integer("max_bins", \.maxBins, 2...255),
            .optionalInteger("n_jobs", \.threads, 1...1024),
            .real("min_impurity_decrease", \.minImpurityDecrease, .atLeast(0)),
        ]
    }

    /// Validates, checks the data and fits the ensemble.
    ///
    /// Class weights follow scikit-learn's forests: `.balanced` (and `.balancedSubsample` without
    /// bootstrap) counts classes by sample weight and multiplies into the sample weights;
    /// `.balancedSubsample` with bootstrap recomputes `n / (k × n_c)` from each tree's bootstrap
    /// draws (repeats counted) and multiplies it with the draw counts and the sample weights.
    /// - Throws: `MLError.invalidParameter`, `MLError.invalidInput`, or `MLError.budgetExceeded`.
    func fitForest(_ data: TrainingData, classWeight: TreeClassWeight = .none,
                   using rng: inout RandomStream) throws -> TreeEnsembleModel {
        try validate()
        try checkTrainingData(data)
        let weighting: CARTClassWeighting
        switch classWeight {
        case .none: weighting = .none
        case .balanced: weighting = .balanced(weightedCounts: true)
        case .balancedSubsample: weighting = bootstrap ? .balancedPerBootstrap : .balanced(weightedCounts: true)
        }
        return try fitCARTEnsemble(data, CARTForestConfiguration(
            treeCount: estimatorCount, criterion: splitCriterion, maxDepth: maxDepth, minSamplesSplit: minSamplesSplit,
            minSamplesLeaf: minSamplesLeaf, maxFeatures: maxFeatures, bootstrap: bootstrap,
            randomThresholds: Self.drawsRandomThresholds, maxBins: maxBins, threads: threads,
            minImpurityDecrease: minImpurityDecrease, classWeighting: weighting), using: &rng)
    }
}

extension ForestClassifierEstimator {
    /// The criterion of a classifier.
    public var splitCriterion: CARTCriterion { criterion }

    /// The forest bounds plus the classifier's criterion (gini or entropy).
    static var classifierConstraints: [ParameterConstraint<Self>] {
        var out = forestConstraints
        out.insert(.classificationCriterion(\.criterion), at: 1)
        return out
    }
}

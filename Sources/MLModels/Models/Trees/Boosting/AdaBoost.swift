import MLCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bins the features once and builds CART trees on weighted rows (shared by both AdaBoosts).
private struct WeightedTreeFactory {
    let binned: BinnedMatrix
    let mapper: BinMapper
    let target: TreeTrainingTarget

    init(_ data: TrainingData, maxBins: Int) {
        mapper = BinMapper.fit(data.features, maxBins: maxBins)
        binned = mapper.transform(data.features)
        target = TreeTrainingTarget(data)
    }

    func tree(weights: [Double], settings: CARTSettings, using rng: inout RandomStream) -> TreeNodes {
        var rows: [Int32] = []
        for i in 0..<weights.count where weights[i] > 0 { rows.append(Int32(i)) }
        let builder = CARTBuilder(binned: binned, mapper: mapper, classes: target.classes,
                                  classCount: target.classCount, values: target.values)
        return builder.build(rows: rows, weights: weights, settings: settings, using: &rng).tree
    }
}

/// AdaBoost with the SAMME algorithm over decision stumps (PyCaret's "ada"), as scikit-learn's
/// `AdaBoostClassifier` (1.6+): 50 depth-1 trees, learning rate 1.
///
/// Each round fits a stump on the current weights, gives it
/// `α = lr × (log((1 − err)/err) + log(K − 1))` and multiplies the weights of misclassified
/// rows by `exp(α)`. Probabilities are the softmax of the weighted votes divided by `K − 1`
/// (binary: `±decision / 2`). A first stump no better than chance is kept with weight 1 rather
/// than failing.
public struct AdaBoostClassifier: Estimator {
    /// PyCaret's model ID.
    public static let id = "ada"
    /// The leaderboard name (PyCaret's).
    public static let displayName = "Ada Boost Classifier"
    /// The tasks this estimator learns.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]

    /// `n_estimators`, default 50.
    public var estimatorCount = 50
    /// `learning_rate`, default 1.
    public var learningRate = 1.0
    /// Depth of each base tree, default 1 (stumps).
    public var baseDepth = 1
    /// Value bins per feature, default 255.
    public var maxBins = 255

    /// The defaults.
    public init() {}

    /// Declared hyperparameter bounds, checked by `validate()` at the start of `fit`.
    public static let constraints: [ParameterConstraint<AdaBoostClassifier>] = [
        .integer("n_estimators", \.estimatorCount, 1...100_000),
        .real("learning_rate", \.learningRate, .greaterThan(0)),
        .integer("base_depth", \.baseDepth, 1...64),
        .integer("max_bins", \.maxBins, 2...255),
    ]

    /// A fitted SAMME ensemble.
    public struct Model: ProbabilisticModel, FeatureImportanceModel, Hashable {
        /// The number of feature columns the model expects.
        public let featureCount: Int
        /// The number of classes.
        public let classCount: Int
        /// The base trees (class fractions in their leaves).
        public let trees: [TreeNodes]
        /// Each tree's weight α.
        public let estimatorWeights: [Double]
        /// Weighted impurity-decrease importances, normalised.
        public let featureImportances: [Double]

        /// scikit-learn's `decision_function` before the binary collapse: row-major, K per row.
        func votes(_ x: Matrix) -> [Double] {
            let k = classCount
            var out = [Double](repeating: 0, count: x.rowCount * k)
            let total = estimatorWeights.reduce(0, +)
            for (t, w) in zip(trees, estimatorWeights) {
                let leaves = t.leaves(x)
                for i in 0..<x.rowCount {
                    let c = AdaBoostClassifier.leafClass(t, leaves[i])
                    for j in 0..<k { out[i * k + j] += j == c ? w : -w / Double(k - 1) }
                }
            }
            if total > 0 { for i in 0..<out.count { out[i] /= total } }
            return out
        }

        /// Predicts one class index or value per row.
        /// - Throws: `MLError` for a wrong column count or non-finite values.
        /// - Complexity: O(rows × trees × depth).
        public func predict(_ features: Matrix) throws -> Prediction {
            .classes(argmaxClasses(try predictProbabilities(features)))
        }

        /// Class probabilities: one row per sample, one column per class; rows sum to 1.
        /// - Throws: `MLError` for a wrong column count or non-finite values.
        /// - Complexity: O(rows × trees × depth).
        public func predictProbabilities(_ features: Matrix) throws -> Matrix {
            try checkPredictionInput(features)
            let n = features.rowCount, k = classCount
            if k < 2 { return Matrix(rowCount: n, columnCount: Swift.max(k, 1), repeating: 1) }
            let v = votes(features)
            var out = Matrix(rowCount: n, columnCount: k)
            for i in 0..<n {
                var d = [Double](repeating: 0, count: k)
                if k == 2 {
                    let decision = (v[i * 2 + 1] - v[i * 2]) / 2
                    d[0] = -decision; d[1] = decision
                } else {
                    for j in 0..<k { d[j] = v[i * k + j] / Double(k - 1) }
                }
                let m = d.max() ?? 0
                var s = 0.0
                for j in 0..<k { d[j] = exp(d[j] - m); s += d[j] }
                for j in 0..<k { out[i, j] = d[j] / s }
            }
            return out
        }
    }

    /// The class a tree predicts at `leaf` (the first of the largest fractions).
    static func leafClass(_ t: TreeNodes, _ leaf: Int) -> Int {
        var best = 0
        for j in 1..<t.valueStride where t.values[leaf * t.valueStride + j] > t.values[leaf * t.valueStride + best] { best = j }
        return best
    }

    /// Fits the model as described on the type.
    /// - Throws: `MLError.invalidParameter` for a hyperparameter outside its constraint,
    ///   `MLError.invalidInput` for unusable data.
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let n = data.features.rowCount, p = data.features.columnCount
        let k = data.target.classCount
        guard k >= 2 else {
            return Model(featureCount: p, classCount: k, trees: [], estimatorWeights: [], featureImportances: [Double](repeating: 0, count: p))
        }
        let factory = WeightedTreeFactory(data, maxBins: maxBins)
        let classes = factory.target.classes
        var weights = data.sampleWeights ?? [Double](repeating: 1, count: n)
        let s0 = weights.reduce(0, +)
        weights = weights.map { $0 / s0 }
        let settings = CARTSettings(criterion: .gini, maxDepth: baseDepth, minSamplesSplit: 2, minSamplesLeaf: 1,
                                    maxFeatures: p, randomThresholds: false)
        var trees: [TreeNodes] = []
        var alphas: [Double] = []
        var importances = [Double](repeating: 0, count: p)
        for round in 0..<estimatorCount {
            try data.interruption?.check()   // a time budget is checked per boosting round
            var treeRNG = rng.split(UInt64(round))
            let tree = factory.tree(weights: weights, settings: settings, using: &treeRNG)
            let leaves = tree.leaves(data.features)
            var error = 0.0, total = 0.0
            var wrong = [Bool](repeating: false, count: n)
            for i in 0..<n {
                wrong[i] = Self.leafClass(tree, leaves[i]) != Int(classes[i])
                if wrong[i] { error += weights[i] }
                total += weights[i]
            }
            error /= total
            if error <= 0 {
                trees.append(tree); alphas.append(1)
                break
            }
            if error >= 1 - 1 / Double(k) {
                if trees.isEmpty { trees.append(tree); alphas.append(1) }
                break
            }
            let alpha = learningRate * (log((1 - error) / error) + log(Double(k - 1)))
            trees.append(tree); alphas.append(alpha)
            for f in tree.feature where f >= 0 { importances[Int(f)] += alpha }
            if round == estimatorCount - 1 { break }
            for i in 0..<n where wrong[i] && weights[i] > 0 { weights[i] = exp(log(weights[i]) + alpha) }
            let sum = weights.reduce(0, +)
            if !(sum > 0) || !sum.isFinite { break }
            weights = weights.map { $0 / sum }
        }
        let t = importances.reduce(0, +)
        return Model(featureCount: p, classCount: k, trees: trees, estimatorWeights: alphas,
                     featureImportances: t > 0 ? importances.map { $0 / t } : importances)
    }
}

/// AdaBoost.R2 (PyCaret's "ada" for regression), as scikit-learn's `AdaBoostRegressor`: 50
/// depth-3 regression trees, each fitted on a weighted bootstrap, linear loss (or square or
/// exponential, `loss`), learning rate 1, prediction by the weighted median.
public struct AdaBoostRegressor: Estimator {
    /// PyCaret's model ID.
    public static let id = "ada"
    /// The leaderboard name (PyCaret's).
    public static let displayName = "AdaBoost Regressor"
    /// The tasks this estimator learns.
    public static let supportedTasks: Set<Task> = [.regression]

    /// `n_estimators`, default 50.
    public var estimatorCount = 50
    /// `learning_rate`, default 1.
    public var learningRate = 1.0
    /// Depth of each base tree, default 3.
    public var baseDepth = 3
    /// Value bins per feature, default 255.
    public var maxBins = 255
    /// `loss`: how the scaled errors weigh rows and trees, default `.linear`.
    public var loss = AdaBoostRegressionLoss.linear

    /// The defaults.
    public init() {}

    /// Decodes the hyperparameters; `loss` (added later) is linear when absent, so older JSON still reads.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        estimatorCount = try c.decode(Int.self, forKey: .estimatorCount)
        learningRate = try c.decode(Double.self, forKey: .learningRate)
        baseDepth = try c.decode(Int.self, forKey: .baseDepth)
        maxBins = try c.decode(Int.self, forKey: .maxBins)
        loss = try c.decodeIfPresent(AdaBoostRegressionLoss.self, forKey: .loss) ?? .linear
    }

    /// Declared hyperparameter bounds, checked by `validate()` at the start of `fit`.
    public static let constraints: [ParameterConstraint<AdaBoostRegressor>] = [
        .integer("n_estimators", \.estimatorCount, 1...100_000),
        .real("learning_rate", \.learningRate, .greaterThan(0)),
        .integer("base_depth", \.baseDepth, 1...64),
        .integer("max_bins", \.maxBins, 2...255),
    ]

    /// A fitted AdaBoost.R2 ensemble.
    public struct Model: FeatureImportanceModel, Hashable {
        /// The number of feature columns the model expects.
        public let featureCount: Int
        /// The base trees.
        public let trees: [TreeNodes]
        /// Each tree's weight `lr × log(1/β)`.
        public let estimatorWeights: [Double]
        /// How often each feature is split on, weighted by the tree weights, normalised.
        public let featureImportances: [Double]

        /// Predicts one class index or value per row.
        /// - Throws: `MLError` for a wrong column count or non-finite values.
        /// - Complexity: O(rows × trees × depth).
        public func predict(_ features: Matrix) throws -> Prediction {
            try checkPredictionInput(features)
            let n = features.rowCount, m = trees.count
            let all = trees.map { $0.leaves(features) }
            var out = [Double](repeating: 0, count: n)
            var preds = [Double](repeating: 0, count: m)
            for i in 0..<n {
                for t in 0..<m { preds[t] = trees[t].values[all[t][i]] }
                // Weighted median: the first estimator (in prediction order) whose cumulative weight reaches half.
                let order = (0..<m).sorted { preds[$0] < preds[$1] || (preds[$0] == preds[$1] && $0 < $1) }
                let half = 0.5 * estimatorWeights.reduce(0, +)
                var cdf = 0.0
                var pick = order.last ?? 0
                for t in order {
                    cdf += estimatorWeights[t]
                    if cdf >= half { pick = t; break }
                }
                out[i] = m > 0 ? preds[pick] : 0
            }
            return .values(out)
        }
    }

    /// Fits the model as described on the type.
    /// - Throws: `MLError.invalidParameter` for a hyperparameter outside its constraint,
    ///   `MLError.invalidInput` for unusable data.
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let n = data.features.rowCount, p = data.features.columnCount
        let factory = WeightedTreeFactory(data, maxBins: maxBins)
        let y = factory.target.values
        var weights = data.sampleWeights ?? [Double](repeating: 1, count: n)
        let s0 = weights.reduce(0, +)
        weights = weights.map { $0 / s0 }
        let settings = CARTSettings(criterion: .squaredError, maxDepth: baseDepth, minSamplesSplit: 2, minSamplesLeaf: 1,
                                    maxFeatures: p, randomThresholds: false)
        var trees: [TreeNodes] = []
        var alphas: [Double] = []
        var importances = [Double](repeating: 0, count: p)
        rounds: for round in 0..<estimatorCount {
            try data.interruption?.check()   // a time budget is checked per boosting round
            var roundRNG = rng.split(UInt64(round))
            // Weighted bootstrap: n draws with probabilities ∝ weights, as counts.
            var cdf = [Double](repeating: 0, count: n)
            var acc = 0.0
            for i in 0..<n { acc += weights[i]; cdf[i] = acc }
            var counts = [Double](repeating: 0, count: n)
            var drawRNG = roundRNG.split(0xB007)
            for _ in 0..<n {
                let u = drawRNG.nextUniform() * acc
                var lo = 0, hi = n - 1
                while lo < hi { let mid = (lo + hi) / 2; if cdf[mid] > u { hi = mid } else { lo = mid + 1 } }
                counts[lo] += 1
            }
            let tree = factory.tree(weights: counts, settings: settings, using: &roundRNG)
            let leaves = tree.leaves(data.features)
            let step = AdaBoostR2Round(absoluteErrors: (0..<n).map { abs(tree.values[leaves[$0]] - y[$0]) },
                                       weights: weights, loss: loss, learningRate: learningRate)
            switch step.outcome {
            case .perfect:
                trees.append(tree); alphas.append(1)
                break rounds
            case .tooWeak:
                if trees.isEmpty { trees.append(tree); alphas.append(1) }
                break rounds
            case let .kept(alpha, beta):
                trees.append(tree); alphas.append(alpha)
                for f in tree.feature where f >= 0 { importances[Int(f)] += alpha }
                if round == estimatorCount - 1 { break rounds }
                guard let next = step.nextWeights(weights, beta: beta, learningRate: learningRate) else { break rounds }
                weights = next
            }
        }
        let t = importances.reduce(0, +)
        return Model(featureCount: p, trees: trees, estimatorWeights: alphas,
                     featureImportances: t > 0 ? importances.map { $0 / t } : importances)
    }
}

import MLCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Histogram gradient boosting with leaf-wise trees, after LightGBM (PyCaret's "lightgbm").
///
/// Defaults follow `lightgbm.LGBMClassifier` / `LGBMRegressor`: 100 trees, learning rate 0.1,
/// 31 leaves, no depth limit, 20 rows per leaf, `min_child_weight` 1e-3, no L1 or L2, no bagging
/// (`subsample_freq` 0), 255 bins. Binary log loss, softmax (one tree per class per iteration) or
/// squared error.
/// Features are binned once (`BinMapper`); histograms are built per feature in parallel, with
/// results identical for any thread count.
public struct LightGBM: Estimator {
    /// PyCaret's model ID.
    public static let id = "lightgbm"
    /// The leaderboard name (PyCaret's).
    public static let displayName = "Light Gradient Boosting Machine"
    /// The tasks this estimator learns.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass, .regression]

    /// Shrinkage of every tree (`learning_rate`), default 0.1.
    public var learningRate = 0.1
    /// Boosting iterations (`n_estimators`), default 100.
    public var estimatorCount = 100
    /// Maximum leaves per tree (`num_leaves`), default 31.
    public var leafCount = 31
    /// Maximum depth (`max_depth`), default `nil` (none).
    public var maxDepth: Int? = nil
    /// Minimum rows per leaf (`min_child_samples`), default 20.
    public var minChildSamples = 20
    /// Minimum hessian sum per leaf (`min_child_weight`), default 1e-3.
    public var minChildWeight = 1e-3
    /// L2 regularisation (`reg_lambda`, LightGBM's `lambda_l2`), default 0.
    public var regLambda = 0.0
    /// L1 regularisation (`reg_alpha`, LightGBM's `lambda_l1`), default 0: every leaf's gradient
    /// sum `G` is shrunk to `sign(G)·max(0, |G| − regAlpha)` in leaf values and split gains.
    public var regAlpha = 0.0
    /// Minimum gain of a split (`min_split_gain`), default 0.
    public var minSplitGain = 0.0
    /// Fraction of features per tree (`colsample_bytree`), default 1.
    public var featureFraction = 1.0
    /// Fraction of rows in each bag (`subsample`, LightGBM's `bagging_fraction`), default 1.
    /// Only used when `baggingFrequency > 0`, as in LightGBM.
    public var baggingFraction = 1.0
    /// Draw a new bag every this many iterations (`subsample_freq`, LightGBM's `bagging_freq`),
    /// default 0: no bagging. Bagging is on when this is positive and `baggingFraction < 1`; the
    /// bag drawn at iteration `t` (0, k, 2k, …) is reused until the next draw.
    public var baggingFrequency = 0
    /// Value bins per feature (`max_bin`), default 255.
    public var maxBins = 255
    /// Stop when the validation loss has not improved for this many iterations; `nil` (default) never stops early.
    public var earlyStoppingRounds: Int? = nil
    /// The share of rows held out for early stopping, default 0.1.
    public var validationFraction = 0.1
    /// Worker threads; `nil` (default) uses every core. Results do not depend on it.
    public var threads: Int? = nil

    /// The defaults.
    public init() {}

    /// Declared hyperparameter bounds, checked by `validate()` at the start of `fit`.
    public static let constraints: [ParameterConstraint<LightGBM>] = [
        .real("learning_rate", \.learningRate, .greaterThan(0)),
        .integer("n_estimators", \.estimatorCount, 1...100_000),
        .integer("num_leaves", \.leafCount, 2...131_072),
        .optionalInteger("max_depth", \.maxDepth, 1...Int.max),
        .integer("min_child_samples", \.minChildSamples, 1...Int.max),
        .real("min_child_weight", \.minChildWeight, .atLeast(0)),
        .real("reg_lambda", \.regLambda, .atLeast(0)),
        .real("reg_alpha", \.regAlpha, .atLeast(0)),
        .real("min_split_gain", \.minSplitGain, .atLeast(0)),
        .real("colsample_bytree", \.featureFraction, .leftOpen(0, 1)),
        .real("subsample", \.baggingFraction, .leftOpen(0, 1)),
        .integer("subsample_freq", \.baggingFrequency, 0...Int.max),
        .integer("max_bin", \.maxBins, 2...255),
        .optionalInteger("early_stopping_rounds", \.earlyStoppingRounds, 1...Int.max),
        .real("validation_fraction", \.validationFraction, .open(0, 1)),
        .optionalInteger("n_jobs", \.threads, 1...1024),
    ]

    /// A fitted boosted ensemble.
    public struct Model: ProbabilisticModel, FeatureImportanceModel, Hashable {
        /// The number of feature columns the model expects.
        public let featureCount: Int
        /// The number of classes (0 for regression).
        public let classCount: Int
        /// The loss that was minimised.
        let objective: BoostingObjective
        /// Initial raw score per output.
        public let initialScores: [Double]
        /// Trees, iteration-major: tree `k` of iteration `t` is `trees[t * outputs + k]`.
        public let trees: [TreeNodes]
        /// Per feature: how many splits use it (LightGBM's `importance_type='split'`).
        public let splitCounts: [Int]
        /// Per feature: the total gain of its splits (`importance_type='gain'`).
        public let splitGains: [Double]
        /// Iterations kept (the best one when early stopping was on).
        public let iterationCount: Int

        /// Split counts, as `LGBMModel.feature_importances_`.
        public var featureImportances: [Double] { splitCounts.map(Double.init) }

        /// Raw scores, row-major with `outputs` per row.
        func rawScores(_ x: Matrix) -> [Double] {
            let k = objective.outputs
            return TreePredictor.accumulate(trees, outputs: k, outputOf: { $0 % k }, scale: 1, initial: initialScores, x: x)
        }

        /// Predicts one class index or value per row.
        /// - Throws: `MLError` for a wrong column count or non-finite values.
        /// - Complexity: O(rows × trees × depth).
        public func predict(_ features: Matrix) throws -> Prediction {
            try checkPredictionInput(features)
            if classCount == 0 { return .values(rawScores(features)) }
            return .classes(argmaxClasses(try predictProbabilities(features)))
        }

        /// Class probabilities: one row per sample, one column per class; rows sum to 1.
        /// - Throws: `MLError` for a wrong column count or non-finite values.
        /// - Complexity: O(rows × trees × depth).
        public func predictProbabilities(_ features: Matrix) throws -> Matrix {
            try checkPredictionInput(features)
            guard classCount > 0 else {
                throw MLError.invalidInput("Light Gradient Boosting Machine: a regression model has no class probabilities.")
            }
            let n = features.rowCount
            if classCount == 1 { return Matrix(rowCount: n, columnCount: 1, repeating: 1) }
            let scores = rawScores(features)
            if case .binary = objective {
                var m = Matrix(rowCount: n, columnCount: 2)
                for i in 0..<n { let p = 1 / (1 + exp(-scores[i])); m[i, 0] = 1 - p; m[i, 1] = p }
                return m
            }
            var probs = scores
            BoostingObjective.softmax(scores, outputs: classCount, into: &probs)
            return Matrix.fromRowMajor(probs, rows: n, columns: classCount)
        }
    }

    /// Fits the model as described on the type.
    /// - Throws: `MLError.invalidParameter` for a hyperparameter outside its constraint,
    ///   `MLError.invalidInput` for unusable data.
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let target = TreeTrainingTarget(data)
        let n = data.features.rowCount
        let p = data.features.columnCount
        let threadCount = resolvedThreads(threads)
        let objective: BoostingObjective
        if !target.isClassification { objective = .squaredError } else if target.classCount <= 2 { objective = .binary } else {
            objective = .multiclass(classes: target.classCount)
        }
        if target.isClassification && target.classCount < 2 {
            return Model(featureCount: p, classCount: target.classCount, objective: objective, initialScores: [0],
                         trees: [], splitCounts: [Int](repeating: 0, count: p), splitGains: [Double](repeating: 0, count: p),
                         iterationCount: 0)
        }
        let labels: [Double] = target.isClassification ? [] : target.values
        let classes = target.classes
        let weights = target.weights

        // Inner validation split for early stopping.
        var trainRows = Array(0..<n)
        var validRows: [Int] = []
        if earlyStoppingRounds != nil {
            var split = rng.split(3)
            let perm = split.permutation(n)
            let nValid = Swift.min(n - 1, Swift.max(1, Int((Double(n) * validationFraction).rounded())))
            if nValid >= 1 && n - nValid >= 1 {
                validRows = perm[0..<nValid].sorted()
                trainRows = perm[nValid...].sorted()
            }
        }
        let nTrain = trainRows.count

        // Bins from (at most 200,000 of) the training rows.
        var binRNG = rng.split(0)
        let binSample: [Int]? = nTrain > 200_000 ? binRNG.sample(200_000, from: nTrain).map { trainRows[$0] }.sorted()
            : (validRows.isEmpty ? nil : trainRows)
        let mapper = BinMapper.fit(data.features, maxBins: maxBins, sampleRows: binSample, threads: threadCount)
        let binned = mapper.transform(data.features, threads: threadCount)

        let k = objective.outputs
        let initScores = objective.initialScores(labels: labels, classes: classes, weights: weights, rows: trainRows)
        var scores = [Double](repeating: 0, count: n * k)
        for i in 0..<n { for j in 0..<k { scores[i * k + j] = initScores[j] } }
        var probabilities = [Double](repeating: 0, count: k > 1 ? n * k : 0)
        var gh = [Double](repeating: 0, count: 2 * n)

        let grower = LeafWiseGrower(binned: binned, rowCapacity: nTrain)
        grower.thresholds = mapper.upperBounds.map { $0 + [Double.greatestFiniteMagnitude] }
        let settings = LeafWiseSettings(
            maxLeaves: leafCount, maxDepth: maxDepth,
            split: GradientSplitParameters(lambda: regLambda, alpha: regAlpha, minCount: Double(minChildSamples), minHessian: minChildWeight),
            minSplitGain: minSplitGain, shrinkage: learningRate, threads: threadCount)
        let featureTake = Swift.max(1, Int((Double(p) * featureFraction).rounded()))
        let bagTake = Swift.max(1, Int((Double(nTrain) * baggingFraction).rounded()))
        let bagging = baggingFrequency > 0 && bagTake < nTrain
        let featureRNG = rng.split(1), bagRNG = rng.split(2)

        var trees: [TreeNodes] = []
        var splitCounts = [Int](repeating: 0, count: p)
        var splitGains = [Double](repeating: 0, count: p)
        var bestLoss = Double.infinity
        var bestIteration = 0
        var bestCounts = splitCounts, bestGains = splitGains
        var inTree = [Bool](repeating: false, count: n)
        var bag: [Int32]? = nil

        for iteration in 0..<estimatorCount {
            try data.interruption?.check()   // a time budget is checked per boosting round
            if bagging {
                // A new bag at iterations 0, k, 2k, … (LightGBM's `iter % bagging_freq == 0`),
                // drawn from the stream of the iteration that starts it; reused in between.
                if iteration % baggingFrequency == 0 { bag = Self.drawBag(bagTake, from: trainRows, iteration: iteration, rng: bagRNG) }
            } else if bag == nil && !validRows.isEmpty {
                bag = trainRows.map { Int32($0) }
            }
            if k > 1 { BoostingObjective.softmax(scores, outputs: k, into: &probabilities) }
            var iterationTrees: [TreeNodes] = []
            for c in 0..<k {
                let treeIndex = iteration * k + c
                var features = Array(0..<p)
                if featureTake < p {
                    var r = featureRNG.split(UInt64(treeIndex))
                    features = r.sample(featureTake, from: p).sorted()
                }
                objective.gradients(output: c, scores: k == 1 ? scores : [], probabilities: probabilities,
                                    labels: labels, classes: classes, weights: weights, into: &gh)
                let grown = grower.grow(gh: gh, rows: bag, features: features, settings: settings)
                for f in 0..<p { splitCounts[f] += grown.splitCounts[f]; splitGains[f] += grown.splitGains[f] }
                // Update training scores from the leaf slices; rows outside the bag by traversal.
                let values = grown.nodes.values
                grower.rowOrder.withUnsafeBufferPointer { order in
                    for leaf in grown.leaves {
                        let v = values[leaf.node]
                        for i in leaf.start..<(leaf.start + leaf.count) { scores[Int(order[i]) * k + c] += v }
                    }
                }
                if bag != nil {
                    for i in 0..<n { inTree[i] = false }
                    grower.rowOrder.withUnsafeBufferPointer { order in
                        for leaf in grown.leaves { for i in leaf.start..<(leaf.start + leaf.count) { inTree[Int(order[i])] = true } }
                    }
                    for i in 0..<n where !inTree[i] { scores[i * k + c] += values[grown.nodes.leaf(row: i, binned: binned)] }
                }
                iterationTrees.append(grown.nodes)
            }
            trees.append(contentsOf: iterationTrees)
            if let patience = earlyStoppingRounds, !validRows.isEmpty {
                let loss = objective.loss(scores: scores, labels: labels, classes: classes, weights: weights, rows: validRows)
                if loss < bestLoss {
                    bestLoss = loss; bestIteration = iteration + 1; bestCounts = splitCounts; bestGains = splitGains
                } else if iteration + 1 - bestIteration >= patience {
                    break
                }
            } else {
                bestIteration = iteration + 1; bestCounts = splitCounts; bestGains = splitGains
            }
        }
        return Model(featureCount: p, classCount: target.classCount, objective: objective, initialScores: initScores,
                     trees: Array(trees.prefix(bestIteration * k)), splitCounts: bestCounts, splitGains: bestGains,
                     iterationCount: bestIteration)
    }

    private enum CodingKeys: String, CodingKey {
        case learningRate, estimatorCount, leafCount, maxDepth, minChildSamples, minChildWeight, regLambda, regAlpha,
             minSplitGain, featureFraction, baggingFraction, baggingFrequency, maxBins, earlyStoppingRounds,
             validationFraction, threads
    }

    /// Decodes the hyperparameters. `regAlpha` and `baggingFrequency` came later, so JSON written
    /// before them may lack them: a missing `regAlpha` is 0; a missing `baggingFrequency` is 1 when
    /// `baggingFraction < 1` (those files bagged every iteration, and refit the same way) and 0 otherwise.
    /// - Throws: `DecodingError` for a missing or mistyped older field.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        learningRate = try c.decode(Double.self, forKey: .learningRate)
        estimatorCount = try c.decode(Int.self, forKey: .estimatorCount)
        leafCount = try c.decode(Int.self, forKey: .leafCount)
        maxDepth = try c.decodeIfPresent(Int.self, forKey: .maxDepth)
        minChildSamples = try c.decode(Int.self, forKey: .minChildSamples)
        minChildWeight = try c.decode(Double.self, forKey: .minChildWeight)
        regLambda = try c.decode(Double.self, forKey: .regLambda)
        regAlpha = try c.decodeIfPresent(Double.self, forKey: .regAlpha) ?? 0
        minSplitGain = try c.decode(Double.self, forKey: .minSplitGain)
        featureFraction = try c.decode(Double.self, forKey: .featureFraction)
        baggingFraction = try c.decode(Double.self, forKey: .baggingFraction)
        baggingFrequency = try c.decodeIfPresent(Int.self, forKey: .baggingFrequency) ?? (baggingFraction < 1 ? 1 : 0)
        maxBins = try c.decode(Int.self, forKey: .maxBins)
        earlyStoppingRounds = try c.decodeIfPresent(Int.self, forKey: .earlyStoppingRounds)
        validationFraction = try c.decode(Double.self, forKey: .validationFraction)
        threads = try c.decodeIfPresent(Int.self, forKey: .threads)
    }

    /// The bag drawn at `iteration`: `take` of `trainRows`, sorted, from `rng.split(iteration)`.
    static func drawBag(_ take: Int, from trainRows: [Int], iteration: Int, rng: RandomStream) -> [Int32] {
        var r = rng.split(UInt64(iteration))
        return r.sample(take, from: trainRows.count).sorted().map { Int32(trainRows[$0]) }
    }
}

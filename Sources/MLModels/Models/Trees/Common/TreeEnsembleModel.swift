import MLCore

/// A fitted CART tree or an average of CART trees (decision tree, random forest, extra trees).
///
/// Classification trees store class fractions in their leaves and the ensemble averages them
/// (scikit-learn's soft voting); regression trees store means and the ensemble averages those.
public struct TreeEnsembleModel: ProbabilisticModel, FeatureImportanceModel, Hashable {
    /// The number of feature columns the model expects.
    public let featureCount: Int
    /// The number of classes (0 for regression).
    public let classCount: Int
    /// The trees.
    public let trees: [TreeNodes]
    /// Normalised impurity-decrease importances (sum 1 unless no split was made).
    public let featureImportances: [Double]

    /// Averaged leaf values, row-major (`max(1, classCount)` per row).
    func averagedValues(_ x: Matrix) -> [Double] {
        let k = Swift.max(1, classCount)
        return TreePredictor.accumulate(trees, outputs: k, outputOf: { _ in 0 }, scale: 1 / Double(Swift.max(1, trees.count)),
                                        initial: [Double](repeating: 0, count: k), x: x)
    }

    /// Predicts one class index or value per row.
    /// - Throws: `MLError` for a wrong column count or non-finite values.
    /// - Complexity: O(rows × trees × depth).
    public func predict(_ features: Matrix) throws -> Prediction {
        try checkPredictionInput(features)
        if classCount == 0 { return .values(averagedValues(features)) }
        return .classes(argmaxClasses(try predictProbabilities(features)))
    }

    /// Class probabilities: one row per sample, one column per class; rows sum to 1.
    /// - Throws: `MLError` for a wrong column count or non-finite values.
    /// - Complexity: O(rows × trees × depth).
    public func predictProbabilities(_ features: Matrix) throws -> Matrix {
        try checkPredictionInput(features)
        guard classCount > 0 else { throw MLError.invalidInput("A regression tree model has no class probabilities.") }
        var v = averagedValues(features)
        // Renormalise each row so it sums to 1 exactly up to rounding.
        for i in 0..<features.rowCount {
            var s = 0.0
            for k in 0..<classCount { s += v[i * classCount + k] }
            if s > 0 { for k in 0..<classCount { v[i * classCount + k] /= s } }
        }
        return Matrix.fromRowMajor(v, rows: features.rowCount, columns: classCount)
    }
}

/// The hyperparameters shared by the CART-based estimators.
struct CARTForestConfiguration {
    var treeCount: Int
    var criterion: CARTCriterion
    var maxDepth: Int?
    var minSamplesSplit: Int
    var minSamplesLeaf: Int
    var maxFeatures: MaxFeatures
    var bootstrap: Bool
    var randomThresholds: Bool
    var maxBins: Int
    var threads: Int?
    /// `min_impurity_decrease` (0: no pruning by decrease).
    var minImpurityDecrease = 0.0
    /// Class weights multiplied into the row weights (classification only).
    var classWeighting = CARTClassWeighting.none
}

/// Fits `treeCount` CART trees on one shared binned matrix: tree `t` uses `rng.split(t)`, a
/// bootstrap is a per-tree weight vector, and trees run in parallel by index. Class weights
/// (`c.classWeighting`) multiply the sample weights, as scikit-learn does.
/// - Throws: `MLError.budgetExceeded` when `data.interruption` fires; it is checked before each tree.
func fitCARTEnsemble(_ data: TrainingData, _ c: CARTForestConfiguration, using rng: inout RandomStream) throws -> TreeEnsembleModel {
    let target = TreeTrainingTarget(data)
    let n = data.features.rowCount
    let p = data.features.columnCount
    let threads = resolvedThreads(c.threads)
    var binRNG = rng.split(0xB1)
    let sample: [Int]? = n > 200_000 ? binRNG.sample(200_000, from: n).sorted() : nil
    let mapper = BinMapper.fit(data.features, maxBins: c.maxBins, sampleRows: sample, threads: threads)
    let binned = mapper.transform(data.features, threads: threads)
    var weighted = target.weights ?? [Double](repeating: 1, count: n)
    let k = target.classCount
    var weighting = c.classWeighting
    // Without bootstrap, per-bootstrap balancing is balancing over all rows (scikit-learn's forests).
    if case .balancedPerBootstrap = weighting, !c.bootstrap { weighting = .balanced(weightedCounts: true) }
    if k > 0, case let .balanced(weightedCounts) = weighting {
        var counts = [Double](repeating: 0, count: k)
        var hasRows = [Bool](repeating: false, count: k)
        for i in 0..<n {
            let cls = Int(target.classes[i])
            counts[cls] += weightedCounts ? weighted[i] : 1
            hasRows[cls] = true
        }
        let factors = CARTClassWeighting.balancedFactors(counts: counts, hasRows: hasRows)
        for i in 0..<n { weighted[i] *= factors[Int(target.classes[i])] }
    }
    let base = weighted
    let perBootstrap: Bool
    if k > 0, case .balancedPerBootstrap = weighting { perBootstrap = true } else { perBootstrap = false }
    let settings = CARTSettings(criterion: c.criterion.splitRule, maxDepth: c.maxDepth, minSamplesSplit: c.minSamplesSplit,
                                minSamplesLeaf: c.minSamplesLeaf, maxFeatures: c.maxFeatures.resolve(p),
                                randomThresholds: c.randomThresholds, minImpurityDecrease: c.minImpurityDecrease)
    let root = rng
    let interruption = data.interruption
    let built: [CARTBuilder.Result?] = Parallel.map(c.treeCount, threads: c.treeCount > 1 ? threads : 1) { t in
        if interruption?.isInterrupted == true { return nil }   // a time budget is checked per tree
        var treeRNG = root.split(UInt64(t))
        var weights = base
        if c.bootstrap {
            var counts = [Double](repeating: 0, count: n)
            var bootRNG = treeRNG.split(0xB007)
            for _ in 0..<n { counts[bootRNG.nextInt(below: n)] += 1 }
            if perBootstrap {
                // scikit-learn's compute_sample_weight("balanced", y, indices=bootstrap draws).
                var drawn = [Double](repeating: 0, count: k)
                for i in 0..<n { drawn[Int(target.classes[i])] += counts[i] }
                let factors = CARTClassWeighting.balancedFactors(counts: drawn, hasRows: drawn.map { $0 > 0 })
                for i in 0..<n { weights[i] *= counts[i] * factors[Int(target.classes[i])] }
            } else {
                for i in 0..<n { weights[i] *= counts[i] }
            }
        }
        var rows: [Int32] = []
        rows.reserveCapacity(n)
        for i in 0..<n where weights[i] > 0 { rows.append(Int32(i)) }
        let builder = CARTBuilder(binned: binned, mapper: mapper, classes: target.classes,
                                  classCount: target.classCount, values: target.values)
        return builder.build(rows: rows, weights: weights, settings: settings, using: &treeRNG)
    }
    try interruption?.check()
    let results = built.compactMap { $0 }
    var importances = [Double](repeating: 0, count: p)
    for r in results {
        let s = r.importances.reduce(0, +)
        if s > 0 { for f in 0..<p { importances[f] += r.importances[f] / s } }
    }
    let total = importances.reduce(0, +)
    if total > 0 { importances = importances.map { $0 / total } }
    return TreeEnsembleModel(featureCount: p, classCount: target.classCount, trees: results.map(\.tree),
                             featureImportances: importances)
}

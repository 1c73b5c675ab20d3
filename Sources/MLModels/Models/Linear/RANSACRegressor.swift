#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import MLCore

/// RANSAC regression (PyCaret "ransac", scikit-learn `RANSACRegressor` around `LinearRegression`).
///
/// Repeats: draw `p + 1` rows from the stream, fit least squares on them, count the rows whose
/// absolute residual is at most `residualThreshold` (default: the median absolute deviation of
/// y). The largest consensus set wins (ties go to the higher R² on it); the number of trials
/// shrinks once a consensus set makes success likely (`stopProbability`). The final model is least
/// squares on the winning inliers. Sample weights are honoured in every least-squares fit.
/// Defaults (scikit-learn's): `maxTrials = 100`, `residualThreshold = nil` (MAD of y),
/// `stopProbability = 0.99`.
public struct RANSACRegressor: Estimator {
    /// The most random trials (default 100).
    public var maxTrials: Int
    /// The largest absolute residual of an inlier; `nil` means the median absolute deviation of y.
    public var residualThreshold: Double?
    /// Stop once at least one outlier-free sample has been drawn with this probability (default 0.99).
    public var stopProbability: Double

    /// PyCaret's ID.
    public static let id = "ransac"
    /// The leaderboard name.
    public static let displayName = "Random Sample Consensus"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// `maxTrials ≥ 1`, `stopProbability ∈ [0, 1]`, `residualThreshold` nil or ≥ 0.
    public static let constraints: [ParameterConstraint<RANSACRegressor>] = [
        .integer("maxTrials", \.maxTrials, 1...Int.max),
        .real("stopProbability", \.stopProbability, .closed(0, 1)),
        ParameterConstraint(name: "residualThreshold", expected: "nil or a number in [0, inf)",
                            isSatisfied: { $0.residualThreshold.map { Interval.atLeast(0).contains($0) } ?? true },
                            describeValue: { $0.residualThreshold.map { "\($0)" } ?? "nil" },
                            invalidVariants: { e in [-1.0, .nan].map { v in var c = e; c.residualThreshold = v; return c } }),
    ]

    /// The defaults listed on the type.
    public init() {
        maxTrials = 100
        residualThreshold = nil
        stopProbability = 0.99
    }

    /// The fitted model: least squares on the consensus set.
    public typealias Model = LinearRegressorModel

    /// Runs the trials and refits on the best consensus set.
    /// - Throws: `MLError.invalidParameter`, `MLError.invalidInput` (too few rows, or no
    ///   consensus set found), `MLError.numerical`.
    /// - Complexity: O(trials × rows × features + rows × features²).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try data.valueTarget(for: Self.displayName)
        let n = data.features.rowCount, p = data.features.columnCount
        let minSamples = p + 1
        guard n >= minSamples else {
            throw MLError.invalidInput("\(Self.displayName) needs at least \(minSamples) rows (features + 1); got \(n).")
        }
        let threshold = residualThreshold ?? {
            let median = Stats.quantile(y, 0.5)
            return Stats.quantile(y.map { Swift.abs($0 - median) }, 0.5)
        }()
        let ols = LinearRegression()
        var bestInliers: [Int] = []
        var bestScore = -Double.infinity
        var trialLimit = maxTrials
        var trial = 0
        while trial < trialLimit {
            trial += 1
            let sample = rng.sample(minSamples, from: n)
            let model = try ols.fit(data.gatheringRows(sample), using: &rng)
            guard case let .values(predicted) = try model.predict(data.features) else { continue }
            let inliers = (0..<n).filter { Swift.abs(y[$0] - predicted[$0]) <= threshold }
            if inliers.count < bestInliers.count || inliers.isEmpty { continue }
            let score = weightedR2(model, data, inliers, y)
            if inliers.count == bestInliers.count && score < bestScore { continue }
            bestInliers = inliers
            bestScore = score
            trialLimit = Swift.min(trialLimit, dynamicMaxTrials(inliers: inliers.count, rows: n, sampleSize: minSamples))
            if inliers.count == n { break }
        }
        guard !bestInliers.isEmpty else {
            throw MLError.invalidInput("\(Self.displayName) found no consensus set within residual threshold \(threshold).")
        }
        var final = try ols.fit(data.gatheringRows(bestInliers), using: &rng)
        final = LinearRegressorModel(coefficients: final.coefficients, intercept: final.intercept,
                                     iterations: trial, converged: true)
        return final
    }

    /// scikit-learn's `_dynamic_max_trials`: trials needed to draw one all-inlier sample with
    /// probability `stopProbability`.
    private func dynamicMaxTrials(inliers: Int, rows: Int, sampleSize: Int) -> Int {
        let ratio = Double(inliers) / Double(rows)
        let numerator = Swift.max(Double.ulpOfOne, 1 - stopProbability)
        let denominator = Swift.max(Double.ulpOfOne, 1 - pow(ratio, Double(sampleSize)))
        if denominator == 1 { return Int.max }
        let needed = (log(numerator) / log(denominator)).rounded(.up)
        return needed.isFinite && needed < Double(Int.max / 2) ? Swift.max(Int(needed), 1) : Int.max
    }

    /// R² of `model` on the rows `rows` (weighted when the data has weights).
    private func weightedR2(_ model: LinearRegressorModel, _ data: TrainingData, _ rows: [Int], _ y: [Double]) -> Double {
        let w = data.sampleWeights
        var total = 0.0, mean = 0.0
        for i in rows { let wi = w?[i] ?? 1; total += wi; mean += wi * y[i] }
        mean /= total
        var ssRes = 0.0, ssTot = 0.0
        for i in rows {
            let wi = w?[i] ?? 1
            var prediction = model.intercept
            for j in 0..<model.coefficients.count { prediction += model.coefficients[j] * data.features[i, j] }
            ssRes += wi * (y[i] - prediction) * (y[i] - prediction)
            ssTot += wi * (y[i] - mean) * (y[i] - mean)
        }
        return ssTot > 0 ? 1 - ssRes / ssTot : (ssRes == 0 ? 1 : 0)
    }
}

import MLCore

/// Theil–Sen regression (PyCaret "tr", scikit-learn `TheilSenRegressor`).
///
/// Fits least squares exactly on many small subsets of rows (p + 1 rows each, with the intercept
/// as a column of ones) and returns the spatial median of those solutions (modified Weiszfeld
/// iterations), which tolerates a large share of outliers. When there are more than
/// `maxSubpopulation` subsets, that many are drawn at random from the stream; otherwise all are
/// used. Sample weights are not supported (as in scikit-learn).
/// Defaults: `maxSubpopulation = 10_000`, `maxIterations = 300`, `tolerance = 1e-3`,
/// `fitsIntercept = true`.
public struct TheilSenRegressor: Estimator {
    /// The most subsets to solve (default 10 000).
    public var maxSubpopulation: Int
    /// Maximum Weiszfeld iterations for the spatial median (default 300).
    public var maxIterations: Int
    /// Stop the spatial median when the squared step is below this (default 1e-3).
    public var tolerance: Double
    /// Whether to fit an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "tr"
    /// The leaderboard name.
    public static let displayName = "TheilSen Regressor"
    /// Regression only.
    public static let supportedTasks: Set<Task> = [.regression]
    /// `maxSubpopulation ≥ 1`, `maxIterations ≥ 1`, `tolerance > 0`.
    public static let constraints: [ParameterConstraint<TheilSenRegressor>] = [
        .integer("maxSubpopulation", \.maxSubpopulation, 1...Int.max),
        .integer("maxIterations", \.maxIterations, 1...Int.max),
        .real("tolerance", \.tolerance, .greaterThan(0)),
    ]

    /// The defaults listed on the type.
    public init() {
        maxSubpopulation = 10_000
        maxIterations = 300
        tolerance = 1e-3
        fitsIntercept = true
    }

    /// The fitted model.
    public typealias Model = LinearRegressorModel

    /// Solves the subsets and takes their spatial median.
    /// - Throws: `MLError.invalidParameter`, or `MLError.invalidInput` for sample weights or too few rows.
    /// - Complexity: O(subsets × (p + 1)³ + iterations × subsets × p).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try data.valueTarget(for: Self.displayName)
        guard data.sampleWeights == nil else {
            throw MLError.invalidInput("\(Self.displayName) does not support sample weights.")
        }
        let x = data.features
        let n = x.rowCount, p = x.columnCount
        let dimension = p + (fitsIntercept ? 1 : 0)
        guard n >= dimension else {
            throw MLError.invalidInput("\(Self.displayName) needs at least \(dimension) rows (features + intercept); got \(n).")
        }
        let subsets = drawSubsets(rowCount: n, size: dimension, using: &rng)
        var solutions: [[Double]] = []
        solutions.reserveCapacity(subsets.count)
        for rows in subsets {
            var a = Matrix(rowCount: dimension, columnCount: dimension)
            var b = Matrix(rowCount: dimension, columnCount: 1)
            for (r, i) in rows.enumerated() {
                if fitsIntercept { a[r, 0] = 1 }
                for j in 0..<p { a[r, j + (fitsIntercept ? 1 : 0)] = x[i, j] }
                b[r, 0] = y[i]
            }
            solutions.append(try LAPACK.leastSquares(a, b).solution.storage)
        }
        let median = spatialMedian(solutions, maxIterations: maxIterations, tolerance: tolerance)
        return Model(coefficients: Array(median[(fitsIntercept ? 1 : 0)...]), intercept: fitsIntercept ? median[0] : 0)
    }

    /// Every `size`-subset of the rows when there are at most `maxSubpopulation`; otherwise that
    /// many random subsets (each without repetition).
    private func drawSubsets(rowCount n: Int, size k: Int, using rng: inout RandomStream) -> [[Int]] {
        var count = 1.0   // C(n, k), stopping once it exceeds the cap
        for i in 0..<k where count <= Double(maxSubpopulation) { count = count * Double(n - i) / Double(i + 1) }
        if count.rounded() <= Double(maxSubpopulation) {
            var out: [[Int]] = []
            var current = Array(0..<k)
            while true {
                out.append(current)
                var i = k - 1
                while i >= 0 && current[i] == n - k + i { i -= 1 }
                if i < 0 { break }
                current[i] += 1
                for j in (i + 1)..<max(i + 1, k) { current[j] = current[j - 1] + 1 }
            }
            return out
        }
        return (0..<maxSubpopulation).map { _ in rng.sample(k, from: n) }
    }
}

/// The spatial (L1) median of `points` by scikit-learn's modified Weiszfeld iteration, started at
/// the mean; a 1-dimensional input gives the ordinary median.
/// - Complexity: O(iterations × points × dimension).
func spatialMedian(_ points: [[Double]], maxIterations: Int, tolerance: Double) -> [Double] {
    let m = points.count, d = points.first?.count ?? 0
    if d == 1 { return [Stats.quantile(points.map { $0[0] }, 0.5)] }
    var current = [Double](repeating: 0, count: d)
    for point in points { for j in 0..<d { current[j] += point[j] } }
    for j in 0..<d { current[j] /= Double(m) }
    let epsilon = Double.ulpOfOne
    for _ in 0..<maxIterations {
        var weighted = [Double](repeating: 0, count: d)   // Σ x / ‖x − c‖
        var unit = [Double](repeating: 0, count: d)       // Σ (x − c) / ‖x − c‖
        var inverseSum = 0.0
        var coincides = 0
        for point in points {
            var norm2 = 0.0
            for j in 0..<d { let t = point[j] - current[j]; norm2 += t * t }
            let norm = norm2.squareRoot()
            if norm < epsilon { coincides = 1; continue }
            for j in 0..<d { weighted[j] += point[j] / norm; unit[j] += (point[j] - current[j]) / norm }
            inverseSum += 1 / norm
        }
        var quotient = 0.0
        for v in unit { quotient += v * v }
        quotient = quotient.squareRoot()
        var direction = [Double](repeating: 1, count: d)
        if quotient > epsilon { for j in 0..<d { direction[j] = weighted[j] / inverseSum } } else { quotient = 1 }
        let keep = Swift.min(1, Double(coincides) / quotient)
        let move = Swift.max(0, 1 - Double(coincides) / quotient)
        var next = current
        var step = 0.0
        for j in 0..<d {
            next[j] = move * direction[j] + keep * current[j]
            step += (next[j] - current[j]) * (next[j] - current[j])
        }
        current = next
        if step < tolerance { break }
    }
    return current
}

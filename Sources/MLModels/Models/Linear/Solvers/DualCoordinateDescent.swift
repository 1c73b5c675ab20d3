import MLCore

// Dual coordinate descent for linear SVMs (Hsieh et al. 2008; Ho & Lin 2012), as liblinear's
// `solve_l2r_l1l2_svc` (hinge loss) and `solve_l2r_l1l2_svr` (ε-insensitive loss); the hinge solver
// shrinks its active set as liblinear does. The primal problems are
//
//   classification: ½‖w‖² + Σ Uᵢ·max(0, 1 − yᵢ·w·xᵢ),          yᵢ ∈ {−1, +1}
//   regression:     ½‖w‖² + Σ Uᵢ·max(0, |yᵢ − w·xᵢ| − ε)
//
// with Uᵢ = C·sᵢ. A bias is learned as the weight of an appended constant feature (penalised,
// as liblinear with intercept_scaling = 1).
//
// IN:  rows (row-major: rowCount × dimension, the constant column already appended), targets,
//      per-row bounds U, a stream for the per-epoch visiting order.
// OUT: w (dimension), epochs run, whether the stopping rule was met.
// Stopping: classification when max PG − min PG ≤ tolerance (liblinear); regression when the sum
// of |violations| ≤ tolerance × that of the first epoch.
// Complexity: O(epochs × rows × dimension).

/// The outcome of a dual coordinate descent.
struct DualCoordinateDescentResult {
    /// The primal weights (the last one is the bias when a constant column was appended).
    var weights: [Double]
    /// Epochs run.
    var epochs: Int
    /// Whether the stopping rule was met.
    var converged: Bool
}

/// Hinge-loss SVM by dual coordinate descent. `rows` is row-major (`rowCount × dimension`).
///
/// With `shrinking` (the default, as liblinear), a variable at a bound whose projected gradient
/// lies beyond the previous epoch's extremes leaves the active set; when the active set meets the
/// tolerance, every variable comes back for a final check, so the stopping rule is the same as
/// without shrinking. Without it every variable is visited every epoch.
func hingeDualCoordinateDescent(rows: [Double], rowCount n: Int, dimension d: Int, labels: [Double], bounds: [Double],
                                maxEpochs: Int, tolerance: Double, shrinking: Bool = true,
                                using rng: inout RandomStream) -> DualCoordinateDescentResult {
    var w = [Double](repeating: 0, count: d)
    var alpha = [Double](repeating: 0, count: n)
    var qii = [Double](repeating: 0, count: n)
    rows.withUnsafeBufferPointer { x in
        for i in 0..<n {
            var s = 0.0
            for j in 0..<d { let v = x[i &* d &+ j]; s += v * v }
            qii[i] = s
        }
    }
    var index = Array(0..<n)
    var activeSize = n
    var oldMaxPG = Double.infinity, oldMinPG = -Double.infinity
    var epoch = 0
    while epoch < maxEpochs {
        if Interruption.current?.isInterrupted == true { break }   // budget: the CV loop reports the cut
        epoch += 1
        // Fisher–Yates over the active prefix only.
        var k = activeSize - 1
        while k > 0 {
            let j = rng.nextInt(below: k + 1)
            if j != k { index.swapAt(k, j) }
            k -= 1
        }
        var maxPG = -Double.infinity, minPG = Double.infinity
        rows.withUnsafeBufferPointer { x in
            w.withUnsafeMutableBufferPointer { wb in
                var s = 0
                while s < activeSize {
                    let i = index[s]
                    if qii[i] <= 0 { s += 1; continue }
                    let base = i &* d
                    var margin = 0.0
                    for j in 0..<d { margin += wb[j] * x[base &+ j] }
                    let g = labels[i] * margin - 1
                    var pg = 0.0
                    if alpha[i] == 0 {
                        if shrinking && g > oldMaxPG {
                            activeSize -= 1
                            index.swapAt(s, activeSize)
                            continue
                        }
                        pg = Swift.min(g, 0)
                    } else if alpha[i] == bounds[i] {
                        if shrinking && g < oldMinPG {
                            activeSize -= 1
                            index.swapAt(s, activeSize)
                            continue
                        }
                        pg = Swift.max(g, 0)
                    } else {
                        pg = g
                    }
                    maxPG = Swift.max(maxPG, pg)
                    minPG = Swift.min(minPG, pg)
                    if pg != 0 {
                        let old = alpha[i]
                        alpha[i] = Swift.min(Swift.max(old - g / qii[i], 0), bounds[i])
                        let step = (alpha[i] - old) * labels[i]
                        for j in 0..<d { wb[j] += step * x[base &+ j] }
                    }
                    s += 1
                }
            }
        }
        if maxPG == -Double.infinity { maxPG = 0; minPG = 0 }   // nothing active
        if maxPG - minPG <= tolerance {
            if activeSize == n { return DualCoordinateDescentResult(weights: w, epochs: epoch, converged: true) }
            // The active set has converged: bring every variable back and check them all.
            activeSize = n
            oldMaxPG = .infinity
            oldMinPG = -.infinity
            continue
        }
        oldMaxPG = maxPG <= 0 ? .infinity : maxPG
        oldMinPG = minPG >= 0 ? -.infinity : minPG
    }
    return DualCoordinateDescentResult(weights: w, epochs: epoch, converged: false)
}

/// ε-insensitive SVR by dual coordinate descent. `rows` is row-major (`rowCount × dimension`).
func epsilonInsensitiveDualCoordinateDescent(rows: [Double], rowCount n: Int, dimension d: Int, targets: [Double],
                                             bounds: [Double], epsilon: Double, maxEpochs: Int, tolerance: Double,
                                             using rng: inout RandomStream) -> DualCoordinateDescentResult {
    var w = [Double](repeating: 0, count: d)
    var beta = [Double](repeating: 0, count: n)
    var qii = [Double](repeating: 0, count: n)
    rows.withUnsafeBufferPointer { x in
        for i in 0..<n {
            var s = 0.0
            for j in 0..<d { let v = x[i &* d &+ j]; s += v * v }
            qii[i] = s
        }
    }
    var order = Array(0..<n)
    var firstViolation = -1.0
    var epoch = 0
    while epoch < maxEpochs {
        if Interruption.current?.isInterrupted == true { break }   // budget: the CV loop reports the cut
        epoch += 1
        rng.shuffle(&order)
        var violation = 0.0
        rows.withUnsafeBufferPointer { x in
            w.withUnsafeMutableBufferPointer { wb in
                for i in order where qii[i] > 0 {
                    let base = i &* d
                    var prediction = 0.0
                    for j in 0..<d { prediction += wb[j] * x[base &+ j] }
                    let g = prediction - targets[i]
                    let gp = g + epsilon, gn = g - epsilon
                    let h = qii[i], u = bounds[i], b = beta[i]
                    // the violation of the optimality conditions at βᵢ (liblinear)
                    if b == 0 { violation += gp < 0 ? -gp : (gn > 0 ? gn : 0) }
                    else if b >= u { violation += gp > 0 ? gp : 0 }
                    else if b <= -u { violation += gn < 0 ? -gn : 0 }
                    else if b > 0 { violation += Swift.abs(gp) }
                    else { violation += Swift.abs(gn) }
                    let step: Double
                    if gp < h * b { step = -gp / h } else if gn > h * b { step = -gn / h } else { step = -b }
                    let new = Swift.min(Swift.max(b + step, -u), u)
                    if new != b {
                        beta[i] = new
                        let delta = new - b
                        for j in 0..<d { wb[j] += delta * x[base &+ j] }
                    }
                }
            }
        }
        if firstViolation < 0 { firstViolation = violation }
        if violation <= tolerance * firstViolation {
            return DualCoordinateDescentResult(weights: w, epochs: epoch, converged: true)
        }
    }
    return DualCoordinateDescentResult(weights: w, epochs: epoch, converged: false)
}

/// The rows of `x` as one row-major array, with a constant column of `bias` appended when
/// `bias` is non-nil.
func rowMajorWithBias(_ x: Matrix, bias: Double?) -> [Double] {
    let n = x.rowCount, p = x.columnCount
    let d = p + (bias == nil ? 0 : 1)
    var out = [Double](repeating: bias ?? 0, count: n * d)
    x.storage.withUnsafeBufferPointer { src in
        out.withUnsafeMutableBufferPointer { dst in
            for j in 0..<p {
                let base = j &* n
                for i in 0..<n { dst[i &* d &+ j] = src[base &+ i] }
            }
        }
    }
    return out
}

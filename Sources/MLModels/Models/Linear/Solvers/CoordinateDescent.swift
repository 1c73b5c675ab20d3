import MLCore

// Cyclic coordinate descent for the elastic net, as scikit-learn's `enet_coordinate_descent`,
// with its gap-safe screening (Fercoq, Gramfort & Salmon 2015; Ndiaye et al. 2017, Eq. 11):
//
//   minimise ½‖y − Xw‖² + l1·‖w‖₁ + ½·l2·‖w‖²
//
// IN:  X (column-major, rows × features, already centred and √w-scaled), y (centred), l1, l2 ≥ 0.
// OUT: w, the final duality gap, the number of sweeps, whether gap ≤ tolerance·‖y‖².
// A sweep updates w_j ← S(X_jᵀ(R + w_j X_j), l1) / (‖X_j‖² + l2) for j = 0…p−1, keeping the
// residual R = y − Xw up to date; the duality gap is checked when the largest relative update
// falls below the tolerance, or on the last sweep. After each gap check that fails (and once at the
// start), features that the gap proves to be 0 at the optimum are set to 0 and skipped; this only
// saves work, the optimum is the same.
// Complexity: O(sweeps × rows × features).

/// The outcome of `elasticNetCoordinateDescent`.
struct CoordinateDescentResult {
    /// The coefficients.
    var coefficients: [Double]
    /// The duality gap at the end.
    var gap: Double
    /// Sweeps performed.
    var iterations: Int
    /// True when the gap met the tolerance.
    var converged: Bool
}

/// Cyclic coordinate descent for ½‖y − Xw‖² + l1‖w‖₁ + ½ l2‖w‖², started from w = 0.
/// `screening` (on by default, used only when l1 > 0) turns gap-safe feature elimination on.
func elasticNetCoordinateDescent(_ x: Matrix, _ y: [Double], l1: Double, l2: Double,
                                 maxIterations: Int, tolerance: Double, screening: Bool = true) -> CoordinateDescentResult {
    let n = x.rowCount, p = x.columnCount
    var w = [Double](repeating: 0, count: p)
    var residual = y
    var columnNorms = [Double](repeating: 0, count: p)
    var yNorm2 = 0.0
    for v in y { yNorm2 += v * v }
    let gapTolerance = tolerance * yNorm2
    x.storage.withUnsafeBufferPointer { xb in
        for j in 0..<p {
            columnNorms[j] = fourWayDot(xb, j &* n, UnsafeBufferPointer(rebasing: xb[(j &* n)..<(j &* n &+ n)]), n)
        }
    }
    var excluded = [Bool](repeating: false, count: p)
    let screens = screening && l1 > 0
    /// Gap-safe rule: drop feature j when (1 − |x_jᵀθ|)/√(‖x_j‖² + l2) > √(2·gap)/l1.
    func screen(_ check: ElasticNetGap) {
        let radius = (2 * Swift.max(check.gap, 0)).squareRoot() / l1
        let dualScale = Swift.max(l1, check.dualNorm)
        x.storage.withUnsafeBufferPointer { xb in
            residual.withUnsafeMutableBufferPointer { r in
                for j in 0..<p where !excluded[j] {
                    if columnNorms[j] == 0 { excluded[j] = true; continue }
                    let distance = (1 - Swift.abs(check.correlations[j] / dualScale)) / (columnNorms[j] + l2).squareRoot()
                    if distance > radius {
                        if w[j] != 0 {
                            let base = j &* n
                            let wj = w[j]
                            for i in 0..<n { r[i] += wj * xb[base &+ i] }
                            w[j] = 0
                        }
                        excluded[j] = true
                    }
                }
            }
        }
    }
    var check = elasticNetDualityGap(x, y, w: w, residual: residual, l1: l1, l2: l2)
    var gap = check.gap
    if gap <= gapTolerance { return CoordinateDescentResult(coefficients: w, gap: gap, iterations: 0, converged: true) }
    if screens { screen(check) }
    var iteration = 0
    while iteration < maxIterations {
        if Interruption.current?.isInterrupted == true { break }   // budget: the CV loop reports the cut
        iteration += 1
        var wMax = 0.0, dwMax = 0.0
        x.storage.withUnsafeBufferPointer { xb in
            residual.withUnsafeMutableBufferPointer { r in
                for j in 0..<p where columnNorms[j] != 0 && !excluded[j] {
                    let base = j &* n
                    let old = w[j]
                    var tmp = fourWayDot(xb, base, UnsafeBufferPointer(r), n)
                    tmp += old * columnNorms[j]
                    let shrunk = Swift.max(Swift.abs(tmp) - l1, 0)
                    let new = tmp == 0 ? 0 : (tmp > 0 ? shrunk : -shrunk) / (columnNorms[j] + l2)
                    if new != old {
                        let d = old - new
                        for i in 0..<n { r[i] += d * xb[base &+ i] }
                    }
                    w[j] = new
                    dwMax = Swift.max(dwMax, Swift.abs(new - old))
                    wMax = Swift.max(wMax, Swift.abs(new))
                }
            }
        }
        if wMax == 0 || dwMax / wMax <= tolerance || iteration == maxIterations {
            check = elasticNetDualityGap(x, y, w: w, residual: residual, l1: l1, l2: l2)
            gap = check.gap
            if gap <= gapTolerance {
                return CoordinateDescentResult(coefficients: w, gap: gap, iterations: iteration, converged: true)
            }
            if screens { screen(check) }
        }
    }
    return CoordinateDescentResult(coefficients: w, gap: gap, iterations: iteration, converged: false)
}

/// Σ a[offset + i]·b[i] for i < n, with four interleaved partial sums, combined as
/// (s0 + s1) + (s2 + s3) + tail.
///
/// The summation order is fixed by `n` alone (never by threads), and the four independent
/// chains let the CPU overlap the additions that a single running sum would serialise.
@inline(__always)
func fourWayDot(_ a: UnsafeBufferPointer<Double>, _ offset: Int, _ b: UnsafeBufferPointer<Double>, _ n: Int) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var i = 0
    while i &+ 4 <= n {
        s0 += a[offset &+ i] * b[i]
        s1 += a[offset &+ i &+ 1] * b[i &+ 1]
        s2 += a[offset &+ i &+ 2] * b[i &+ 2]
        s3 += a[offset &+ i &+ 3] * b[i &+ 3]
        i = i &+ 4
    }
    var tail = 0.0
    while i < n { tail += a[offset &+ i] * b[i]; i = i &+ 1 }
    return (s0 + s1) + (s2 + s3) + tail
}

/// A duality-gap evaluation and the by-products the screening rule reuses.
struct ElasticNetGap {
    /// The duality gap.
    var gap: Double
    /// XᵀR − l2·w (formulation A; empty otherwise).
    var correlations: [Double]
    /// max |XᵀR − l2·w|.
    var dualNorm: Double
}

/// scikit-learn's `gap_enet`: formulation A for l1 > 0, B for l1 = 0 < l2, ‖XᵀR‖² for OLS.
/// - Complexity: O(rows × features), one `dgemv`.
func elasticNetDualityGap(_ x: Matrix, _ y: [Double], w: [Double], residual: [Double], l1: Double, l2: Double) -> ElasticNetGap {
    var rNorm2 = 0.0, ry = 0.0, wNorm2 = 0.0, wL1 = 0.0
    for i in residual.indices { rNorm2 += residual[i] * residual[i]; ry += residual[i] * y[i] }
    for v in w { wNorm2 += v * v; wL1 += Swift.abs(v) }
    var xtr = w   // XᵀR − l2·w
    BLAS.gemv(x, residual, transpose: true, alpha: 1, beta: -l2, into: &xtr)
    if l1 == 0 {
        var xtrOnly = [Double](repeating: 0, count: w.count)
        BLAS.gemv(x, residual, transpose: true, into: &xtrOnly)
        var dual = 0.0
        for v in xtrOnly { dual += v * v }
        if l2 == 0 { return ElasticNetGap(gap: dual, correlations: [], dualNorm: 0) }
        return ElasticNetGap(gap: rNorm2 + 0.5 * l2 * wNorm2 - ry + dual / (2 * l2), correlations: [], dualNorm: 0)
    }
    var dualNorm = 0.0
    for v in xtr { dualNorm = Swift.max(dualNorm, Swift.abs(v)) }
    let primal = 0.5 * (rNorm2 + l2 * wNorm2) + l1 * wL1
    let scale = dualNorm > l1 ? l1 / dualNorm : 1
    let dual = -0.5 * scale * scale * (rNorm2 + l2 * wNorm2) + scale * ry
    return ElasticNetGap(gap: primal - dual, correlations: xtr, dualNorm: dualNorm)
}

import MLCore

// Primal Newton solver for the hinge-loss SVM with a smoothing continuation.
//
//   P(w) = ½‖w‖² + Σ Uᵢ·max(0, 1 − mᵢ),   mᵢ = yᵢ·w·xᵢ,  yᵢ ∈ {−1, +1}
//
// the problem `hingeDualCoordinateDescent` solves. The hinge is replaced by its quadratically
// smoothed version of width h,
//
//   ℓ_h(m) = 0 (m ≥ 1),  (1 − m)²/(2h) (1 − h < m < 1),  1 − m − h/2 (m ≤ 1 − h),
//
// which is C¹ with a piecewise-constant curvature, so Newton's method with an exact line search
// minimises P_h in a few steps whatever the scale of the features (dual coordinate descent needs
// 10⁵ epochs and more on unscaled data). h shrinks tenfold per stage, each stage warm-started
// from the last, until the duality gap of the original problem certifies the solution:
// αᵢ = Uᵢ·clip((1 − mᵢ)/h, 0, 1) is dual feasible, and P(w) − D(α) with
// D(α) = Σαᵢ − ½‖Σαᵢyᵢxᵢ‖² bounds P(w) − P(w*) from above.
//
// IN:  rows (row-major: rowCount × dimension, a constant column appended for a bias), labels ±1,
//      per-row bounds U, the relative gap to reach, a cap on Newton steps.
// OUT: w (dimension), Newton steps taken, whether the gap was reached.
// Complexity: O(steps × (rows × dimension + rows in the quadratic zone × dimension² + dimension³)),
// so it is meant for dimensions up to a few hundred; `LinearSVMClassifier` uses dual coordinate
// descent beyond `smoothedHingeNewtonMaxDimension`.

/// The largest dimension (features plus bias) solved by `smoothedHingeNewton`.
let smoothedHingeNewtonMaxDimension = 512

/// Hinge-loss SVM by Newton's method on a shrinking quadratic smoothing of the hinge; stops when
/// the duality gap is at most `tolerance` × the primal objective. `rows` is row-major
/// (`rowCount × dimension`). The result's `epochs` counts Newton steps.
func smoothedHingeNewton(rows: [Double], rowCount n: Int, dimension d: Int, labels: [Double], bounds: [Double],
                         maxSteps: Int, tolerance: Double) -> DualCoordinateDescentResult {
    var w = [Double](repeating: 0, count: d)
    var best = w
    if n == 0 || d == 0 { return DualCoordinateDescentResult(weights: w, epochs: 0, converged: true) }
    var margins = [Double](repeating: 0, count: n)
    var directionMargins = [Double](repeating: 0, count: n)
    var gradient = [Double](repeating: 0, count: d)
    var steps = 0
    var h = 1.0
    let minimumWidth = 1e-12
    var bestPrimal = Double.infinity

    /// mᵢ = yᵢ·w·xᵢ for every row.
    func computeMargins(_ v: [Double], into out: inout [Double]) {
        rows.withUnsafeBufferPointer { x in
            v.withUnsafeBufferPointer { vb in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<n {
                        let base = i &* d
                        var s = 0.0
                        for j in 0..<d { s += vb[j] * x[base &+ j] }
                        o[i] = labels[i] * s
                    }
                }
            }
        }
    }

    /// The hinge primal objective at `v` with its margins.
    func primal(_ v: [Double], _ m: [Double]) -> Double {
        var loss = 0.0
        for i in 0..<n where m[i] < 1 { loss += bounds[i] * (1 - m[i]) }
        var norm = 0.0
        for x in v { norm += x * x }
        return 0.5 * norm + loss
    }

    computeMargins(w, into: &margins)
    while true {
        // Newton on P_h.
        var stageSteps = 0
        while steps < maxSteps {
            if Interruption.current?.isInterrupted == true { break }   // budget: the CV loop reports the cut
            // Gradient w − Σ Uᵢaᵢyᵢxᵢ and Hessian I + Σ_quadratic (Uᵢ/h)·xᵢxᵢᵀ (lower triangle
            // accumulated, then mirrored).
            for j in 0..<d { gradient[j] = w[j] }
            var hessian = Matrix(rowCount: d, columnCount: d)
            rows.withUnsafeBufferPointer { x in
                hessian.storage.withUnsafeMutableBufferPointer { hb in
                    gradient.withUnsafeMutableBufferPointer { g in
                        for i in 0..<n {
                            let m = margins[i]
                            if m >= 1 { continue }
                            let base = i &* d
                            if m <= 1 - h {
                                let c = bounds[i] * labels[i]
                                for j in 0..<d { g[j] -= c * x[base &+ j] }
                            } else {
                                let a = (1 - m) / h
                                let c = bounds[i] * a * labels[i]
                                for j in 0..<d { g[j] -= c * x[base &+ j] }
                                let curvature = bounds[i] / h
                                for j in 0..<d {
                                    let v = curvature * x[base &+ j]
                                    let column = j &* d
                                    for l in j..<d { hb[column &+ l] += v * x[base &+ l] }
                                }
                            }
                        }
                    }
                }
            }
            var gradientNorm = 0.0, weightNorm = 0.0
            for j in 0..<d { gradientNorm += gradient[j] * gradient[j]; weightNorm += w[j] * w[j] }
            if gradientNorm.squareRoot() <= 1e-12 * (1 + weightNorm.squareRoot()) { break }
            if stageSteps > 0 && gradientNorm.squareRoot() <= 1e-9 * (1 + weightNorm.squareRoot()) { break }
            for j in 0..<d {
                hessian[j, j] += 1
                for l in (j + 1)..<d { hessian[j, l] = hessian[l, j] }
            }
            guard let solved = try? LAPACK.choleskySolve(hessian, gradient) else { break }
            let direction = solved.map { -$0 }
            steps += 1
            stageSteps += 1
            computeMargins(direction, into: &directionMargins)
            let t = exactLineSearch(w: w, direction: direction, margins: margins, directionMargins: directionMargins,
                                    bounds: bounds, width: h)
            if !(t > 0) { break }
            for j in 0..<d { w[j] += t * direction[j] }
            for i in 0..<n { margins[i] += t * directionMargins[i] }
            if t * (direction.reduce(0) { $0 + $1 * $1 }).squareRoot() <= 1e-14 * (1 + weightNorm.squareRoot()) { break }
        }
        // Duality gap of the hinge problem with the stage's dual point.
        var dualSum = 0.0
        var v = [Double](repeating: 0, count: d)
        rows.withUnsafeBufferPointer { x in
            for i in 0..<n {
                let a = Swift.min(Swift.max((1 - margins[i]) / h, 0), 1)
                if a == 0 { continue }
                let alpha = bounds[i] * a
                dualSum += alpha
                let c = alpha * labels[i]
                let base = i &* d
                for j in 0..<d { v[j] += c * x[base &+ j] }
            }
        }
        var vNorm = 0.0
        for x in v { vNorm += x * x }
        let dual = dualSum - 0.5 * vNorm
        let p = primal(w, margins)
        if p < bestPrimal { bestPrimal = p; best = w }
        let gap = bestPrimal - dual
        if gap <= tolerance * Swift.max(bestPrimal, Double.leastNormalMagnitude) {
            return DualCoordinateDescentResult(weights: best, epochs: steps, converged: true)
        }
        if steps >= maxSteps || h <= minimumWidth || Interruption.current?.isInterrupted == true {
            return DualCoordinateDescentResult(weights: best, epochs: steps, converged: false)
        }
        h *= 0.1
    }
}

/// The step t > 0 minimising P_h(w + t·direction): the root of its derivative, which is
/// piecewise linear and increasing in t, found by safeguarded Newton steps inside a bracket.
private func exactLineSearch(w: [Double], direction: [Double], margins: [Double], directionMargins: [Double],
                             bounds: [Double], width h: Double) -> Double {
    var wd = 0.0, dd = 0.0
    for j in 0..<w.count { wd += w[j] * direction[j]; dd += direction[j] * direction[j] }
    if dd == 0 { return 0 }
    let n = margins.count
    /// φ'(t) and φ''(t).
    func derivatives(_ t: Double) -> (Double, Double) {
        var first = wd + t * dd, second = dd
        for i in 0..<n {
            let delta = directionMargins[i]
            if delta == 0 { continue }
            let m = margins[i] + t * delta
            if m >= 1 { continue }
            if m <= 1 - h {
                first -= bounds[i] * delta
            } else {
                first -= bounds[i] * (1 - m) / h * delta
                second += bounds[i] * delta * delta / h
            }
        }
        return (first, second)
    }
    var lo = 0.0, hi = 1.0
    var (fHi, _) = derivatives(hi)
    var expansions = 0
    while fHi < 0 && expansions < 60 { lo = hi; hi *= 2; fHi = derivatives(hi).0; expansions += 1 }
    if fHi < 0 { return hi }
    var t = Swift.min(1.0, hi)
    for _ in 0..<100 {
        let (f, s) = derivatives(t)
        if abs(f) <= 1e-13 * (abs(wd) + 1) { return t }
        if f < 0 { lo = t } else { hi = t }
        var next = s > 0 ? t - f / s : 0.5 * (lo + hi)
        if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
        if hi - lo <= 1e-15 * hi { return 0.5 * (lo + hi) }
        t = next
    }
    return t
}

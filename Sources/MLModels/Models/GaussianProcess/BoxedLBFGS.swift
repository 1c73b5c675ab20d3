import MLCore

// A small projected L-BFGS for box constraints that follows scipy's L-BFGS-B (which scikit-learn's
// Gaussian processes call) where it matters for the result:
//  - the direction is the L-BFGS two-loop direction (steepest descent on the first iteration),
//    its end point projected onto the box, and the line search starts at the whole step (L-BFGS-B
//    always tries step 1 when every variable is bounded), so the first move is scipy's projected
//    steepest-descent (Cauchy) step;
//  - the step is accepted on sufficient decrease (Armijo, c₁ = 1e-3 as scipy's dcsrch), otherwise
//    shortened by safeguarded quadratic interpolation;
//  - it stops when the projected gradient max |P(x − g) − x| ≤ gradientTolerance (scipy pgtol), or
//    the relative decrease (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ functionTolerance.
// It does not reproduce L-BFGS-B's generalized Cauchy point and subspace minimisation on active
// bounds, nor the Moré–Thuente curvature condition, so paths can differ once a bound is active.
// Complexity: O(iterations × (evaluation + memory × dimension)).

/// Projected L-BFGS on a box `[lower, upper]ⁿ` (scipy L-BFGS-B defaults: 10 pairs, pgtol 1e-5,
/// ftol 2.2e-9, 15 000 iterations, 20 evaluations per line search).
struct BoxedLBFGS {
    var lower: Double
    var upper: Double
    var memory = 10
    var maxIterations = 15_000
    var gradientTolerance = 1e-5
    var functionTolerance = 2.220446049250313e-09
    var maxLineSearchSteps = 20

    /// The outcome: the final point and objective value.
    struct Result {
        var x: [Double]
        var value: Double
        var iterations: Int
    }

    func project(_ x: [Double]) -> [Double] { x.map { Swift.min(Swift.max($0, lower), upper) } }

    /// max |P(x − g) − x|, scipy's projected-gradient norm.
    func projectedGradientNorm(_ x: [Double], _ g: [Double]) -> Double {
        var m = 0.0
        for i in 0..<x.count {
            let step = Swift.min(Swift.max(x[i] - g[i], lower), upper) - x[i]
            m = Swift.max(m, Swift.abs(step))
        }
        return m
    }

    /// Minimises `objective` (value, writes the gradient) from `start` (projected onto the box).
    func minimize(from start: [Double], _ objective: ([Double], inout [Double]) -> Double) -> Result {
        let n = start.count
        var x = project(start)
        var g = [Double](repeating: 0, count: n)
        var f = objective(x, &g)
        var sList: [[Double]] = [], yList: [[Double]] = []
        func dot(_ a: [Double], _ b: [Double]) -> Double {
            var s = 0.0
            for i in 0..<a.count { s += a[i] * b[i] }
            return s
        }
        if !f.isFinite || projectedGradientNorm(x, g) <= gradientTolerance { return Result(x: x, value: f, iterations: 0) }
        var iteration = 0
        while iteration < maxIterations {
            iteration += 1
            // Two-loop recursion.
            var q = g
            var alphas = [Double](repeating: 0, count: sList.count)
            for k in stride(from: sList.count - 1, through: 0, by: -1) {
                alphas[k] = dot(sList[k], q) / dot(yList[k], sList[k])
                for i in 0..<n { q[i] -= alphas[k] * yList[k][i] }
            }
            if let last = sList.indices.last {
                let gamma = dot(sList[last], yList[last]) / dot(yList[last], yList[last])
                for i in 0..<n { q[i] *= gamma }
            }
            for k in 0..<sList.count {
                let beta = dot(yList[k], q) / dot(yList[k], sList[k])
                for i in 0..<n { q[i] += (alphas[k] - beta) * sList[k][i] }
            }
            var target = x
            for i in 0..<n { target[i] -= q[i] }
            target = project(target)
            var d = target
            for i in 0..<n { d[i] -= x[i] }
            var slope = dot(g, d)
            if !(slope < 0) {   // not a descent direction: projected steepest descent, memory cleared
                sList.removeAll(); yList.removeAll()
                var sd = x
                for i in 0..<n { sd[i] -= g[i] }
                d = project(sd)
                for i in 0..<n { d[i] -= x[i] }
                slope = dot(g, d)
                if !(slope < 0) { break }
            }
            // Backtracking line search on [x, x + d].
            var step = 1.0
            var accepted: (x: [Double], f: Double, g: [Double])? = nil
            var gTrial = [Double](repeating: 0, count: n)
            for _ in 0..<maxLineSearchSteps {
                var xt = x
                for i in 0..<n { xt[i] += step * d[i] }
                xt = project(xt)
                let ft = objective(xt, &gTrial)
                if ft.isFinite && ft <= f + 1e-3 * step * slope {
                    accepted = (xt, ft, gTrial)
                    break
                }
                // Minimiser of the quadratic through f, slope and ft, kept within [0.1, 0.5]·step.
                var next = ft.isFinite ? -slope * step * step / (2 * (ft - f - slope * step)) : 0.1 * step
                if !next.isFinite { next = 0.5 * step }
                step = Swift.min(Swift.max(next, 0.1 * step), 0.5 * step)
            }
            guard let a = accepted else { break }
            var s = a.x, y = a.g
            for i in 0..<n { s[i] -= x[i]; y[i] -= g[i] }
            let previous = f
            x = a.x; f = a.f; g = a.g
            let sy = dot(s, y)
            if sy > Double.ulpOfOne * dot(y, y) {
                if sList.count == memory { sList.removeFirst(); yList.removeFirst() }
                sList.append(s); yList.append(y)
            }
            if projectedGradientNorm(x, g) <= gradientTolerance { break }
            if (previous - f) / Swift.max(Swift.abs(previous), Swift.abs(f), 1) <= functionTolerance { break }
        }
        return Result(x: x, value: f, iterations: iteration)
    }
}

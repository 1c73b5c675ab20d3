import MLCore

// L-BFGS (Nocedal & Wright, Alg. 7.4/7.5) with a strong-Wolfe line search, and OWL-QN
// (Andrew & Gao 2007) when an L1 term is present.
//
// IN:  a start point and an objective that returns f(x) and writes ∇f(x) into `gradient`.
// OUT: the minimiser found, its value, the iteration count and whether the tolerance was met.
// Stopping rules follow scipy's L-BFGS-B (as scikit-learn calls it): max |g_i| ≤ gradientTolerance,
// or a relative decrease (f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ functionTolerance.
// Complexity: O(iterations × (cost of one evaluation + memory × dimension)).

/// A limited-memory BFGS minimiser on `[Double]`, with optional L1 (OWL-QN) on a prefix of the
/// variables. Reusable by any smooth convex (or locally smooth) objective.
///
///     let result = LBFGS(maxIterations: 100).minimize(from: [0, 0]) { x, g in
///         g[0] = 2 * (x[0] - 1); g[1] = 2 * (x[1] + 2)
///         return (x[0] - 1) * (x[0] - 1) + (x[1] + 2) * (x[1] + 2)
///     }
public struct LBFGS: Sendable, Hashable, Codable {
    /// How many correction pairs are kept (scipy's `maxcor`, default 10).
    public var memory: Int
    /// Maximum number of iterations (default 1000).
    public var maxIterations: Int
    /// Stop when the largest absolute (pseudo-)gradient component is at most this (scipy `gtol`).
    public var gradientTolerance: Double
    /// Stop when the relative decrease of the objective is at most this (scipy `ftol`, 64·ε).
    public var functionTolerance: Double
    /// Maximum objective evaluations per line search (scikit-learn passes `maxls=50`).
    public var maxLineSearchSteps: Int
    /// Strength `λ` of the added term `λ·Σ|x_i|` over the first `l1Count` variables (0: plain L-BFGS).
    public var l1Strength: Double
    /// How many leading variables the L1 term covers.
    public var l1Count: Int

    /// A solver with scikit-learn's settings for `LogisticRegression(solver="lbfgs")`.
    public init(memory: Int = 10, maxIterations: Int = 1000, gradientTolerance: Double = 1e-4,
                functionTolerance: Double = 64 * Double.ulpOfOne, maxLineSearchSteps: Int = 50,
                l1Strength: Double = 0, l1Count: Int = 0) {
        self.memory = memory
        self.maxIterations = maxIterations
        self.gradientTolerance = gradientTolerance
        self.functionTolerance = functionTolerance
        self.maxLineSearchSteps = maxLineSearchSteps
        self.l1Strength = l1Strength
        self.l1Count = l1Count
    }

    /// The outcome of a minimisation.
    public struct Result: Sendable, Hashable, Codable {
        /// The final point.
        public var x: [Double]
        /// The objective (including any L1 term) at `x`.
        public var value: Double
        /// Iterations performed.
        public var iterations: Int
        /// True when a tolerance was met (false: iteration limit or a failed line search).
        public var converged: Bool
    }

    /// Minimises `objective` from `start`.
    /// - Parameter objective: returns f(x) and writes ∇f(x) (of the smooth part) into its second argument.
    /// - Complexity: see the file header.
    public func minimize(from start: [Double], _ objective: ([Double], inout [Double]) -> Double) -> Result {
        let n = start.count
        let useL1 = l1Strength > 0 && l1Count > 0
        let l1End = min(l1Count, n)
        func l1Term(_ x: [Double]) -> Double {
            guard useL1 else { return 0 }
            var s = 0.0
            for i in 0..<l1End { s += Swift.abs(x[i]) }
            return l1Strength * s
        }
        func pseudoGradient(_ x: [Double], _ g: [Double]) -> [Double] {
            guard useL1 else { return g }
            var pg = g
            for i in 0..<l1End {
                if x[i] > 0 { pg[i] = g[i] + l1Strength }
                else if x[i] < 0 { pg[i] = g[i] - l1Strength }
                else if g[i] + l1Strength < 0 { pg[i] = g[i] + l1Strength }
                else if g[i] - l1Strength > 0 { pg[i] = g[i] - l1Strength }
                else { pg[i] = 0 }
            }
            return pg
        }

        var x = start
        var g = [Double](repeating: 0, count: n)
        var f = objective(x, &g) + l1Term(x)
        var pg = pseudoGradient(x, g)
        var sList: [[Double]] = []
        var yList: [[Double]] = []
        var rhoList: [Double] = []
        if n == 0 || maxAbs(pg) <= gradientTolerance { return Result(x: x, value: f, iterations: 0, converged: true) }

        var iteration = 0
        while iteration < maxIterations {
            if Interruption.current?.isInterrupted == true { break }   // budget: the CV loop reports the cut
            iteration += 1
            // Two-loop recursion on the (pseudo-)gradient.
            var d = pg
            var alphas = [Double](repeating: 0, count: sList.count)
            for k in stride(from: sList.count - 1, through: 0, by: -1) {
                let a = rhoList[k] * dot(sList[k], d)
                alphas[k] = a
                axpy(-a, yList[k], &d)
            }
            if let last = sList.indices.last {
                let gamma = dot(sList[last], yList[last]) / dot(yList[last], yList[last])
                for i in 0..<n { d[i] *= gamma }
            }
            for k in 0..<sList.count {
                let b = rhoList[k] * dot(yList[k], d)
                axpy(alphas[k] - b, sList[k], &d)
            }
            for i in 0..<n { d[i] = -d[i] }
            if useL1 {   // keep the direction in the orthant the pseudo-gradient points to
                for i in 0..<l1End where d[i] * pg[i] >= 0 { d[i] = 0 }
            }
            var slope = dot(pg, d)
            if !(slope < 0) {   // not a descent direction: restart from steepest descent
                sList.removeAll(); yList.removeAll(); rhoList.removeAll()
                d = pg.map { -$0 }
                slope = dot(pg, d)
                if !(slope < 0) { return Result(x: x, value: f, iterations: iteration, converged: true) }
            }
            let initialStep = sList.isEmpty ? min(1, 1 / norm(d)) : 1
            let step: (x: [Double], f: Double, g: [Double])?
            if useL1 {
                step = backtrackOrthant(x: x, f: f, pg: pg, d: d, initialStep: initialStep, l1End: l1End,
                                        objective: objective, l1Term: l1Term)
            } else {
                step = wolfeSearch(x: x, f: f, g: g, d: d, slope: slope, initialStep: initialStep, objective: objective)
            }
            guard let accepted = step else { return Result(x: x, value: f, iterations: iteration, converged: false) }
            var s = accepted.x
            var y = accepted.g
            for i in 0..<n { s[i] -= x[i]; y[i] -= g[i] }
            let fPrevious = f
            x = accepted.x; f = accepted.f; g = accepted.g
            pg = pseudoGradient(x, g)
            let sy = dot(s, y)
            if sy > 1e-10 * dot(y, y) && sy > 0 {
                if sList.count == memory { sList.removeFirst(); yList.removeFirst(); rhoList.removeFirst() }
                sList.append(s); yList.append(y); rhoList.append(1 / sy)
            }
            if maxAbs(pg) <= gradientTolerance { return Result(x: x, value: f, iterations: iteration, converged: true) }
            if (fPrevious - f) / Swift.max(Swift.abs(fPrevious), Swift.abs(f), 1) <= functionTolerance {
                return Result(x: x, value: f, iterations: iteration, converged: true)
            }
        }
        return Result(x: x, value: f, iterations: iteration, converged: false)
    }

    /// Strong-Wolfe line search (Nocedal & Wright Alg. 3.5 with a safeguarded cubic zoom).
    private func wolfeSearch(x: [Double], f: Double, g: [Double], d: [Double], slope: Double, initialStep: Double,
                             objective: ([Double], inout [Double]) -> Double) -> (x: [Double], f: Double, g: [Double])? {
        let c1 = 1e-4, c2 = 0.9
        var evaluations = 0
        var gTrial = [Double](repeating: 0, count: x.count)
        func evaluate(_ a: Double) -> (x: [Double], f: Double, g: [Double], slope: Double) {
            evaluations += 1
            var xt = x
            axpy(a, d, &xt)
            let ft = objective(xt, &gTrial)
            return (xt, ft, gTrial, dot(gTrial, d))
        }
        var best: (x: [Double], f: Double, g: [Double])? = nil
        func remember(_ t: (x: [Double], f: Double, g: [Double], slope: Double), _ a: Double) {
            if t.f.isFinite && t.f <= f + c1 * a * slope && t.f < (best?.f ?? .infinity) { best = (t.x, t.f, t.g) }
        }
        func zoom(_ lo0: Double, _ hi0: Double, _ fLo0: Double, _ fHi0: Double, _ dLo0: Double, _ dHi0: Double)
            -> (x: [Double], f: Double, g: [Double])? {
            var lo = lo0, hi = hi0, fLo = fLo0, fHi = fHi0, dLo = dLo0, dHi = dHi0
            while evaluations < maxLineSearchSteps {
                var a = cubicMinimizer(lo, fLo, dLo, hi, fHi, dHi)
                let left = Swift.min(lo, hi), right = Swift.max(lo, hi), width = right - left
                if !a.isFinite || a < left + 0.1 * width || a > right - 0.1 * width { a = 0.5 * (lo + hi) }
                if width <= 1e-16 * Swift.max(1, right) { break }
                let t = evaluate(a)
                remember(t, a)
                if !t.f.isFinite || t.f > f + c1 * a * slope || t.f >= fLo {
                    hi = a; fHi = t.f; dHi = t.slope
                } else {
                    if Swift.abs(t.slope) <= -c2 * slope { return (t.x, t.f, t.g) }
                    if t.slope * (hi - lo) >= 0 { hi = lo; fHi = fLo; dHi = dLo }
                    lo = a; fLo = t.f; dLo = t.slope
                }
            }
            return best
        }
        var aPrev = 0.0, fPrev = f, dPrev = slope
        var a = initialStep
        while evaluations < maxLineSearchSteps {
            let t = evaluate(a)
            remember(t, a)
            if !t.f.isFinite || t.f > f + c1 * a * slope || (evaluations > 1 && t.f >= fPrev) {
                if !t.f.isFinite { a = 0.5 * (aPrev + a); continue }
                return zoom(aPrev, a, fPrev, t.f, dPrev, t.slope)
            }
            if Swift.abs(t.slope) <= -c2 * slope { return (t.x, t.f, t.g) }
            if t.slope >= 0 { return zoom(a, aPrev, t.f, fPrev, t.slope, dPrev) }
            aPrev = a; fPrev = t.f; dPrev = t.slope
            a *= 2
        }
        return best
    }

    /// Backtracking (Armijo) along the orthant-projected path, for OWL-QN.
    private func backtrackOrthant(x: [Double], f: Double, pg: [Double], d: [Double], initialStep: Double, l1End: Int,
                                  objective: ([Double], inout [Double]) -> Double,
                                  l1Term: ([Double]) -> Double) -> (x: [Double], f: Double, g: [Double])? {
        var a = initialStep
        var gTrial = [Double](repeating: 0, count: x.count)
        for _ in 0..<maxLineSearchSteps {
            var xt = x
            axpy(a, d, &xt)
            for i in 0..<l1End {   // project onto the orthant of x (or of −pg where x is 0)
                let orthant = x[i] != 0 ? x[i] : -pg[i]
                if xt[i] * orthant <= 0 { xt[i] = 0 }
            }
            let ft = objective(xt, &gTrial) + l1Term(xt)
            var decrease = 0.0
            for i in 0..<x.count { decrease += pg[i] * (xt[i] - x[i]) }
            if ft.isFinite && ft <= f + 1e-4 * decrease { return (xt, ft, gTrial) }
            a *= 0.5
        }
        return nil
    }
}

/// The minimiser of the cubic interpolating (a, fa, da) and (b, fb, db); NaN when it has none.
func cubicMinimizer(_ a: Double, _ fa: Double, _ da: Double, _ b: Double, _ fb: Double, _ db: Double) -> Double {
    let d1 = da + db - 3 * (fa - fb) / (a - b)
    let disc = d1 * d1 - da * db
    guard disc >= 0, fa.isFinite, fb.isFinite else { return .nan }
    let d2 = (b > a ? 1.0 : -1.0) * disc.squareRoot()
    return b - (b - a) * (db + d2 - d1) / (db - da + 2 * d2)
}

@inline(__always) private func dot(_ a: [Double], _ b: [Double]) -> Double { BLAS.dot(a, b) }
@inline(__always) private func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) { BLAS.axpy(a, x, &y) }
@inline(__always) private func norm(_ a: [Double]) -> Double { BLAS.dot(a, a).squareRoot() }
@inline(__always) private func maxAbs(_ a: [Double]) -> Double {
    var m = 0.0
    for v in a { m = Swift.max(m, Swift.abs(v)) }
    return m
}

import MLCore

// Least angle regression (Efron, Hastie, Johnstone & Tibshirani 2004), as scikit-learn's
// `lars_path` computes it on the Gram matrix: method "lar", or "lasso" with its two changes.
//
// IN:  X (centred, √w-scaled), y (centred), the maximum number of active features, and for the
//      lasso variant the penalty λ on the unnormalised scale (α·n).
// OUT: the coefficients at the end of the path. "lar" with every feature active ends at the
//      least-squares fit; with k < p it ends where the (k+1)-th feature would enter. "lasso" ends
//      where the common correlation C has fallen to λ: the lasso solution for α.
// Each step: the inactive feature most correlated with the residual joins the active set A; the
// equiangular direction solves G_A·w = sign(c_A) (Cholesky); the step γ runs until another
// feature's correlation ties with the active ones (or, when none is left, to the least-squares
// fit on A). The lasso variant also stops γ where an active coefficient would cross zero and drops
// that feature, and stops where C reaches λ.
// Complexity: O(rows × features²) for the Gram matrix + O(steps × features³) for the solves.

/// The coefficients at the end of the LARS path (`lassoPenalty == nil`: method "lar").
func leastAngleRegression(_ x: Matrix, _ y: [Double], maxActive: Int, lassoPenalty: Double? = nil,
                          maxSteps: Int = 500) -> [Double] {
    let p = x.columnCount
    var beta = [Double](repeating: 0, count: p)
    guard p > 0 else { return beta }
    let gram = BLAS.gram(x)
    var correlation = BLAS.gemv(x, y, transpose: true)
    var active: [Int] = []
    var isActive = [Bool](repeating: false, count: p)
    let limit = Swift.min(maxActive, p)
    let tiny = 100 * Double.ulpOfOne
    let scale = Swift.max(1, BLAS.dot(y, y).squareRoot())
    var dropped = false
    var steps = 0
    while steps < maxSteps {
        if Interruption.current?.isInterrupted == true { break }   // budget: the CV loop reports the cut
        steps += 1
        var c = 0.0
        if dropped {
            for j in active { c = Swift.max(c, Swift.abs(correlation[j])) }
        } else {
            for j in 0..<p { c = Swift.max(c, Swift.abs(correlation[j])) }
        }
        if let penalty = lassoPenalty, c <= penalty { break }
        if c <= tiny * scale { break }
        if !dropped {
            if active.count >= limit { break }
            var entering = -1
            for j in 0..<p where !isActive[j] && (entering < 0 || Swift.abs(correlation[j]) > Swift.abs(correlation[entering])) {
                entering = j
            }
            guard entering >= 0 else { break }
            active.append(entering)
            isActive[entering] = true
        }
        dropped = false
        let k = active.count
        var gramActive = Matrix(rowCount: k, columnCount: k)
        for (a, ja) in active.enumerated() { for (b, jb) in active.enumerated() { gramActive[a, b] = gram[ja, jb] } }
        let signs = active.map { correlation[$0] >= 0 ? 1.0 : -1.0 }
        guard let w = try? LAPACK.choleskySolve(gramActive, signs) else {   // collinear: stop the path here
            let j = active.removeLast()
            isActive[j] = false
            break
        }
        var sw = 0.0
        for a in 0..<k { sw += signs[a] * w[a] }
        guard sw > 0 else { break }
        let aa = 1 / sw.squareRoot()
        let direction = w.map { $0 * aa }
        // a_j = x_jᵀ·(X_A d): how fast each correlation falls per unit step.
        var change = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var s = 0.0
            for (a, ja) in active.enumerated() { s += gram[j, ja] * direction[a] }
            change[j] = s
        }
        var gamma = c / aa   // the full step to the least-squares fit on A, when no feature ties first
        for j in 0..<p where !isActive[j] {
            let g1 = (c - correlation[j]) / (aa - change[j])
            let g2 = (c + correlation[j]) / (aa + change[j])
            if g1 > tiny && g1 < gamma { gamma = g1 }
            if g2 > tiny && g2 < gamma { gamma = g2 }
        }
        var leaving = -1
        var reachesPenalty = false
        if let penalty = lassoPenalty {
            for (a, ja) in active.enumerated() where direction[a] != 0 {
                let z = -beta[ja] / direction[a]
                if z > tiny && z < gamma { gamma = z; leaving = a }
            }
            let toPenalty = (c - penalty) / aa
            if toPenalty <= gamma { gamma = toPenalty; leaving = -1; reachesPenalty = true }
        }
        for (a, ja) in active.enumerated() { beta[ja] += gamma * direction[a] }
        for j in 0..<p { correlation[j] -= gamma * change[j] }
        if reachesPenalty { break }
        if leaving >= 0 {
            let j = active.remove(at: leaving)
            beta[j] = 0
            isActive[j] = false
            dropped = true
        }
    }
    return beta
}

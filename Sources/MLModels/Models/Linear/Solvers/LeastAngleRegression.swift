import MLCore

// Least angle regression (Efron, Hastie, Johnstone & Tibshirani 2004), method "lar", as
// scikit-learn's `lars_path(method="lar")` computes it on the Gram matrix.
//
// IN:  X (centred, √w-scaled), y (centred), the maximum number of active features.
// OUT: the coefficients at the end of the path: with every feature active this is the
//      least-squares solution; with k < p it is where the (k+1)-th feature would enter.
// Each step: the inactive feature most correlated with the residual joins the active set A; the
// equiangular direction solves G_A·w = sign(c_A) (Cholesky); the step γ runs until another
// feature's correlation ties with the active ones (or, when none is left, to the OLS fit).
// Complexity: O(rows × features²) for the Gram matrix + O(steps × features³) for the solves.

/// The coefficients at the end of the LARS path limited to `maxActive` features.
func leastAngleRegression(_ x: Matrix, _ y: [Double], maxActive: Int) -> [Double] {
    let p = x.columnCount
    var beta = [Double](repeating: 0, count: p)
    guard p > 0 else { return beta }
    let gram = BLAS.gram(x)
    var correlation = BLAS.gemv(x, y, transpose: true)
    var active: [Int] = []
    var isActive = [Bool](repeating: false, count: p)
    let limit = Swift.min(maxActive, p)
    let tiny = 100 * Double.ulpOfOne
    while active.count < limit {
        var entering = -1
        var largest = 0.0
        for j in 0..<p where !isActive[j] && Swift.abs(correlation[j]) > largest {
            largest = Swift.abs(correlation[j]); entering = j
        }
        guard entering >= 0 else { break }
        // The common absolute correlation of the active set (equal to `largest` up to rounding).
        let c = largest
        if c <= tiny * Swift.max(1, BLAS.dot(y, y).squareRoot()) { break }
        active.append(entering)
        isActive[entering] = true
        let k = active.count
        var gramActive = Matrix(rowCount: k, columnCount: k)
        for (a, ja) in active.enumerated() { for (b, jb) in active.enumerated() { gramActive[a, b] = gram[ja, jb] } }
        let signs = active.map { correlation[$0] >= 0 ? 1.0 : -1.0 }
        guard let w = try? LAPACK.choleskySolve(gramActive, signs) else {   // collinear: stop the path here
            active.removeLast(); isActive[entering] = false
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
        for (a, ja) in active.enumerated() { beta[ja] += gamma * direction[a] }
        for j in 0..<p { correlation[j] -= gamma * change[j] }
    }
    return beta
}

import MLCore

/// Covariance estimates used by discriminant analysis, as scikit-learn's `_cov`.
enum CovarianceEstimate {
    /// The maximum-likelihood covariance (ddof 0) of the rows of `x`.
    /// - Complexity: O(rows × features²), one `syrk`.
    static func empirical(_ x: Matrix) -> Matrix {
        var centred = x
        let n = x.rowCount
        for j in 0..<x.columnCount {
            var s = 0.0
            for i in 0..<n { s += centred[i, j] }
            let m = s / Double(n)
            for i in 0..<n { centred[i, j] -= m }
        }
        var cov = BLAS.gram(centred)
        for e in 0..<cov.storage.count { cov.storage[e] /= Double(n) }
        return cov
    }

    /// `(1 − s)·C + s·tr(C)/d·I` (scikit-learn `shrunk_covariance`).
    static func shrunk(_ c: Matrix, _ s: Double) -> Matrix {
        let d = c.rowCount
        var trace = 0.0
        for j in 0..<d { trace += c[j, j] }
        var out = c
        for e in 0..<out.storage.count { out.storage[e] *= 1 - s }
        for j in 0..<d { out[j, j] += s * trace / Double(d) }
        return out
    }

    /// The Ledoit–Wolf shrinkage coefficient of the rows of `x` (scikit-learn
    /// `ledoit_wolf_shrinkage`, without its blocking).
    static func ledoitWolfShrinkage(_ x: Matrix) -> Double {
        let n = x.rowCount, d = x.columnCount
        if d == 1 { return 0 }
        var centred = x
        for j in 0..<d {
            var s = 0.0
            for i in 0..<n { s += centred[i, j] }
            let m = s / Double(n)
            for i in 0..<n { centred[i, j] -= m }
        }
        var squared = centred
        for e in 0..<squared.storage.count { squared.storage[e] *= squared.storage[e] }
        var traceTerms = [Double](repeating: 0, count: d)
        for j in 0..<d { for i in 0..<n { traceTerms[j] += squared[i, j] } ; traceTerms[j] /= Double(n) }
        let traceSum = traceTerms.reduce(0, +)
        let mu = traceSum / Double(d)
        let betaSum = BLAS.gram(squared).storage.reduce(0, +)
        var deltaSum = BLAS.gram(centred).storage.reduce(0) { $0 + $1 * $1 }
        deltaSum /= Double(n) * Double(n)
        var beta = 1 / (Double(d) * Double(n)) * (betaSum / Double(n) - deltaSum)
        var delta = deltaSum - 2 * mu * traceSum + Double(d) * mu * mu
        delta /= Double(d)
        beta = min(beta, delta)
        return beta == 0 ? 0 : beta / delta
    }

    /// scikit-learn's `_cov(X, "auto")`: Ledoit–Wolf on the standardised columns, scaled back.
    static func ledoitWolfOnStandardized(_ x: Matrix) -> Matrix {
        let n = x.rowCount, d = x.columnCount
        var z = x
        var scale = [Double](repeating: 1, count: d)
        for j in 0..<d {
            var s = 0.0
            for i in 0..<n { s += z[i, j] }
            let m = s / Double(n)
            var ss = 0.0
            for i in 0..<n { z[i, j] -= m; ss += z[i, j] * z[i, j] }
            let sd = (ss / Double(n)).squareRoot()
            scale[j] = sd == 0 ? 1 : sd
            for i in 0..<n { z[i, j] /= scale[j] }
        }
        let c = shrunk(empirical(z), ledoitWolfShrinkage(z))
        var out = c
        for a in 0..<d { for b in 0..<d { out[a, b] = scale[a] * c[a, b] * scale[b] } }
        return out
    }
}

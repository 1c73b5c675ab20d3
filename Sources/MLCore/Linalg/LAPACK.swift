import CLinearAlgebra

/// LAPACK-backed factorisations and solvers on `Matrix`.
public enum LAPACK {
    /// Solves `A·X = B` for a symmetric positive-definite `A` by Cholesky (`dpotrf` + `dpotrs`).
    /// - Throws: `MLError.numerical` when `A` is not positive definite.
    /// - Complexity: O(n³ + n²·k).
    public static func choleskySolve(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        let n = a.rowCount
        guard a.columnCount == n, b.rowCount == n else {
            throw MLError.shapeMismatch(expected: "square A and B with \(n) rows", got: "A \(a.rowCount)×\(a.columnCount), B \(b.rowCount)×\(b.columnCount)")
        }
        if n == 0 { return b }
        var factor = a.storage
        var x = b.storage
        var info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), Int32(n), &factor, Int32(n))
        guard info == 0 else { throw MLError.numerical(routine: "dpotrf", info: Int(info)) }
        info = LAPACKE_dpotrs(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), Int32(n), Int32(b.columnCount),
                              factor, Int32(n), &x, Int32(n))
        guard info == 0 else { throw MLError.numerical(routine: "dpotrs", info: Int(info)) }
        return try Matrix(rowCount: n, columnCount: b.columnCount, columnMajor: x)
    }

    /// Solves `A·x = b` for a symmetric positive-definite `A`.
    public static func choleskySolve(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        try choleskySolve(a, Matrix(rowCount: b.count, columnCount: 1, columnMajor: b)).storage
    }

    /// The upper Cholesky factor `U` with `A = UᵀU` (lower triangle zeroed).
    /// - Throws: `MLError.numerical` when `A` is not positive definite.
    public static func cholesky(_ a: Matrix) throws -> Matrix {
        let n = a.rowCount
        guard a.columnCount == n else { throw MLError.shapeMismatch(expected: "a square matrix", got: "\(a.rowCount)×\(a.columnCount)") }
        var factor = a
        if n == 0 { return factor }
        let info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), Int32(n), &factor.storage, Int32(n))
        guard info == 0 else { throw MLError.numerical(routine: "dpotrf", info: Int(info)) }
        for j in 0..<n { for i in (j + 1)..<max(j + 1, n) { factor.storage[i + j * n] = 0 } }
        return factor
    }

    /// Minimum-norm least-squares solution of `A·X ≈ B` by SVD (`dgelsd`); works for rank-deficient `A`.
    /// - Parameter rcond: singular values below `rcond × σ_max` are treated as zero; a negative value
    ///   means numpy's default, machine epsilon × max(rows, columns).
    /// - Complexity: O(m·n·min(m, n)).
    public static func leastSquares(_ a: Matrix, _ b: Matrix, rcond: Double = -1) throws -> (solution: Matrix, rank: Int) {
        let m = a.rowCount, n = a.columnCount, k = b.columnCount
        guard b.rowCount == m else { throw MLError.shapeMismatch(expected: "B with \(m) rows", got: "\(b.rowCount)") }
        if n == 0 { return (Matrix(rowCount: 0, columnCount: k), 0) }
        if m == 0 { return (Matrix(rowCount: n, columnCount: k), 0) }
        let ldb = max(m, n)
        var work = a.storage
        var rhs = [Double](repeating: 0, count: ldb * k)
        for j in 0..<k { for i in 0..<m { rhs[i + j * ldb] = b.storage[i + j * m] } }
        var singular = [Double](repeating: 0, count: min(m, n))
        var rank: Int32 = 0
        let info = LAPACKE_dgelsd(LAPACK_COL_MAJOR, Int32(m), Int32(n), Int32(k), &work, Int32(m),
                                  &rhs, Int32(ldb), &singular,
                                  rcond < 0 ? Double.ulpOfOne * Double(max(m, n)) : rcond, &rank)
        guard info == 0 else { throw MLError.numerical(routine: "dgelsd", info: Int(info)) }
        var x = Matrix(rowCount: n, columnCount: k)
        for j in 0..<k { for i in 0..<n { x.storage[i + j * n] = rhs[i + j * ldb] } }
        return (x, Int(rank))
    }

    /// Eigen-decomposition of a symmetric matrix (`dsyevd`): eigenvalues ascending, eigenvectors as
    /// the columns of `vectors`.
    /// - Complexity: O(n³).
    public static func symmetricEigen(_ a: Matrix) throws -> (values: [Double], vectors: Matrix) {
        let n = a.rowCount
        guard a.columnCount == n else { throw MLError.shapeMismatch(expected: "a square matrix", got: "\(a.rowCount)×\(a.columnCount)") }
        var vectors = a
        var values = [Double](repeating: 0, count: n)
        if n == 0 { return (values, vectors) }
        let info = LAPACKE_dsyevd(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "U")),
                                  Int32(n), &vectors.storage, Int32(n), &values)
        guard info == 0 else { throw MLError.numerical(routine: "dsyevd", info: Int(info)) }
        return (values, vectors)
    }

    /// Thin singular value decomposition `A = U·diag(s)·Vᵀ` (`dgesdd`).
    public static func svd(_ a: Matrix) throws -> (u: Matrix, s: [Double], vt: Matrix) {
        let m = a.rowCount, n = a.columnCount, k = min(m, n)
        var work = a.storage
        var s = [Double](repeating: 0, count: k)
        var u = Matrix(rowCount: m, columnCount: k)
        var vt = Matrix(rowCount: k, columnCount: n)
        if k == 0 { return (u, s, vt) }
        let info = LAPACKE_dgesdd(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "S")), Int32(m), Int32(n), &work, Int32(m),
                                  &s, &u.storage, Int32(m), &vt.storage, Int32(k))
        guard info == 0 else { throw MLError.numerical(routine: "dgesdd", info: Int(info)) }
        return (u, s, vt)
    }
}

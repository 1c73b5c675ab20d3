import CLinearAlgebra

/// Thin, concrete wrappers over CBLAS level 1–3 routines on `Matrix` and `[Double]`.
///
/// Only this folder imports `CLinearAlgebra`; everything above works with these functions.
public enum BLAS {
    /// Sets how many threads OpenBLAS may use. AutoSwiftML parallelises its own work and calls this
    /// with 1 at start-up, so the two never oversubscribe the cores.
    public static func setThreadCount(_ n: Int) {
        openblas_set_num_threads(Int32(max(1, n)))
    }

    /// The number of threads OpenBLAS will use.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// `x · y`.
    /// - Complexity: O(n).
    @inlinable
    public static func dot(_ x: [Double], _ y: [Double]) -> Double {
        precondition(x.count == y.count, "dot: length mismatch")
        return cblas_ddot(Int32(x.count), x, 1, y, 1)
    }

    /// `y ← a·x + y`.
    @inlinable
    public static func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
        precondition(x.count == y.count, "axpy: length mismatch")
        cblas_daxpy(Int32(x.count), a, x, 1, &y, 1)
    }

    /// `y ← alpha·op(A)·x + beta·y`, with `op(A) = Aᵀ` when `transpose`.
    public static func gemv(_ a: Matrix, _ x: [Double], transpose: Bool = false,
                            alpha: Double = 1, beta: Double = 0, into y: inout [Double]) {
        let outLength = transpose ? a.columnCount : a.rowCount
        let inLength = transpose ? a.rowCount : a.columnCount
        precondition(x.count == inLength && y.count == outLength, "gemv: shape mismatch")
        if a.rowCount == 0 || a.columnCount == 0 {
            for i in 0..<y.count { y[i] *= beta }
            return
        }
        cblas_dgemv(CblasColMajor, transpose ? CblasTrans : CblasNoTrans,
                    Int32(a.rowCount), Int32(a.columnCount), alpha, a.storage, Int32(max(1, a.rowCount)),
                    x, 1, beta, &y, 1)
    }

    /// `op(A)·x` as a new vector.
    public static func gemv(_ a: Matrix, _ x: [Double], transpose: Bool = false) -> [Double] {
        var y = [Double](repeating: 0, count: transpose ? a.columnCount : a.rowCount)
        gemv(a, x, transpose: transpose, into: &y)
        return y
    }

    /// `C ← alpha·op(A)·op(B) + beta·C`.
    public static func gemm(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false,
                            alpha: Double = 1, beta: Double = 0, into c: inout Matrix) {
        let m = transposeA ? a.columnCount : a.rowCount
        let k = transposeA ? a.rowCount : a.columnCount
        let kb = transposeB ? b.columnCount : b.rowCount
        let n = transposeB ? b.rowCount : b.columnCount
        precondition(k == kb && c.rowCount == m && c.columnCount == n, "gemm: shape mismatch")
        if m == 0 || n == 0 { return }
        if k == 0 {
            for i in 0..<c.storage.count { c.storage[i] *= beta }
            return
        }
        cblas_dgemm(CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha,
                    a.storage, Int32(max(1, a.rowCount)), b.storage, Int32(max(1, b.rowCount)),
                    beta, &c.storage, Int32(max(1, m)))
    }

    /// `op(A)·op(B)` as a new matrix.
    public static func gemm(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false) -> Matrix {
        var c = Matrix(rowCount: transposeA ? a.columnCount : a.rowCount,
                       columnCount: transposeB ? b.rowCount : b.columnCount)
        gemm(a, b, transposeA: transposeA, transposeB: transposeB, into: &c)
        return c
    }

    /// The Gram matrix `AᵀA` (both triangles filled), through `dsyrk`.
    /// - Complexity: O(rows × columns²).
    public static func gram(_ a: Matrix) -> Matrix {
        let n = a.columnCount
        var c = Matrix(rowCount: n, columnCount: n)
        if n == 0 || a.rowCount == 0 { return c }
        cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, Int32(n), Int32(a.rowCount), 1.0,
                    a.storage, Int32(a.rowCount), 0.0, &c.storage, Int32(n))
        for j in 0..<n { for i in (j + 1)..<max(j + 1, n) { c.storage[i + j * n] = c.storage[j + i * n] } }
        return c
    }
}

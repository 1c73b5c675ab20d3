import Testing
import TestSupport
@testable import MLCore

@Suite struct MatrixTests {
    @Test func columnMajorLayout() throws {
        let m = try Matrix(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(m.rowCount == 2 && m.columnCount == 3)
        #expect(m.storage == [1, 4, 2, 5, 3, 6])
        #expect(m[1, 2] == 6)
        #expect(m.column(1) == [2, 5])
        #expect(m.row(0) == [1, 2, 3])
        #expect(m.transposed.rows == [[1, 4], [2, 5], [3, 6]])
    }

    @Test func raggedRowsThrow() {
        #expect(throws: MLError.self) { try Matrix(rows: [[1, 2], [3]]) }
        #expect(throws: MLError.self) { try Matrix(rowCount: 2, columnCount: 2, columnMajor: [1, 2, 3]) }
    }

    @Test func gatheringRowsAndColumns() throws {
        let m = try Matrix(rows: [[1, 2], [3, 4], [5, 6]])
        #expect(m.gatheringRows([2, 0, 2]).rows == [[5, 6], [1, 2], [5, 6]])
        #expect(m.gatheringColumns([1]).rows == [[2], [4], [6]])
        #expect(m.gatheringRows([]).rowCount == 0)
    }

    @Test func finiteness() throws {
        var m = try Matrix(rows: [[1, 2]])
        #expect(m.isFinite)
        m[0, 1] = .nan
        #expect(!m.isFinite)
    }

    @Test func codableRoundTrip() throws {
        let m = try Matrix(rows: [[1.5, -2], [0.1, 1e-300]])
        let data = try JSONEncoder().encode(m)
        #expect(try JSONDecoder().decode(Matrix.self, from: data) == m)
    }
}

import Foundation

@Suite struct BLASWrapperTests {
    /// The naive twin of gemm.
    func naiveProduct(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rowCount: a.rowCount, columnCount: b.columnCount)
        for i in 0..<a.rowCount { for j in 0..<b.columnCount {
            var s = 0.0
            for k in 0..<a.columnCount { s += a[i, k] * b[k, j] }
            c[i, j] = s
        } }
        return c
    }

    func randomMatrix(_ r: Int, _ c: Int, _ rng: inout RandomStream) -> Matrix {
        var m = Matrix(rowCount: r, columnCount: c)
        for i in 0..<m.storage.count { m.storage[i] = rng.nextUniform() * 2 - 1 }
        return m
    }

    @Test func gemmMatchesNaive() {
        var rng = RandomStream(seed: 1)
        let a = randomMatrix(7, 5, &rng), b = randomMatrix(5, 3, &rng)
        #expect(allClose(BLAS.gemm(a, b).storage, naiveProduct(a, b).storage, rel: 1e-12))
        #expect(allClose(BLAS.gemm(a, a, transposeA: true).storage, naiveProduct(a.transposed, a).storage, rel: 1e-12))
        #expect(allClose(BLAS.gemm(b, b, transposeB: true).storage, naiveProduct(b, b.transposed).storage, rel: 1e-12))
    }

    @Test func gemvDotAxpyGram() {
        var rng = RandomStream(seed: 2)
        let a = randomMatrix(6, 4, &rng)
        let x = (0..<4).map { Double($0) - 1.5 }
        let y = BLAS.gemv(a, x)
        let naive = (0..<6).map { i in (0..<4).reduce(0.0) { $0 + a[i, $1] * x[$1] } }
        #expect(allClose(y, naive, rel: 1e-12))
        let z = (0..<6).map { Double($0) }
        let t = BLAS.gemv(a, z, transpose: true)
        #expect(allClose(t, (0..<4).map { j in (0..<6).reduce(0.0) { $0 + a[$1, j] * z[$1] } }, rel: 1e-12))
        #expect(BLAS.dot([1, 2, 3], [4, 5, 6]) == 32)
        var w: [Double] = [1, 1, 1]
        BLAS.axpy(2, [1, 2, 3], &w)
        #expect(w == [3, 5, 7])
        #expect(allClose(BLAS.gram(a).storage, naiveProduct(a.transposed, a).storage, rel: 1e-12))
    }

    @Test func threadCountIsSettable() {
        BLAS.setThreadCount(1)
        #expect(BLAS.threadCount == 1)
    }
}

@Suite struct LAPACKWrapperTests {
    @Test func choleskySolve() throws {
        let a = try Matrix(rows: [[4, 2], [2, 3]])
        let x = try LAPACK.choleskySolve(a, [2, 1])
        // 4x + 2y = 2, 2x + 3y = 1 → x = 0.5, y = 0
        #expect(allClose(x, [0.5, 0], rel: 1e-12, abs: 1e-14))
        let u = try LAPACK.cholesky(a)
        #expect(allClose(u.storage, [2, 0, 1, 2.0.squareRoot()], rel: 1e-14))
    }

    @Test func notPositiveDefiniteThrows() throws {
        let a = try Matrix(rows: [[1, 2], [2, 1]])
        #expect(throws: MLError.self) { try LAPACK.choleskySolve(a, [1, 1]) }
    }

    @Test func leastSquaresRecoversExactSolution() throws {
        let a = try Matrix(rows: [[1, 0], [0, 1], [1, 1]])
        let b = try Matrix(rows: [[1], [2], [3]])
        let (x, rank) = try LAPACK.leastSquares(a, b)
        #expect(rank == 2)
        #expect(allClose(x.storage, [1, 2], rel: 1e-12))
    }

    @Test func leastSquaresRankDeficientGivesMinimumNorm() throws {
        // Two identical columns: the minimum-norm solution splits the weight equally.
        let a = try Matrix(rows: [[1, 1], [2, 2], [3, 3]])
        let b = try Matrix(rows: [[2], [4], [6]])
        let (x, rank) = try LAPACK.leastSquares(a, b)
        #expect(rank == 1)
        #expect(allClose(x.storage, [1, 1], rel: 1e-10))
    }

    @Test func symmetricEigen() throws {
        let a = try Matrix(rows: [[2, 1], [1, 2]])
        let (values, vectors) = try LAPACK.symmetricEigen(a)
        #expect(allClose(values, [1, 3], rel: 1e-12))
        // A v = λ v for each column.
        for k in 0..<2 {
            let v = vectors.column(k)
            let av = BLAS.gemv(a, v)
            #expect(allClose(av, v.map { $0 * values[k] }, rel: 1e-10, abs: 1e-12))
        }
    }

    @Test func svdReconstructs() throws {
        let a = try Matrix(rows: [[3, 1], [1, 3], [0, 2]])
        let (u, s, vt) = try LAPACK.svd(a)
        var us = u
        for j in 0..<s.count { for i in 0..<u.rowCount { us[i, j] *= s[j] } }
        #expect(allClose(BLAS.gemm(us, vt).storage, a.storage, rel: 1e-10, abs: 1e-12))
    }
}

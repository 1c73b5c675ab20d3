import CLinearAlgebra
import Testing
@testable import MLCore

@Suite struct BLASSmokeTests {
    @Test func cblasDdot() {
        let x: [Double] = [1, 2, 3]
        let y: [Double] = [4, 5, 6]
        #expect(cblas_ddot(3, x, 1, y, 1) == 32)
    }

    @Test func cblasDgemm() {
        // A = [1 2; 3 4] (column-major 1,3,2,4), B = I → C = A.
        let a: [Double] = [1, 3, 2, 4]
        let b: [Double] = [1, 0, 0, 1]
        var c = [Double](repeating: 0, count: 4)
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, 2, 2, 2, 1, a, 2, b, 2, 0, &c, 2)
        #expect(c == a)
    }

    @Test func lapackeDpotrf() {
        // [4 2; 2 3] = UᵀU with U = [2 1; 0 √2].
        var a: [Double] = [4, 2, 2, 3]
        let info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), 2, &a, 2)
        #expect(info == 0)
        #expect(a[0] == 2)
        #expect(a[2] == 1)
        #expect(abs(a[3] - 2.0.squareRoot()) < 1e-15)
    }

    @Test func notPositiveDefiniteIsReported() {
        var a: [Double] = [1, 2, 2, 1]
        let info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "U")), 2, &a, 2)
        #expect(info > 0)
    }
}

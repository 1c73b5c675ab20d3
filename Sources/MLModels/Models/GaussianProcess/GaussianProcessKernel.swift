import MLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The kernel `k(a, b) = c · exp(−‖a − b‖² / (2ℓ²))` of the Gaussian process classifier
/// (scikit-learn's `ConstantKernel(c) * RBF(ℓ)`), with its hyperparameters in log space
/// (`θ = [log c, log ℓ]`, scikit-learn's `kernel.theta`).
///
/// IN: rows of column-major matrices. OUT: kernel matrices, squared distances by one `gemm`
/// (`‖a‖² + ‖b‖² − 2a·b`, clipped at 0, exact 0 on the diagonal of a self-distance matrix).
/// - Complexity: O(m·n·d) for an m × n kernel over d features.
struct GaussianProcessKernel: Codable, Sendable, Hashable {
    /// The constant (signal variance) `c`.
    var constant: Double
    /// The length scale `ℓ`.
    var lengthScale: Double

    /// `[log c, log ℓ]`.
    var theta: [Double] { [log(constant), log(lengthScale)] }

    /// The kernel with hyperparameters `θ = [log c, log ℓ]`.
    init(theta: [Double]) {
        constant = exp(theta[0])
        lengthScale = exp(theta[1])
    }

    /// The kernel with the given constant and length scale.
    init(constant: Double, lengthScale: Double) {
        self.constant = constant
        self.lengthScale = lengthScale
    }

    /// Squared Euclidean distances between every row of `a` and every row of `b` (a.rows × b.rows).
    static func squaredDistances(_ a: Matrix, _ b: Matrix) -> Matrix {
        var d = BLAS.gemm(a, b, transposeB: true)
        let na = NeighborSearch.rowSquaredNorms(a), nb = NeighborSearch.rowSquaredNorms(b)
        let m = a.rowCount
        d.storage.withUnsafeMutableBufferPointer { p in
            for j in 0..<b.rowCount {
                for i in 0..<m {
                    let s = na[i] + nb[j] - 2 * p[i &+ j &* m]
                    p[i &+ j &* m] = s > 0 ? s : 0
                }
            }
        }
        return d
    }

    /// Squared distances between the rows of `x` (symmetric, zero diagonal).
    static func squaredDistances(_ x: Matrix) -> Matrix {
        var d = squaredDistances(x, x)
        let n = x.rowCount
        for i in 0..<n { d.storage[i &+ i &* n] = 0 }
        // Symmetrise exactly: gemm's two triangles may differ in the last bit.
        d.storage.withUnsafeMutableBufferPointer { p in
            for j in 0..<n {
                for i in (j &+ 1)..<max(j &+ 1, n) { p[j &+ i &* n] = p[i &+ j &* n] }
            }
        }
        return d
    }

    /// The kernel from squared distances: `c · exp(−D / (2ℓ²))`, element-wise.
    func matrix(fromSquaredDistances d: Matrix) -> Matrix {
        var k = d
        let scale = -0.5 / (lengthScale * lengthScale), c = constant
        k.storage.withUnsafeMutableBufferPointer { p in
            for i in 0..<p.count { p[i] = c * exp(scale * p[i]) }
        }
        return k
    }

    /// The kernel between every row of `a` and every row of `b`.
    func matrix(_ a: Matrix, _ b: Matrix) -> Matrix {
        matrix(fromSquaredDistances: GaussianProcessKernel.squaredDistances(a, b))
    }

    /// `∂K/∂log ℓ = K ⊙ D / ℓ²` (the derivative by `log c` is `K` itself).
    func lengthScaleGradient(kernel k: Matrix, squaredDistances d: Matrix) -> Matrix {
        var g = k
        let inverse = 1 / (lengthScale * lengthScale)
        g.storage.withUnsafeMutableBufferPointer { p in
            d.storage.withUnsafeBufferPointer { q in
                for i in 0..<p.count { p[i] *= q[i] * inverse }
            }
        }
        return g
    }
}

import MLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The RBF kernel `K(a, b) = exp(−γ‖a − b‖²)` over the rows of a column-major matrix, with an
/// LRU cache of kernel rows for the SMO solver.
///
/// IN: the training rows `X` (n × d) and `γ`. OUT: row `i` of the kernel matrix, `K(x_i, x_t)` for
/// every `t`, computed with one `gemv` (`‖x_i‖² + ‖x_t‖² − 2·X·x_i`, clipped at 0). At most
/// `capacity` rows are kept; the least recently used one is evicted (libsvm's `Cache`).
///
/// - Complexity: a miss costs O(n·d) (plus O(capacity) to find the row to evict); a hit O(1).
struct RBFKernelCache {
    let x: Matrix
    let gamma: Double
    let squaredNorms: [Double]
    let capacity: Int
    private var slotOfRow: [Int: Int] = [:]
    private var rowOfSlot: [Int] = []
    private var rows: [[Double]] = []
    private var lastUse: [Int] = []
    private var clock = 0
    /// Kernel rows computed so far (misses), for tests and diagnostics.
    private(set) var computedRows = 0

    /// A cache over `x` holding about `megabytes` MB of rows (at least 2 rows).
    init(x: Matrix, gamma: Double, megabytes: Double) {
        self.x = x
        self.gamma = gamma
        self.squaredNorms = NeighborSearch.rowSquaredNorms(x)
        let bytesPerRow = Double(max(1, x.rowCount) * 8)
        self.capacity = max(2, min(x.rowCount, Int(megabytes * 1_048_576 / bytesPerRow)))
    }

    /// `K(x_i, x_i)`, always 1 for the RBF kernel.
    @inline(__always) func diagonal(_ i: Int) -> Double { 1 }

    /// Row `i` of the kernel matrix.
    mutating func row(_ i: Int) -> [Double] {
        clock &+= 1
        if let s = slotOfRow[i] {
            lastUse[s] = clock
            return rows[s]
        }
        let r = RBFKernelCache.kernelRow(x: x, squaredNorms: squaredNorms, i: i, gamma: gamma)
        computedRows += 1
        if rows.count < capacity {
            slotOfRow[i] = rows.count
            rows.append(r)
            rowOfSlot.append(i)
            lastUse.append(clock)
        } else {
            var victim = 0
            for s in 1..<lastUse.count where lastUse[s] < lastUse[victim] { victim = s }
            slotOfRow[rowOfSlot[victim]] = nil
            slotOfRow[i] = victim
            rowOfSlot[victim] = i
            rows[victim] = r
            lastUse[victim] = clock
        }
        return r
    }

    /// `K(x_i, x_t)` for all `t`, through one `gemv`.
    static func kernelRow(x: Matrix, squaredNorms: [Double], i: Int, gamma: Double) -> [Double] {
        let xi = x.row(i)
        var dots = BLAS.gemv(x, xi)
        let ni = squaredNorms[i]
        dots.withUnsafeMutableBufferPointer { d in
            for t in 0..<d.count {
                var s = ni + squaredNorms[t] - 2 * d[t]
                if s < 0 { s = 0 }
                d[t] = exp(-gamma * s)
            }
        }
        return dots
    }

    /// The kernel between every row of `a` and every row of `b` (a.rows × b.rows), one `gemm`.
    static func crossKernel(_ a: Matrix, _ b: Matrix, gamma: Double) -> Matrix {
        var k = BLAS.gemm(a, b, transposeB: true)
        let na = NeighborSearch.rowSquaredNorms(a), nb = NeighborSearch.rowSquaredNorms(b)
        let m = a.rowCount
        k.storage.withUnsafeMutableBufferPointer { p in
            for j in 0..<b.rowCount {
                for i in 0..<m {
                    var s = na[i] + nb[j] - 2 * p[i &+ j &* m]
                    if s < 0 { s = 0 }
                    p[i &+ j &* m] = exp(-gamma * s)
                }
            }
        }
        return k
    }
}

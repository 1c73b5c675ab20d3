#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLCore
@testable import MLModels
import Testing
import TestSupport

/// Naive twins of the linear family's kernels, compared on random inputs.
@Suite("Linear kernels vs naive twins")
struct LinearKernelTests {
    static func randomMatrix(_ n: Int, _ p: Int, seed: UInt64) -> Matrix {
        var rng = RandomStream(seed: seed)
        var m = Matrix(rowCount: n, columnCount: p)
        for i in 0..<m.storage.count { m.storage[i] = rng.nextNormal() }
        return m
    }

    /// The logistic loss written row by row, no BLAS.
    static func naiveLogisticLoss(_ x: Matrix, _ labels: [Int], _ sw: [Double], _ lambda: Double, _ k: Int,
                                  _ theta: [Double]) -> (Double, [Double]) {
        let n = x.rowCount, p = x.columnCount
        var f = 0.0
        var g = [Double](repeating: 0, count: theta.count)
        for i in 0..<n {
            var z = [Double](repeating: 0, count: k)
            for c in 0..<k {
                z[c] = theta[p * k + c]
                for j in 0..<p { z[c] += x[i, j] * theta[c * p + j] }
            }
            var r = [Double](repeating: 0, count: k)
            if k == 1 {
                let y = Double(labels[i])
                f += sw[i] * (log(1 + exp(z[0])) - y * z[0])
                r[0] = sw[i] * (1 / (1 + exp(-z[0])) - y)
            } else {
                let s = z.map { exp($0) }.reduce(0, +)
                f += sw[i] * (log(s) - z[labels[i]])
                for c in 0..<k { r[c] = sw[i] * (exp(z[c]) / s - (c == labels[i] ? 1 : 0)) }
            }
            for c in 0..<k {
                g[p * k + c] += r[c]
                for j in 0..<p { g[c * p + j] += x[i, j] * r[c] }
            }
        }
        for j in 0..<(p * k) { f += 0.5 * lambda * theta[j] * theta[j]; g[j] += lambda * theta[j] }
        return (f, g)
    }

    @Test(arguments: [1, 3])
    func logisticLossMatchesNaive(outputs: Int) {
        let n = 37, p = 5
        let x = Self.randomMatrix(n, p, seed: 1)
        var rng = RandomStream(seed: 2)
        let labels = (0..<n).map { _ in rng.nextInt(below: outputs == 1 ? 2 : outputs) }
        let sw = (0..<n).map { _ in rng.nextUniform() / Double(n) }
        let theta = (0..<((p + 1) * outputs)).map { _ in rng.nextNormal() }
        let loss = LogisticLoss(features: x, labels: labels, normalisedWeights: sw, l2Strength: 0.3, outputCount: outputs)
        var g = [Double](repeating: 0, count: theta.count)
        let f = loss.evaluate(theta, gradient: &g)
        let (nf, ng) = Self.naiveLogisticLoss(x, labels, sw, 0.3, outputs, theta)
        #expect(isClose(f, nf, rel: 1e-12))
        #expect(allClose(g, ng, rel: 1e-10, abs: 1e-13))
    }

    /// Coordinate descent written with whole-vector recomputation of the residual.
    static func naiveCoordinateDescent(_ x: Matrix, _ y: [Double], l1: Double, l2: Double, sweeps: Int) -> [Double] {
        let n = x.rowCount, p = x.columnCount
        var w = [Double](repeating: 0, count: p)
        for _ in 0..<sweeps {
            for j in 0..<p {
                var rho = 0.0, norm = 0.0
                for i in 0..<n {
                    var pred = 0.0
                    for k in 0..<p where k != j { pred += x[i, k] * w[k] }
                    rho += x[i, j] * (y[i] - pred)
                    norm += x[i, j] * x[i, j]
                }
                w[j] = (rho > 0 ? 1 : -1) * max(abs(rho) - l1, 0) / (norm + l2)
            }
        }
        return w
    }

    @Test func coordinateDescentMatchesNaive() {
        let x = Self.randomMatrix(40, 6, seed: 3)
        var rng = RandomStream(seed: 4)
        let y = (0..<40).map { _ in rng.nextNormal() * 3 }
        for (l1, l2) in [(5.0, 0.0), (2.0, 3.0), (0.0, 1.0)] {
            let fast = elasticNetCoordinateDescent(x, y, l1: l1, l2: l2, maxIterations: 7, tolerance: 1e-300, screening: false)
            let naive = Self.naiveCoordinateDescent(x, y, l1: l1, l2: l2, sweeps: 7)
            #expect(allClose(fast.coefficients, naive, rel: 1e-10, abs: 1e-12))
            let converged = elasticNetCoordinateDescent(x, y, l1: l1, l2: l2, maxIterations: 10_000, tolerance: 1e-12)
            #expect(converged.converged)
            #expect(converged.gap >= -1e-9)
            // Screening only skips work: the optimum is the same without it.
            let unscreened = elasticNetCoordinateDescent(x, y, l1: l1, l2: l2, maxIterations: 10_000, tolerance: 1e-12,
                                                         screening: false)
            #expect(allClose(converged.coefficients, unscreened.coefficients, rel: 1e-6, abs: 1e-9))
        }
    }

    @Test func lbfgsMinimisesRosenbrockAndL1Quadratic() {
        let result = LBFGS(maxIterations: 500, gradientTolerance: 1e-8).minimize(from: [-1.2, 1]) { v, g in
            let a = 1 - v[0], b = v[1] - v[0] * v[0]
            g[0] = -2 * a - 400 * v[0] * b
            g[1] = 200 * b
            return a * a + 100 * b * b
        }
        #expect(result.converged)
        #expect(allClose(result.x, [1, 1], rel: 1e-5, abs: 1e-5))
        // ½‖x − c‖² + 1·‖x‖₁ has the soft-threshold solution sign(c)·max(|c| − 1, 0).
        let c = [3.0, -0.5, -2.0, 0.9]
        let l1 = LBFGS(maxIterations: 500, gradientTolerance: 1e-10, l1Strength: 1, l1Count: 4).minimize(from: [0, 0, 0, 0]) { v, g in
            var f = 0.0
            for i in 0..<4 { g[i] = v[i] - c[i]; f += 0.5 * g[i] * g[i] }
            return f
        }
        #expect(allClose(l1.x, [2, 0, -1, 0], rel: 1e-6, abs: 1e-8))
    }
}

/// Naive twins of the dual coordinate descent kernels: the same updates on row arrays.
@Suite("Dual coordinate descent vs naive twins")
struct DualCoordinateDescentKernelTests {
    static func rows(_ n: Int, _ d: Int, seed: UInt64) -> [[Double]] {
        var rng = RandomStream(seed: seed)
        return (0..<n).map { _ in (0..<d).map { _ in rng.nextNormal() } }
    }

    static func naiveHinge(_ x: [[Double]], _ y: [Double], _ u: [Double], epochs: Int, rng: inout RandomStream) -> [Double] {
        var w = [Double](repeating: 0, count: x[0].count)
        var alpha = [Double](repeating: 0, count: x.count)
        var order = Array(0..<x.count)
        for _ in 0..<epochs {
            rng.shuffle(&order)
            for i in order {
                let q = x[i].reduce(0) { $0 + $1 * $1 }
                let g = y[i] * zip(w, x[i]).reduce(0) { $0 + $1.0 * $1.1 } - 1
                let new = min(max(alpha[i] - g / q, 0), u[i])
                for j in w.indices { w[j] += (new - alpha[i]) * y[i] * x[i][j] }
                alpha[i] = new
            }
        }
        return w
    }

    static func naiveSVR(_ x: [[Double]], _ y: [Double], _ u: [Double], epsilon: Double, epochs: Int,
                         rng: inout RandomStream) -> [Double] {
        var w = [Double](repeating: 0, count: x[0].count)
        var beta = [Double](repeating: 0, count: x.count)
        var order = Array(0..<x.count)
        for _ in 0..<epochs {
            rng.shuffle(&order)
            for i in order {
                let h = x[i].reduce(0) { $0 + $1 * $1 }
                let g = zip(w, x[i]).reduce(0) { $0 + $1.0 * $1.1 } - y[i]
                // minimise ½h·(β+δ)² − … : the one-variable subproblem with |β| kink, solved exactly
                let candidates = [-(g + epsilon) / h, -(g - epsilon) / h, -beta[i]]
                var step = candidates[2]
                if g + epsilon < h * beta[i] { step = candidates[0] } else if g - epsilon > h * beta[i] { step = candidates[1] }
                let new = min(max(beta[i] + step, -u[i]), u[i])
                for j in w.indices { w[j] += (new - beta[i]) * x[i][j] }
                beta[i] = new
            }
        }
        return w
    }

    @Test func hingeMatchesNaive() {
        let x = Self.rows(30, 4, seed: 1)
        let y = x.map { $0[0] - $0[1] > 0 ? 1.0 : -1.0 }
        let u = (0..<30).map { 0.5 + Double($0 % 3) }
        var a = RandomStream(seed: 9), b = RandomStream(seed: 9)
        let fast = hingeDualCoordinateDescent(rows: x.flatMap { $0 }, rowCount: 30, dimension: 4, labels: y, bounds: u,
                                              maxEpochs: 5, tolerance: 0, shrinking: false, using: &a)
        let naive = Self.naiveHinge(x, y, u, epochs: 5, rng: &b)
        #expect(allClose(fast.weights, naive, rel: 1e-10, abs: 1e-12))
    }

    /// Shrinking changes the path, not the optimum: both runs meet a tight tolerance at the same weights.
    @Test func hingeShrinkingReachesTheSameOptimum() {
        let x = Self.rows(60, 4, seed: 3)
        let y = x.map { $0[0] - $0[1] + 0.1 * $0[2] > 0 ? 1.0 : -1.0 }
        let u = (0..<60).map { 0.5 + Double($0 % 3) }
        var a = RandomStream(seed: 9), b = RandomStream(seed: 9)
        let shrunk = hingeDualCoordinateDescent(rows: x.flatMap { $0 }, rowCount: 60, dimension: 4, labels: y, bounds: u,
                                                maxEpochs: 100_000, tolerance: 1e-9, shrinking: true, using: &a)
        let full = hingeDualCoordinateDescent(rows: x.flatMap { $0 }, rowCount: 60, dimension: 4, labels: y, bounds: u,
                                              maxEpochs: 100_000, tolerance: 1e-9, shrinking: false, using: &b)
        #expect(shrunk.converged && full.converged)
        #expect(allClose(shrunk.weights, full.weights, rel: 1e-5, abs: 1e-7))
    }

    @Test func epsilonInsensitiveMatchesNaive() {
        let x = Self.rows(30, 4, seed: 2)
        let y = x.map { 2 * $0[0] - $0[2] + 0.3 }
        let u = (0..<30).map { 0.5 + Double($0 % 2) }
        var a = RandomStream(seed: 9), b = RandomStream(seed: 9)
        let fast = epsilonInsensitiveDualCoordinateDescent(rows: x.flatMap { $0 }, rowCount: 30, dimension: 4, targets: y,
                                                           bounds: u, epsilon: 0.1, maxEpochs: 5, tolerance: 0, using: &a)
        let naive = Self.naiveSVR(x, y, u, epsilon: 0.1, epochs: 5, rng: &b)
        #expect(allClose(fast.weights, naive, rel: 1e-10, abs: 1e-12))
    }

    @Test func rowMajorCopyAppendsTheBias() throws {
        let m = try Matrix(rows: [[1, 2], [3, 4]])
        #expect(rowMajorWithBias(m, bias: 1) == [1, 2, 1, 3, 4, 1])
        #expect(rowMajorWithBias(m, bias: nil) == [1, 2, 3, 4])
    }
}

import MLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Adam, as scikit-learn's `AdamOptimizer`: per step `t`,
/// `lr_t = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)`, `m ← β₁m + (1 − β₁)g`, `v ← β₂v + (1 − β₂)g²`,
/// `θ ← θ − lr_t·m/(√v + ε)`.
struct AdamOptimizer: Sendable {
    var learningRate: Double
    var beta1: Double
    var beta2: Double
    var epsilon: Double
    private(set) var step = 0
    private var firstMoments: [[Double]]
    private var secondMoments: [[Double]]

    /// An optimiser for parameter blocks of the given sizes.
    init(sizes: [Int], learningRate: Double, beta1: Double, beta2: Double, epsilon: Double) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoments = sizes.map { [Double](repeating: 0, count: $0) }
        secondMoments = sizes.map { [Double](repeating: 0, count: $0) }
    }

    /// Applies one step to every block: `parameters[b]` moves along `gradients[b]`.
    mutating func update(_ parameters: inout [[Double]], gradients: [[Double]]) {
        step += 1
        let t = Double(step)
        let rate = learningRate * (1 - pow(beta2, t)).squareRoot() / (1 - pow(beta1, t))
        let b1 = beta1, b2 = beta2, eps = epsilon
        for blk in 0..<parameters.count {
            gradients[blk].withUnsafeBufferPointer { g in
                parameters[blk].withUnsafeMutableBufferPointer { p in
                    firstMoments[blk].withUnsafeMutableBufferPointer { m in
                        secondMoments[blk].withUnsafeMutableBufferPointer { v in
                            for i in 0..<p.count {
                                m[i] = b1 * m[i] + (1 - b1) * g[i]
                                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                                p[i] -= rate * m[i] / (v[i].squareRoot() + eps)
                            }
                        }
                    }
                }
            }
        }
    }
}

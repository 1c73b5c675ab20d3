import MLCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The dense network behind `MLPClassifier` and `MLPRegressor`, with scikit-learn's forward pass,
/// loss and back-propagation (`_multilayer_perceptron.py`).
///
/// IN: a batch `X` (b × inputs, column-major) and, for gradients, its targets `Y` (b × outputs).
/// OUT: the activations of every layer, or the loss and gradients
/// `∂W_l = (A_lᵀ·Δ_{l+1} + α·W_l) / b`, `∂b_l = mean(Δ_{l+1})`, with `Δ_L = output − Y` and
/// `Δ_l = (Δ_{l+1}·W_lᵀ) ⊙ f′(A_l)`.
///
/// - Complexity: O(b × Σ fanIn·fanOut) per pass, all in `gemm`; the element-wise work is
///   O(b × Σ units).
struct MLPNetwork: Codable, Equatable, Sendable {
    /// Layer `l`'s weights, fanIn × fanOut.
    var weights: [Matrix]
    /// Layer `l`'s biases, fanOut of them.
    var biases: [[Double]]
    /// The hidden activation.
    var activation: MLPActivation
    /// The output layer.
    var output: MLPOutput

    /// Glorot-uniform initialisation as scikit-learn's `_init_coef`: for each layer in order, the
    /// weights then the biases are drawn from U(−r, r), r = √(f / (fanIn + fanOut)), f = 2 for a
    /// logistic hidden activation and 6 otherwise.
    static func initialized(layerSizes: [Int], activation: MLPActivation, output: MLPOutput,
                            using rng: inout RandomStream) -> MLPNetwork {
        var weights: [Matrix] = [], biases: [[Double]] = []
        let factor = activation == .logistic ? 2.0 : 6.0
        for l in 0..<(layerSizes.count - 1) {
            let fanIn = layerSizes[l], fanOut = layerSizes[l + 1]
            let bound = (factor / Double(fanIn + fanOut)).squareRoot()
            var w = Matrix(rowCount: fanIn, columnCount: fanOut)
            // Drawn row by row (fanIn-major, as numpy fills a C-ordered array).
            for i in 0..<fanIn { for j in 0..<fanOut { w[i, j] = -bound + 2 * bound * rng.nextUniform() } }
            weights.append(w)
            biases.append((0..<fanOut).map { _ in -bound + 2 * bound * rng.nextUniform() })
        }
        return MLPNetwork(weights: weights, biases: biases, activation: activation, output: output)
    }

    /// Number of inputs.
    var inputCount: Int { weights.first?.rowCount ?? 0 }
    /// Number of outputs.
    var outputCount: Int { weights.last?.columnCount ?? 0 }

    /// All activations: `[X, A_1, …, output]`.
    func forward(_ x: Matrix) -> [Matrix] {
        var activations = [x]
        activations.reserveCapacity(weights.count + 1)
        for l in 0..<weights.count {
            let a = activations[l]
            var z = Matrix(rowCount: a.rowCount, columnCount: weights[l].columnCount)
            let b = a.rowCount
            z.storage.withUnsafeMutableBufferPointer { p in
                for j in 0..<biases[l].count {
                    let bias = biases[l][j]
                    let base = j &* b
                    for i in 0..<b { p[base &+ i] = bias }
                }
            }
            BLAS.gemm(a, weights[l], beta: 1, into: &z)
            if l == weights.count - 1 {
                MLPNetwork.applyOutput(output, &z)
            } else {
                MLPNetwork.applyHidden(activation, &z)
            }
            activations.append(z)
        }
        return activations
    }

    /// Only the output layer (predictions).
    func predictOutput(_ x: Matrix) -> Matrix { forward(x).last ?? x }

    /// The hidden activation in place.
    static func applyHidden(_ f: MLPActivation, _ z: inout Matrix) {
        z.storage.withUnsafeMutableBufferPointer { p in
            switch f {
            case .relu: for i in 0..<p.count where p[i] < 0 { p[i] = 0 }
            case .tanh: for i in 0..<p.count { p[i] = tanh(p[i]) }
            case .logistic: for i in 0..<p.count { p[i] = 1 / (1 + exp(-p[i])) }
            case .identity: break
            }
        }
    }

    /// The output activation in place.
    static func applyOutput(_ f: MLPOutput, _ z: inout Matrix) {
        switch f {
        case .identity: break
        case .logistic: z.storage.withUnsafeMutableBufferPointer { p in for i in 0..<p.count { p[i] = 1 / (1 + exp(-p[i])) } }
        case .softmax: ClassicSupport.softmaxRows(&z)
        }
    }

    /// Multiplies `delta` in place by the derivative of the hidden activation, written in terms of
    /// the activation `a` (scikit-learn's `inplace_*_derivative`).
    static func multiplyDerivative(_ f: MLPActivation, activation a: Matrix, _ delta: inout Matrix) {
        a.storage.withUnsafeBufferPointer { ap in
            delta.storage.withUnsafeMutableBufferPointer { d in
                switch f {
                case .relu: for i in 0..<d.count where ap[i] == 0 { d[i] = 0 }
                case .tanh: for i in 0..<d.count { d[i] *= 1 - ap[i] * ap[i] }
                case .logistic: for i in 0..<d.count { d[i] *= ap[i] * (1 - ap[i]) }
                case .identity: break
                }
            }
        }
    }

    /// The data loss of `output` against `y` (without the L2 term), as scikit-learn's
    /// `squared_loss` / `binary_log_loss` / `log_loss`.
    static func loss(_ f: MLPOutput, output: Matrix, target y: Matrix) -> Double {
        let b = Double(output.rowCount)
        var s = 0.0
        let eps = Double.ulpOfOne
        output.storage.withUnsafeBufferPointer { p in
            y.storage.withUnsafeBufferPointer { t in
                switch f {
                case .identity:
                    for i in 0..<p.count { let r = t[i] - p[i]; s += r * r }
                    s = s / Double(p.count) / 2
                case .logistic:
                    for i in 0..<p.count {
                        let q = min(max(p[i], eps), 1 - eps)
                        if t[i] > 0 { s -= t[i] * log(q) }
                        if t[i] < 1 { s -= (1 - t[i]) * log(1 - q) }
                    }
                    s /= b
                case .softmax:
                    for i in 0..<p.count where t[i] > 0 { s -= t[i] * log(min(max(p[i], eps), 1 - eps)) }
                    s /= b
                }
            }
        }
        return s
    }

    /// Loss (with the L2 term `α/2·Σ‖W‖²/b`) and gradients for one batch.
    func gradients(activations: [Matrix], target y: Matrix, alpha: Double) -> (loss: Double, weights: [Matrix], biases: [[Double]]) {
        let out = activations[activations.count - 1]
        let b = Double(out.rowCount)
        var loss = MLPNetwork.loss(output, output: out, target: y)
        var squares = 0.0
        for w in weights { for v in w.storage { squares += v * v } }
        loss += 0.5 * alpha * squares / b

        var delta = out
        delta.storage.withUnsafeMutableBufferPointer { d in
            y.storage.withUnsafeBufferPointer { t in for i in 0..<d.count { d[i] -= t[i] } }
        }
        var weightGrads = [Matrix](repeating: Matrix(rowCount: 0, columnCount: 0), count: weights.count)
        var biasGrads = [[Double]](repeating: [], count: weights.count)
        for l in stride(from: weights.count - 1, through: 0, by: -1) {
            var gw = weights[l]
            BLAS.gemm(activations[l], delta, transposeA: true, alpha: 1 / b, beta: alpha / b, into: &gw)
            weightGrads[l] = gw
            var gb = [Double](repeating: 0, count: delta.columnCount)
            for j in 0..<delta.columnCount {
                delta.withColumn(j) { col in
                    var s = 0.0
                    for i in 0..<col.count { s += col[i] }
                    gb[j] = s / b
                }
            }
            biasGrads[l] = gb
            if l > 0 {
                var next = Matrix(rowCount: delta.rowCount, columnCount: weights[l].rowCount)
                BLAS.gemm(delta, weights[l], transposeB: true, into: &next)
                MLPNetwork.multiplyDerivative(activation, activation: activations[l], &next)
                delta = next
            }
        }
        return (loss, weightGrads, biasGrads)
    }
}


#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import MLCore

/// A fitted linear classifier: decision values `X·W + b`, turned into probabilities by a sigmoid
/// (one output, binary) or a softmax (one output per class).
///
/// Shared by `LogisticRegression`, `RidgeClassifier` and `LinearSVMClassifier`. For the logistic
/// model these are its probabilities; for ridge and the SVM they are a monotone squashing of the
/// decision values (scikit-learn offers only `decision_function`; PyCaret computes AUC from it, and
/// the ranking, hence AUC, is the same).
public struct LinearClassifierModel: ProbabilisticModel, Codable, Sendable, Hashable {
    /// Coefficients, features × outputs (1 output for two present classes, else one per present class).
    public let coefficients: Matrix
    /// One intercept per output.
    public let intercepts: [Double]
    /// Classes seen in training (indices into the target's names), ascending.
    public let presentClasses: [Int32]
    /// All classes of the target, present or not.
    public let classCount: Int
    /// Solver iterations (0 for closed-form fits).
    public let iterations: Int
    /// Whether the solver met its tolerance.
    public let converged: Bool

    /// The number of feature columns expected at prediction.
    public var featureCount: Int { coefficients.rowCount }

    /// Creates a model from fitted parameters.
    public init(coefficients: Matrix, intercepts: [Double], presentClasses: [Int32], classCount: Int,
                iterations: Int = 0, converged: Bool = true) {
        self.coefficients = coefficients
        self.intercepts = intercepts
        self.presentClasses = presentClasses
        self.classCount = classCount
        self.iterations = iterations
        self.converged = converged
    }

    private enum CodingKeys: String, CodingKey {
        case coefficients, intercepts, presentClasses, classCount, iterations, converged
    }

    /// Decodes a model and checks that its parts agree, so a damaged model file is rejected here
    /// instead of failing inside BLAS.
    /// - Throws: `DecodingError.dataCorrupted` naming the inconsistency.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let coefficients = try c.decode(Matrix.self, forKey: .coefficients)
        let intercepts = try c.decode([Double].self, forKey: .intercepts)
        let present = try c.decode([Int32].self, forKey: .presentClasses)
        let classCount = try c.decode(Int.self, forKey: .classCount)
        let expectedOutputs = present.count < 2 ? 0 : (present.count == 2 ? 1 : present.count)
        func fail(_ message: String) -> DecodingError {
            DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath,
                                                              debugDescription: "LinearClassifierModel: \(message)"))
        }
        guard coefficients.storage.count == coefficients.rowCount * coefficients.columnCount else {
            throw fail("the coefficient matrix has \(coefficients.storage.count) elements for \(coefficients.rowCount)×\(coefficients.columnCount)")
        }
        guard classCount >= 1, !present.isEmpty, zip(present, present.dropFirst()).allSatisfy({ $0 < $1 }),
              present.allSatisfy({ $0 >= 0 && Int($0) < classCount }) else {
            throw fail("presentClasses must be ascending indices below classCount \(classCount)")
        }
        guard coefficients.columnCount == expectedOutputs, intercepts.count == expectedOutputs else {
            throw fail("\(present.count) present classes need \(expectedOutputs) coefficient columns and intercepts")
        }
        self.init(coefficients: coefficients, intercepts: intercepts, presentClasses: present, classCount: classCount,
                  iterations: try c.decode(Int.self, forKey: .iterations),
                  converged: try c.decode(Bool.self, forKey: .converged))
    }

    /// The decision values, rows × outputs.
    /// - Complexity: O(rows × features × outputs), one `dgemm`.
    public func decisionFunction(_ features: Matrix) throws -> Matrix {
        try checkPredictionInput(features)
        var z = Matrix(rowCount: features.rowCount, columnCount: coefficients.columnCount)
        if coefficients.columnCount == 0 { return z }
        BLAS.gemm(features, coefficients, into: &z)
        let n = features.rowCount
        z.storage.withUnsafeMutableBufferPointer { buf in
            for k in 0..<coefficients.columnCount {
                let b = intercepts[k]
                for i in 0..<n { buf[k &* n &+ i] += b }
            }
        }
        return z
    }

    /// Class probabilities, rows × `classCount`; absent classes get 0; every row sums to 1.
    /// - Complexity: O(rows × features × outputs).
    public func predictProbabilities(_ features: Matrix) throws -> Matrix {
        let z = try decisionFunction(features)
        let n = features.rowCount
        var out = Matrix(rowCount: n, columnCount: classCount)
        switch presentClasses.count {
        case 1:
            let c = Int(presentClasses[0])
            for i in 0..<n { out[i, c] = 1 }
        case 2:
            let c0 = Int(presentClasses[0]), c1 = Int(presentClasses[1])
            for i in 0..<n {
                let p = logisticSigmoid(z[i, 0])
                out[i, c1] = p
                out[i, c0] = 1 - p
            }
        default:
            var row = [Double](repeating: 0, count: presentClasses.count)
            for i in 0..<n {
                for k in row.indices { row[k] = z[i, k] }
                softmaxInPlace(&row)
                for (k, c) in presentClasses.enumerated() { out[i, Int(c)] = row[k] }
            }
        }
        return out
    }

    /// The class with the largest decision value (ties to the lower class).
    public func predict(_ features: Matrix) throws -> Prediction {
        .classes(argmaxClasses(try predictProbabilities(features)))
    }
}

/// 1 / (1 + e^(−z)), computed without overflow.
@inline(__always) func logisticSigmoid(_ z: Double) -> Double {
    if z >= 0 { return 1 / (1 + exp(-z)) }
    let e = exp(z)
    return e / (1 + e)
}

/// Replaces `v` by softmax(v), shifting by the maximum first.
@inline(__always) func softmaxInPlace(_ v: inout [Double]) {
    var m = -Double.infinity
    for x in v { m = Swift.max(m, x) }
    var s = 0.0
    for k in v.indices { v[k] = exp(v[k] - m); s += v[k] }
    for k in v.indices { v[k] /= s }
}

extension LinearClassifierModel: FeatureImportanceModel {
    /// The mean |wⱼₖ| over the outputs, per feature (all 0 for a one-class model); meaningful as
    /// importances when the features share a scale, e.g. standardised.
    public var featureImportances: [Double] {
        let outputs = coefficients.columnCount
        return (0..<coefficients.rowCount).map { j in
            guard outputs > 0 else { return 0 }
            var s = 0.0
            for k in 0..<outputs { s += Swift.abs(coefficients[j, k]) }
            return s / Double(outputs)
        }
    }
}

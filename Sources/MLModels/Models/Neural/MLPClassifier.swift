import MLCore

/// A multi-layer perceptron classifier trained with Adam on the log-loss.
///
/// Follows scikit-learn `MLPClassifier(solver="adam")` (see `MLPTrainer` for the loop): ReLU hidden
/// layers, a logistic output for two classes and a softmax otherwise, L2 penalty `alpha`,
/// Glorot-uniform initialisation, mini-batches of `min(200, n)` rows. The random numbers differ
/// from numpy's, so results match scikit-learn statistically (held-out accuracy), not bit for bit.
/// A class listed in the target but absent from the training rows gets probability 0.
///
/// Defaults (scikit-learn's, with PyCaret's `max_iter=500`): `hiddenLayerSizes = [100]`,
/// `activation = .relu`, `alpha = 1e-4`, `batchSize = nil` (auto), `learningRate = 1e-3`,
/// `maxIterations = 500`, `shuffles = true`, `tolerance = 1e-4`, `stopsEarly = false`,
/// `validationFraction = 0.1`, `iterationsWithoutChange = 10`, `beta1 = 0.9`, `beta2 = 0.999`,
/// `epsilon = 1e-8`. PyCaret ID `"mlp"`, "MLP Classifier".
public struct MLPClassifier: Estimator, MLPHyperparameters {
    /// Units of each hidden layer.
    public var hiddenLayerSizes: [Int]
    /// Hidden activation.
    public var activation: MLPActivation
    /// L2 penalty.
    public var alpha: Double
    /// Rows per mini-batch; `nil` means `min(200, rows)`.
    public var batchSize: Int?
    /// Adam's step size (`learning_rate_init`).
    public var learningRate: Double
    /// Maximum epochs.
    public var maxIterations: Int
    /// Reshuffle the rows every epoch.
    public var shuffles: Bool
    /// Minimum loss (or score) improvement that counts.
    public var tolerance: Double
    /// Hold out `validationFraction` of the rows and stop when their accuracy stalls.
    public var stopsEarly: Bool
    /// Share of rows held out when `stopsEarly`.
    public var validationFraction: Double
    /// Epochs without improvement before stopping (`n_iter_no_change`).
    public var iterationsWithoutChange: Int
    /// Adam's first-moment decay.
    public var beta1: Double
    /// Adam's second-moment decay.
    public var beta2: Double
    /// Adam's denominator offset.
    public var epsilon: Double

    /// The defaults listed on the type.
    public init() {
        hiddenLayerSizes = [100]; activation = .relu; alpha = 1e-4; batchSize = nil; learningRate = 1e-3
        maxIterations = 500; shuffles = true; tolerance = 1e-4; stopsEarly = false; validationFraction = 0.1
        iterationsWithoutChange = 10; beta1 = 0.9; beta2 = 0.999; epsilon = 1e-8
    }

    /// `"mlp"`.
    public static let id = "mlp"
    /// `"MLP Classifier"`.
    public static let displayName = "MLP Classifier"
    /// Binary and multiclass classification.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// Positive sizes, rates and counts; fractions in range.
    public static var constraints: [ParameterConstraint<MLPClassifier>] { mlpConstraints }

    /// Trains the network.
    /// - Complexity: O(maxIterations × rows × Σ fanIn·fanOut).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let (y, k) = try ClassicSupport.classTarget(data, estimator: Self.displayName)
        var present = [Bool](repeating: false, count: k)
        for c in y { present[Int(c)] = true }
        let presentClasses = (0..<k).filter { present[$0] }
        guard presentClasses.count > 1 else {
            return Model(featureCount: data.features.columnCount, classCount: k, presentClasses: presentClasses,
                         network: nil, iterations: 0, finalLoss: 0)
        }
        var position = [Int](repeating: -1, count: k)
        for (g, c) in presentClasses.enumerated() { position[c] = g }
        let n = y.count
        let output: MLPOutput = presentClasses.count == 2 ? .logistic : .softmax
        var target = Matrix(rowCount: n, columnCount: output == .logistic ? 1 : presentClasses.count)
        for i in 0..<n {
            let g = position[Int(y[i])]
            if output == .logistic { target[i, 0] = Double(g) } else { target[i, g] = 1 }
        }
        let strata = y
        let result = try MLPTrainer.train(x: data.features, y: target, output: output, options: trainingOptions,
                                      strata: strata, score: { net, vx, vy in
                                          Model.accuracy(net.predictInBlocks(vx), vy)
                                      }, interruption: data.interruption, using: &rng)
        return Model(featureCount: data.features.columnCount, classCount: k, presentClasses: presentClasses,
                     network: result.network, iterations: result.iterations, finalLoss: result.finalLoss)
    }

    /// A trained MLP classifier.
    public struct Model: ProbabilisticModel {
        /// Number of feature columns.
        public let featureCount: Int
        /// Number of classes in the target.
        public let classCount: Int
        /// Classes with training rows (the network's outputs, in order).
        public let presentClasses: [Int]
        /// The network (nil when only one class had training rows).
        let network: MLPNetwork?
        /// Epochs run.
        public let iterations: Int
        /// The last epoch's training loss.
        public let finalLoss: Double

        /// Accuracy of network outputs against one-hot (or 0/1) targets.
        static func accuracy(_ out: Matrix, _ y: Matrix) -> Double {
            var hits = 0
            for i in 0..<out.rowCount {
                if out.columnCount == 1 {
                    if (out[i, 0] > 0.5) == (y[i, 0] > 0.5) { hits += 1 }
                } else {
                    var best = 0
                    for c in 1..<out.columnCount where out[i, c] > out[i, best] { best = c }
                    if y[i, best] == 1 { hits += 1 }
                }
            }
            return Double(hits) / Double(max(1, out.rowCount))
        }

        /// Class probabilities (rows × classes).
        /// - Complexity: O(rows × Σ fanIn·fanOut).
        public func predictProbabilities(_ features: Matrix) throws -> Matrix {
            try checkPredictionInput(features)
            var out = Matrix(rowCount: features.rowCount, columnCount: classCount)
            guard let net = network else {
                for i in 0..<features.rowCount { out[i, presentClasses[0]] = 1 }
                return out
            }
            let raw = net.predictInBlocks(features)
            for i in 0..<features.rowCount {
                if raw.columnCount == 1 {
                    out[i, presentClasses[0]] = 1 - raw[i, 0]
                    out[i, presentClasses[1]] = raw[i, 0]
                } else {
                    for (g, c) in presentClasses.enumerated() { out[i, c] = raw[i, g] }
                }
            }
            return out
        }

        /// The most probable class.
        public func predict(_ features: Matrix) throws -> Prediction {
            .classes(argmaxClasses(try predictProbabilities(features)))
        }
    }
}

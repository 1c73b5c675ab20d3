import MLCore

/// A multi-layer perceptron regressor trained with Adam on the squared loss.
///
/// Follows scikit-learn `MLPRegressor(solver="adam")` (see `MLPTrainer`): identity output, loss
/// `½·mean((y − ŷ)²)` plus the L2 penalty; the target is not scaled (as in scikit-learn). The
/// random numbers differ from numpy's, so results match scikit-learn statistically (held-out R²).
///
/// Defaults as `MLPClassifier` (PyCaret's `max_iter=500`). PyCaret ID `"mlp"`, "MLP Regressor".
public struct MLPRegressor: Estimator, MLPHyperparameters {
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
    /// Hold out `validationFraction` of the rows and stop when their R² stalls.
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

    /// The defaults listed on `MLPClassifier`.
    public init() {
        hiddenLayerSizes = [100]; activation = .relu; alpha = 1e-4; batchSize = nil; learningRate = 1e-3
        maxIterations = 500; shuffles = true; tolerance = 1e-4; stopsEarly = false; validationFraction = 0.1
        iterationsWithoutChange = 10; beta1 = 0.9; beta2 = 0.999; epsilon = 1e-8
    }

    /// `"mlp"`.
    public static let id = "mlp"
    /// `"MLP Regressor"`.
    public static let displayName = "MLP Regressor"
    /// Regression.
    public static let supportedTasks: Set<Task> = [.regression]
    /// Positive sizes, rates and counts; fractions in range.
    public static var constraints: [ParameterConstraint<MLPRegressor>] { mlpConstraints }

    /// Trains the network.
    /// - Complexity: O(maxIterations × rows × Σ fanIn·fanOut).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try ClassicSupport.valueTarget(data, estimator: Self.displayName)
        let target = try Matrix(rowCount: y.count, columnCount: 1, columnMajor: y)
        let result = try MLPTrainer.train(x: data.features, y: target, output: .identity, options: trainingOptions,
                                      strata: nil, score: { net, vx, vy in
                                          Model.r2(net.predictInBlocks(vx).storage, vy.storage)
                                      }, interruption: data.interruption, using: &rng)
        return Model(network: result.network, iterations: result.iterations, finalLoss: result.finalLoss)
    }

    /// A trained MLP regressor.
    public struct Model: FittedModel {
        /// The network.
        let network: MLPNetwork
        /// Epochs run.
        public let iterations: Int
        /// The last epoch's training loss.
        public let finalLoss: Double

        /// Number of feature columns.
        public var featureCount: Int { network.inputCount }

        /// R² of predictions `p` against `y`.
        static func r2(_ p: [Double], _ y: [Double]) -> Double {
            let m = y.reduce(0, +) / Double(max(1, y.count))
            var res = 0.0, tot = 0.0
            for i in 0..<y.count { res += (y[i] - p[i]) * (y[i] - p[i]); tot += (y[i] - m) * (y[i] - m) }
            return tot > 0 ? 1 - res / tot : (res == 0 ? 1 : 0)
        }

        /// Predicted values.
        /// - Complexity: O(rows × Σ fanIn·fanOut).
        public func predict(_ features: Matrix) throws -> Prediction {
            try checkPredictionInput(features)
            return .values(network.predictInBlocks(features).storage)
        }
    }
}

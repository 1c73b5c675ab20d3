import MLCore

/// A linear support vector classifier (PyCaret "svm", "SVM - Linear Kernel").
///
/// PyCaret uses scikit-learn's `SGDClassifier(loss="hinge", alpha=1e-4)`, which minimises
/// (1/n)·Σ hinge + (α/2)·‖w‖² by stochastic gradient descent. This solves the same objective
/// exactly, with C = 1/(α·Σsᵢ) (scikit-learn `LinearSVC(loss="hinge")`), so results do not depend
/// on SGD's learning-rate schedule. Up to `smoothedHingeNewtonMaxDimension` (512) features the
/// solver is Newton's method on a shrinking smoothing of the hinge, stopped by the duality gap
/// (`smoothedHingeNewton`), which converges in a few dozen steps whatever the feature scales;
/// wider data uses liblinear's dual coordinate descent, which can need 10⁵ epochs and more on
/// unscaled features. The intercept is the weight of a constant feature (penalised, as
/// liblinear). More than two classes are fitted one-vs-rest, as both scikit-learn models do.
/// Probabilities: a sigmoid (two classes) or softmax (more) of the decision values.
///
/// Defaults: `alpha = 1e-4`, `maxIterations = 1000`, `tolerance = 1e-6`, `fitsIntercept = true`.
public struct LinearSVMClassifier: Estimator {
    /// The L2 strength α of the SGD formulation (default 1e-4).
    public var alpha: Double
    /// Maximum Newton steps (dual coordinate descent: epochs over the data) (default 1000).
    public var maxIterations: Int
    /// Stop when the duality gap is at most this fraction of the objective (dual coordinate
    /// descent: when the projected-gradient spread is at most this) (default 1e-6).
    public var tolerance: Double
    /// Whether to learn an intercept (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "svm"
    /// The leaderboard name.
    public static let displayName = "SVM - Linear Kernel"
    /// Binary and multiclass targets.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// `alpha > 0`, `maxIterations ≥ 1`, `tolerance > 0`.
    public static let constraints: [ParameterConstraint<LinearSVMClassifier>] = [
        .real("alpha", \.alpha, .greaterThan(0)),
        .integer("maxIterations", \.maxIterations, 1...Int.max),
        .real("tolerance", \.tolerance, .greaterThan(0)),
    ]

    /// The defaults listed on the type.
    public init() {
        alpha = 1e-4
        maxIterations = 1000
        tolerance = 1e-6
        fitsIntercept = true
    }

    /// The fitted model.
    public typealias Model = LinearClassifierModel

    /// Fits one hinge-loss SVM per output (Newton on the smoothed hinge, or dual coordinate descent).
    /// - Throws: `MLError.invalidParameter` or `MLError.invalidInput`.
    /// - Complexity: O(outputs × epochs × rows × features).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let (indices, names) = try data.classTarget(for: Self.displayName)
        let classes = PresentClasses(indices: indices, classCount: names.count)
        let n = data.features.rowCount, p = data.features.columnCount
        if classes.present.count < 2 {
            return Model(coefficients: Matrix(rowCount: p, columnCount: 0), intercepts: [],
                         presentClasses: classes.present, classCount: names.count)
        }
        let weights = effectiveSampleWeights(data)
        var total = 0.0
        for w in weights { total += w }
        let c = 1 / (alpha * total)
        let bounds = weights.map { c * $0 }
        let rows = rowMajorWithBias(data.features, bias: fitsIntercept ? 1 : nil)
        let d = p + (fitsIntercept ? 1 : 0)
        let outputs = classes.present.count == 2 ? 1 : classes.present.count
        var coefficients = Matrix(rowCount: p, columnCount: outputs)
        var intercepts = [Double](repeating: 0, count: outputs)
        var epochs = 0
        var converged = true
        for k in 0..<outputs {
            let positive = outputs == 1 ? 1 : k
            let labels = classes.rowPositions.map { $0 == positive ? 1.0 : -1.0 }
            var stream = rng.split(UInt64(k))
            let result = d <= smoothedHingeNewtonMaxDimension
                ? smoothedHingeNewton(rows: rows, rowCount: n, dimension: d, labels: labels, bounds: bounds,
                                      maxSteps: maxIterations, tolerance: tolerance)
                : hingeDualCoordinateDescent(rows: rows, rowCount: n, dimension: d, labels: labels, bounds: bounds,
                                             maxEpochs: maxIterations, tolerance: tolerance, using: &stream)
            for j in 0..<p { coefficients[j, k] = result.weights[j] }
            if fitsIntercept { intercepts[k] = result.weights[p] }
            epochs = Swift.max(epochs, result.epochs)
            converged = converged && result.converged
        }
        _ = rng.next()   // advance the caller's stream once
        return Model(coefficients: coefficients, intercepts: intercepts, presentClasses: classes.present,
                     classCount: names.count, iterations: epochs, converged: converged)
    }
}

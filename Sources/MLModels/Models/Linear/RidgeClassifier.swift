import MLCore

/// Ridge classifier (PyCaret "ridge", scikit-learn `RidgeClassifier`).
///
/// Encodes the target as ±1 columns (one column for two classes: +1 for the second; one per
/// class otherwise), fits a ridge regression to them (`alpha = 1` by default) and predicts the
/// class with the largest decision value. scikit-learn has no `predict_proba` here; this model's
/// probabilities are a sigmoid (two classes) or softmax (more) of the decision values, which keeps
/// the ranking, hence AUC, that PyCaret computes from `decision_function`.
public struct RidgeClassifier: Estimator {
    /// The L2 strength α (default 1).
    public var alpha: Double
    /// Whether to fit intercepts (default true).
    public var fitsIntercept: Bool

    /// PyCaret's ID.
    public static let id = "ridge"
    /// The leaderboard name.
    public static let displayName = "Ridge Classifier"
    /// Binary and multiclass targets.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// `alpha ≥ 0`.
    public static let constraints: [ParameterConstraint<RidgeClassifier>] = [.real("alpha", \.alpha, .atLeast(0))]

    /// The defaults: `alpha = 1`, `fitsIntercept = true`.
    public init() { self.init(alpha: 1) }

    /// A ridge classifier with the given strength.
    public init(alpha: Double, fitsIntercept: Bool = true) {
        self.alpha = alpha
        self.fitsIntercept = fitsIntercept
    }

    /// The fitted model.
    public typealias Model = LinearClassifierModel

    /// Fits the ±1 regression.
    /// - Throws: `MLError.invalidParameter`, `MLError.invalidInput`, or `MLError.numerical`.
    /// - Complexity: O(rows × features² + features³ + rows × features × classes).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let (indices, names) = try data.classTarget(for: Self.displayName)
        let classes = PresentClasses(indices: indices, classCount: names.count)
        let p = data.features.columnCount
        if classes.present.count < 2 {
            return Model(coefficients: Matrix(rowCount: p, columnCount: 0), intercepts: [],
                         presentClasses: classes.present, classCount: names.count)
        }
        let outputs = classes.present.count == 2 ? 1 : classes.present.count
        let n = indices.count
        var targets = Matrix(rowCount: n, columnCount: outputs, repeating: -1)
        for (i, k) in classes.rowPositions.enumerated() {
            if outputs == 1 { if k == 1 { targets[i, 0] = 1 } } else { targets[i, k] = 1 }
        }
        let design = CentredDesign(features: data.features, targets: targets,
                                   weights: effectiveSampleWeights(data), fitsIntercept: fitsIntercept)
        let w = try ridgeSolve(design, alpha: alpha)
        return Model(coefficients: w, intercepts: design.intercepts(for: w),
                     presentClasses: classes.present, classCount: names.count)
    }
}

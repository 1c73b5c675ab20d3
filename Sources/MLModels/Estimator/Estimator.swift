import MLCore

/// An unfitted learner: a plain value made of hyperparameters.
///
/// `fit` never mutates `self`; it returns a separate fitted `Model`, so an unfitted estimator
/// cannot predict. `init()` gives the documented defaults (scikit-learn's, or PyCaret's where it
/// changes them).
///
///     let model = try LogisticRegression(c: 1).fit(data, using: &rng)
///     let p = try model.predictProbabilities(test)
public protocol Estimator: Codable, Hashable, Sendable {
    /// The fitted model type.
    associatedtype Model: FittedModel

    /// PyCaret's model ID ("lr", "rf", …); with the problem kind it identifies a registry entry.
    static var id: String { get }
    /// The display name used on leaderboards ("Logistic Regression").
    static var displayName: String { get }
    /// The tasks this estimator can learn.
    static var supportedTasks: Set<Task> { get }
    /// Hyperparameter constraints, declared once; they drive `validate()` and the conformance tests.
    static var constraints: [ParameterConstraint<Self>] { get }

    /// The documented defaults.
    init()

    /// Fits the estimator and returns the fitted model.
    /// - Throws: `MLError.invalidParameter` for a hyperparameter outside its constraint,
    ///   `MLError.invalidInput` for unusable data (NaN, infinite values, a wrong target kind).
    func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model
}

extension Estimator {
    /// Throws the first violated constraint as `MLError.invalidParameter`.
    public func validate() throws {
        for c in Self.constraints where !c.isSatisfied(self) {
            throw MLError.invalidParameter(estimator: Self.displayName, name: c.name,
                                           value: c.describeValue(self), expected: c.expected)
        }
    }

    /// Checks what every estimator needs of its data: a supported task, at least one row, a
    /// target as long as the features, finite features and non-negative finite weights.
    public func checkTrainingData(_ data: TrainingData) throws {
        guard Self.supportedTasks.contains(data.task) else {
            throw MLError.invalidInput("\(Self.displayName) does not support \(data.task.rawValue) targets.")
        }
        guard data.features.rowCount > 0 else { throw MLError.invalidInput("\(Self.displayName): no training rows.") }
        guard data.target.count == data.features.rowCount else {
            throw MLError.shapeMismatch(expected: "\(data.features.rowCount) target values", got: "\(data.target.count)")
        }
        guard data.features.isFinite else {
            throw MLError.invalidInput("\(Self.displayName): the features contain NaN or infinite values; impute them first.")
        }
        if case let .values(v) = data.target, v.contains(where: { !$0.isFinite }) {
            throw MLError.invalidInput("\(Self.displayName): the target contains NaN or infinite values.")
        }
        if case let .classes(idx, names) = data.target, idx.contains(where: { $0 < 0 || Int($0) >= names.count }) {
            throw MLError.invalidInput("\(Self.displayName): a class index is outside 0..<\(names.count).")
        }
        if let w = data.sampleWeights {
            guard w.count == data.features.rowCount else {
                throw MLError.shapeMismatch(expected: "\(data.features.rowCount) sample weights", got: "\(w.count)")
            }
            guard w.allSatisfy({ $0.isFinite && $0 >= 0 }), w.contains(where: { $0 > 0 }) else {
                throw MLError.invalidInput("\(Self.displayName): sample weights must be finite, non-negative and not all zero.")
            }
        }
    }
}

/// A fitted model: it predicts, and it is `Codable`, so it can be written to a model file.
public protocol FittedModel: Codable, Sendable {
    /// The number of feature columns `predict` expects.
    var featureCount: Int { get }
    /// Predicts one value or class per row.
    /// - Throws: `MLError.shapeMismatch` for a wrong column count, `MLError.invalidInput` for NaN.
    func predict(_ features: Matrix) throws -> Prediction
}

/// A fitted classifier that gives class probabilities.
public protocol ProbabilisticModel: FittedModel {
    /// The number of classes (columns of `predictProbabilities`).
    var classCount: Int { get }
    /// One row per sample and one column per class; every row sums to 1.
    func predictProbabilities(_ features: Matrix) throws -> Matrix
}

/// A fitted model that can say how much each feature mattered.
public protocol FeatureImportanceModel: FittedModel {
    /// One non-negative number per feature (not necessarily normalised).
    var featureImportances: [Double] { get }
}

extension FittedModel {
    /// Checks a prediction input: the right number of columns and finite values.
    public func checkPredictionInput(_ features: Matrix) throws {
        guard features.columnCount == featureCount else {
            throw MLError.shapeMismatch(expected: "\(featureCount) feature columns", got: "\(features.columnCount)")
        }
        guard features.isFinite else {
            throw MLError.invalidInput("The features to predict contain NaN or infinite values.")
        }
    }
}

extension ProbabilisticModel {
    /// The most probable class of each row (ties go to the lower class index).
    public func argmaxClasses(_ probabilities: Matrix) -> [Int32] {
        var out = [Int32](repeating: 0, count: probabilities.rowCount)
        for i in 0..<probabilities.rowCount {
            var best = 0
            var bestP = -Double.infinity
            for k in 0..<probabilities.columnCount where probabilities[i, k] > bestP {
                bestP = probabilities[i, k]
                best = k
            }
            out[i] = Int32(best)
        }
        return out
    }
}

import MLCore

extension Metric {
    /// Scores `prediction` (and, for AUC and log loss, `probabilities`: one row per sample, one
    /// column per class) against `truth`, as PyCaret 3.3 does.
    ///
    /// Classification metrics take their class count from `truth`'s `names`: two names score
    /// recall, precision and F1 for the class encoded 1; more use support-weighted averages.
    /// See `ClassificationMetrics` and `RegressionMetrics` for each formula and its undefined cases
    /// (AUC with one class in the truth, undefined kappa, R2 on one row, MAPE on all-zero truth
    /// give NaN).
    /// - Throws: `MLError.invalidInput` when the kinds or lengths do not match, or a probability
    ///   metric gets no probabilities.
    /// - Complexity: O(n log n) for AUC, O(n) otherwise (n rows, for a fixed class count).
    public func evaluate(truth: Target, prediction: Prediction, probabilities: Matrix?) throws -> Double {
        try evaluate(truth: truth, prediction: prediction, probabilities: probabilities, sampleWeights: nil)
    }

    /// `evaluate(truth:prediction:probabilities:)` with optional per-row sample weights
    /// (scikit-learn's `sample_weight`; `nil` weighs every row 1).
    /// - Throws: as the unweighted form, and `MLError` for weights of the wrong length, negative,
    ///   non-finite or all zero.
    /// - Complexity: as the unweighted form.
    public func evaluate(truth: Target, prediction: Prediction, probabilities: Matrix?,
                         sampleWeights: [Double]?) throws -> Double {
        let w = sampleWeights
        switch truth {
        case let .classes(indices, names):
            guard kind == .classification else {
                throw MLError.invalidInput("\(displayName) is a regression metric but the target holds classes.")
            }
            let k = names.count
            if needsProbabilities {
                guard let p = probabilities else {
                    throw MLError.invalidInput("\(displayName) needs predicted probabilities; the model gave none.")
                }
                guard p.columnCount == k else {
                    throw MLError.shapeMismatch(expected: "\(k) probability columns (one per class) for \(displayName)",
                                                got: "\(p.columnCount)")
                }
                return self == .auc
                    ? try ClassificationMetrics.auc(truth: indices, probabilities: p, sampleWeights: w)
                    : try ClassificationMetrics.logLoss(truth: indices, probabilities: p, sampleWeights: w)
            }
            guard case let .classes(predicted) = prediction else {
                throw MLError.invalidInput("\(displayName) needs predicted classes, got predicted values.")
            }
            switch self {
            case .accuracy: return try ClassificationMetrics.accuracy(truth: indices, predicted: predicted, classCount: k, sampleWeights: w)
            case .recall: return try ClassificationMetrics.recall(truth: indices, predicted: predicted, classCount: k, sampleWeights: w)
            case .precision: return try ClassificationMetrics.precision(truth: indices, predicted: predicted, classCount: k, sampleWeights: w)
            case .f1: return try ClassificationMetrics.f1(truth: indices, predicted: predicted, classCount: k, sampleWeights: w)
            case .kappa: return try ClassificationMetrics.kappa(truth: indices, predicted: predicted, classCount: k, sampleWeights: w)
            case .mcc: return try ClassificationMetrics.mcc(truth: indices, predicted: predicted, classCount: k, sampleWeights: w)
            default:
                throw MLError.invalidInput("\(displayName) cannot score classes.")
            }
        case let .values(y):
            guard kind == .regression else {
                throw MLError.invalidInput("\(displayName) is a classification metric but the target holds values.")
            }
            guard case let .values(predicted) = prediction else {
                throw MLError.invalidInput("\(displayName) needs predicted values, got predicted classes.")
            }
            switch self {
            case .mae: return try RegressionMetrics.mae(truth: y, predicted: predicted, sampleWeights: w)
            case .mse: return try RegressionMetrics.mse(truth: y, predicted: predicted, sampleWeights: w)
            case .rmse: return try RegressionMetrics.rmse(truth: y, predicted: predicted, sampleWeights: w)
            case .r2: return try RegressionMetrics.r2(truth: y, predicted: predicted, sampleWeights: w)
            case .rmsle: return try RegressionMetrics.rmsle(truth: y, predicted: predicted, sampleWeights: w)
            case .mape: return try RegressionMetrics.mape(truth: y, predicted: predicted, sampleWeights: w)
            default:
                throw MLError.invalidInput("\(displayName) cannot score values.")
            }
        }
    }
}

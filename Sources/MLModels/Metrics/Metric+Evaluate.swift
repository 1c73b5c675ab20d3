import MLCore

extension Metric {
    /// Scores `prediction` (and, for AUC and log loss, `probabilities`: one row per sample, one
    /// column per class) against `truth`.
    /// - Throws: `MLError.invalidInput` when the kinds or lengths do not match, or a probability
    ///   metric gets no probabilities.
    public func evaluate(truth: Target, prediction: Prediction, probabilities: Matrix?) throws -> Double {
        // Contract only: the metrics branch replaces this file with the implementation.
        throw MLError.invalidInput("Metric \(displayName) is not implemented yet.")
    }
}

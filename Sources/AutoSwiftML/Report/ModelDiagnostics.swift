import MLCore
import MLData
import MLModels

/// The charts of one trained model on labelled holdout rows: ROC and precision–recall curves and
/// the confusion matrix (classification), residuals (regression), feature importances when the
/// model has them (or |coefficients| of a linear classifier), and the boosting learning curve.
public enum ModelDiagnostics {
    /// Predicts `table` (feature columns) with `model` and draws every chart the model and data
    /// allow, in report order. Charts that cannot be drawn are left out.
    /// - Parameters:
    ///   - target: the true values of `table`'s rows, encoded with the model's classes.
    ///   - confusion: the confusion matrix already computed (for example `Evaluation.confusionMatrix`);
    ///     `nil` computes it from the predictions.
    /// - Throws: the model's prediction errors.
    /// - Complexity: one prediction plus O(n log n) per curve.
    public static func charts(model: TrainedModel, table: DataTable, target: Target,
                              confusion: ConfusionMatrix? = nil) throws -> [Chart] {
        guard table.rowCount > 0, table.rowCount == target.count else { return importanceCharts(model) }
        let predictions = try model.predict(table, includingProbabilities: true)
        var charts: [Chart] = []
        switch (target, predictions.prediction) {
        case let (.classes(truth, names), .classes(predicted)):
            if let p = predictions.probabilities, p.columnCount == names.count {
                let rows = (0..<p.rowCount).map { i in (0..<p.columnCount).map { p[i, $0] } }
                if let c = ReportCharts.roc(classNames: names, truth: truth, probabilities: rows) { charts.append(c) }
                if let c = ReportCharts.precisionRecall(classNames: names, truth: truth, probabilities: rows) { charts.append(c) }
            }
            let matrix = confusion ?? confusionMatrix(truth: truth, predicted: predicted, classNames: names)
            if let c = ReportCharts.confusionMatrix(matrix) { charts.append(c) }
        case let (.values(truth), .values(predicted)):
            if let c = ReportCharts.residuals(truth: truth, predicted: predicted) { charts.append(c) }
        default:
            break
        }
        charts += importanceCharts(model)
        if let features = try? model.pipeline.transform(model.schema.prepare(table).table),
           let curve = BoostingLearningCurve.losses(model: model.model, features: features, target: target),
           let c = ReportCharts.learningCurve(losses: curve.losses, lossName: curve.name) {
            charts.append(c)
        }
        return charts
    }

    /// The feature-importance chart of `model`, if it has importances or linear coefficients.
    static func importanceCharts(_ model: TrainedModel) -> [Chart] {
        guard let (values, source) = importances(model.model) else { return [] }
        return ReportCharts.featureImportance(names: model.pipeline.featureNames, importances: values, source: source).map { [$0] } ?? []
    }

    /// Per-feature importances and what they are, from a `FeatureImportanceModel`: tree models'
    /// own importances, or |coefficients| of linear models (mean over classes for multiclass).
    /// `nil` for models without importances.
    public static func importances(_ model: any FittedModel) -> (values: [Double], source: String)? {
        guard let m = model as? any FeatureImportanceModel else { return nil }
        let source: String
        if let linear = m as? LinearClassifierModel {
            source = linear.coefficients.columnCount > 1 ? "mean |coefficient| over classes" : "|coefficient|"
        } else if m is LinearRegressorModel {
            source = "|coefficient|"
        } else if m is LightGBM.Model {
            source = "split counts"
        } else {
            source = "model importances"
        }
        return (m.featureImportances, source)
    }

    /// Counts of true class against predicted class.
    static func confusionMatrix(truth: [Int32], predicted: [Int32], classNames: [String]) -> ConfusionMatrix {
        let k = classNames.count
        var counts = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        for (t, p) in zip(truth, predicted) where t >= 0 && Int(t) < k && p >= 0 && Int(p) < k {
            counts[Int(t)][Int(p)] += 1
        }
        return ConfusionMatrix(classNames: classNames, counts: counts)
    }
}

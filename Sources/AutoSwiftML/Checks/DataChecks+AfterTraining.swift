import MLCore
import MLModels

extension DataChecks {
    /// The check that needs a trained model: one feature holding at least
    /// `options.dominantImportanceShare` (default 90%) of the normalised importance while the best
    /// model's score is near perfect (at least `options.nearPerfectScore`, default 0.99, on a bounded
    /// higher-is-better metric: Accuracy, AUC, Recall, Prec., F1, Kappa, MCC, R2).
    ///
    ///     let found = DataChecks.afterTraining(featureImportances: [("Sex", 0.97), ("Age", 0.03)],
    ///                                          bestScore: 1.0, metric: .auc)
    ///
    /// - Parameters:
    ///   - featureImportances: one (feature name, importance) pair per feature; signs are ignored
    ///     and non-finite values count as 0.
    ///   - bestScore: the best model's cross-validated score on `metric`.
    ///   - metric: the metric `bestScore` is measured in; loss metrics (MAE, Log Loss …) never fire.
    ///   - options: the thresholds and `isStrict` (error instead of warning).
    /// - Returns: at most one `dominantFeature` finding.
    /// - Complexity: O(f) for f features.
    public static func afterTraining(featureImportances: [(name: String, value: Double)], bestScore: Double,
                                     metric: Metric, options: DataCheckOptions = DataCheckOptions()) -> [DataWarning] {
        let bounded: Set<Metric> = [.accuracy, .auc, .recall, .precision, .f1, .kappa, .mcc, .r2]
        guard bounded.contains(metric), bestScore.isFinite, bestScore >= options.nearPerfectScore else { return [] }
        var total = 0.0
        for f in featureImportances where f.value.isFinite { total += abs(f.value) }
        guard total > 0 else { return [] }
        var best = -1, bestShare = 0.0
        for (i, f) in featureImportances.enumerated() where f.value.isFinite {
            let share = abs(f.value) / total
            if share > bestShare { best = i; bestShare = share }
        }
        guard best >= 0, bestShare >= options.dominantImportanceShare else { return [] }
        let name = featureImportances[best].name
        let hint = DataWarning.dropHint(name)
        return [DataWarning(
            kind: .dominantFeature, severity: options.leakageSeverity, column: name, score: bestShare,
            message: "Feature '\(name)' holds \(percent(bestShare)) of the model's importance and the best model scores "
                + "\(metric.displayName) \(formatScore(bestScore)): a near-perfect score resting on one feature usually "
                + "means that feature leaks the target. Check how '\(name)' is recorded; if it is not known when you "
                + "predict, drop it with \(hint).",
            hint: hint)]
    }
}

extension DataChecks {
    /// `afterTraining` for a model's importance vector (`FeatureImportanceModel.featureImportances`)
    /// and the matrix's feature names, optionally summed back onto the table's columns.
    ///
    /// One-hot encoding splits a column's importance over its dummies (`Sex_female`, `Sex_male`), which
    /// can hide a dominant column; pass `sourceColumns` (the table column each feature came from) to
    /// add them up first, so the finding names `Sex` and its hint is `--drop Sex`.
    ///
    ///     let found = try DataChecks.afterTraining(
    ///         featureNames: ["Sex_female", "Sex_male", "Age"], importances: [0.6, 0.38, 0.02],
    ///         sourceColumns: ["Sex", "Sex", "Age"], bestScore: 1.0, metric: .auc)   // names Sex, 98%
    ///
    /// - Throws: `MLError.shapeMismatch` when the three arrays differ in length.
    /// - Complexity: O(f) expected for f features.
    public static func afterTraining(featureNames: [String], importances: [Double], sourceColumns: [String]? = nil,
                                     bestScore: Double, metric: Metric,
                                     options: DataCheckOptions = DataCheckOptions()) throws -> [DataWarning] {
        guard importances.count == featureNames.count else {
            throw MLError.shapeMismatch(expected: "\(featureNames.count) feature importances (one per feature name)",
                                        got: "\(importances.count)")
        }
        guard let sources = sourceColumns else {
            return afterTraining(featureImportances: zip(featureNames, importances).map { (name: $0, value: $1) },
                                 bestScore: bestScore, metric: metric, options: options)
        }
        guard sources.count == featureNames.count else {
            throw MLError.shapeMismatch(expected: "\(featureNames.count) source columns (one per feature name)",
                                        got: "\(sources.count)")
        }
        var order: [String] = []
        var totals: [String: Double] = [:]
        for (source, value) in zip(sources, importances) {
            if totals[source] == nil { order.append(source) }
            totals[source, default: 0] += value.isFinite ? abs(value) : 0
        }
        return afterTraining(featureImportances: order.map { (name: $0, value: totals[$0] ?? 0) },
                             bestScore: bestScore, metric: metric, options: options)
    }
}

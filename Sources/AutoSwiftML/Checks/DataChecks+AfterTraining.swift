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

import MLCore
import MLData
import MLModels

extension FittedPipeline {
    /// The table column each output feature comes from, one entry per `featureNames` entry.
    public var sourceColumns: [String] {
        encodings.flatMap { encoding in Array(repeating: encoding.columnName, count: encoding.featureNames.count) }
    }
}

extension DataChecks {
    /// The after-training check for a finished `compare`: refits the best model that reports feature
    /// importances on the experiment's training part and warns when one source column holds
    /// ≥ 90% of the importance together with a near-perfect cross-validated score.
    ///
    /// Models without importances (linear, Bayes, neighbours…) are skipped: the before-training
    /// single-feature checks already cover them.
    /// - Throws: `MLError` when preprocessing or the refit fails.
    public static func afterCompare(_ experiment: Experiment, leaderboard: Leaderboard,
                                    options: DataCheckOptions = DataCheckOptions()) throws -> [DataWarning] {
        let metric = leaderboard.sortMetric
        guard let row = leaderboard.rows.first(where: { row in
            row.succeeded && ModelRegistry.spec(id: row.modelID, kind: experiment.kind)?.capabilities.providesImportances == true
        }), let score = row.mean(metric),
            let spec = ModelRegistry.spec(id: row.modelID, kind: experiment.kind) else { return [] }
        // Only a near-perfect score can trigger the warning; skip the refit otherwise.
        let nearPerfect = metric.higherIsBetter ? score >= options.nearPerfectScore : false
        guard nearPerfect else { return [] }
        let stream = experiment.modelStream
        let (pipeline, features) = try experiment.config.preprocessing.fitTransform(
            experiment.trainTable, target: experiment.trainTarget, using: stream.split(RandomKeys.preprocessing))
        var rng = stream.split(row.modelID).split(UInt64.max)
        let data = TrainingData(features: features, target: experiment.trainTarget, featureNames: pipeline.featureNames)
        guard let model = try spec.make().fitErased(data, using: &rng) as? any FeatureImportanceModel else { return [] }
        return try afterTraining(featureNames: pipeline.featureNames, importances: model.featureImportances,
                                 sourceColumns: pipeline.sourceColumns, bestScore: score, metric: metric, options: options)
    }
}

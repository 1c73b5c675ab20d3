import MLCore
import MLData
import MLModels

extension RunReport {
    /// The report of a `compare` run: data summary, warnings, the leaderboard and its chart, and
    /// the best model refitted on the training part (`train(experiment, modelID:)`) with its
    /// holdout scores and charts (ROC, precision–recall and confusion matrix, or residuals;
    /// importances and the learning curve when the model has them).
    /// - Parameters:
    ///   - data: the data summary (`DataSummary(file:table:schema:experiment:)`).
    ///   - warnings: the data-check findings to show (before and after training).
    /// - Throws: never for a failing refit (it is reported in the holdout section); prediction
    ///   errors on the holdout rows.
    /// - Complexity: one fit and one prediction of the best model.
    public static func compare(_ board: Leaderboard, experiment: Experiment, data: DataSummary,
                               warnings: [DataWarning] = []) throws -> RunReport {
        // Dropped columns are listed under Data and failed models under the leaderboard.
        let notes = board.notes.filter {
            !$0.hasPrefix("Model '") && !(data.droppedColumns.isEmpty == false && $0.hasPrefix("Dropped column '"))
        }
        var report = RunReport(title: "Compare: \(fileName(data.file)) → \(board.targetName)", data: data,
                               warnings: warnings, notes: notes, leaderboard: board)
        if let chart = ReportCharts.leaderboard(board) { report.charts.append(chart) }
        guard let best = board.best else { return report }
        let name = "\(best.displayName) (\(best.modelID))"
        let training: TrainingReport
        do {
            training = try AutoSwiftML.train(experiment, modelID: best.modelID)
        } catch {
            report.holdout = HoldoutMetrics(modelName: name, scoredOn: "", metrics: board.metrics, scores: [],
                                            error: "\(error)")
            return report
        }
        try report.addModel(training.model, name: name, evaluation: training.holdout,
                            table: experiment.holdoutTable, target: experiment.holdoutTarget, scoredOn: "\(experiment.holdoutRows.count) holdout rows")
        return report
    }

    /// The report of a `train` run on an experiment: the model's holdout scores and charts.
    /// - Throws: prediction errors on the holdout rows.
    public static func train(_ training: TrainingReport, experiment: Experiment, data: DataSummary,
                             warnings: [DataWarning] = []) throws -> RunReport {
        let model = training.model
        var report = RunReport(title: "Train: \(model.entry.spec?.displayName ?? model.entry.id) on \(fileName(data.file)) → \(model.targetName)",
                               data: data, warnings: warnings)
        try report.addModel(model, name: modelName(model), evaluation: training.holdout, table: experiment.holdoutTable,
                            target: experiment.holdoutTarget, scoredOn: "\(experiment.holdoutRows.count) holdout rows")
        return report
    }

    /// The report of a `train` run scored on a separate labelled table (`automl train --test`):
    /// the model's scores and charts on `labelled`, whose target column is the model's.
    /// - Parameter scoredOn: what `labelled` is, in words ("179 rows of test.csv").
    /// - Throws: `MLError.invalidInput` when `labelled` lacks the target or holds unknown classes;
    ///   prediction errors.
    public static func train(_ training: TrainingReport, labelled: DataTable, scoredOn: String, data: DataSummary,
                             warnings: [DataWarning] = []) throws -> RunReport {
        let model = training.model
        var report = RunReport(title: "Train: \(model.entry.spec?.displayName ?? model.entry.id) on \(fileName(data.file)) → \(model.targetName)",
                               data: data, warnings: warnings)
        let evaluation = try model.evaluate(labelled)
        let (table, target) = try labelledRows(labelled, model: model)
        try report.addModel(model, name: modelName(model), evaluation: evaluation, table: table, target: target, scoredOn: scoredOn)
        report.holdout?.fittedOn = "every row of \(fileName(data.file))"
        return report
    }

    /// The report of a `tune` run: the tuning summary and history chart, then the tuned estimator
    /// fitted on the training part (`train(experiment, estimator:)`) with its holdout scores and charts.
    /// - Throws: prediction errors on the holdout rows (a failing refit is reported, not thrown).
    /// - Complexity: one fit and one prediction of the tuned estimator.
    public static func tune(_ result: TuneResult, experiment: Experiment, data: DataSummary,
                            warnings: [DataWarning] = []) throws -> RunReport {
        var report = RunReport(title: "Tune: \(result.displayName) on \(fileName(data.file)) → \(experiment.targetName)",
                               data: data, warnings: warnings, tuning: result.summary)
        if let chart = ReportCharts.trialHistory(result.history, metric: result.metric, defaultScore: result.defaultScore) {
            report.charts.append(chart)
        }
        let name = "Tuned \(result.displayName) (\(result.modelID))"
        let training: TrainingReport
        do {
            training = try AutoSwiftML.train(experiment, estimator: result.bestEstimator)
        } catch {
            report.holdout = HoldoutMetrics(modelName: name, scoredOn: "", metrics: Metric.leaderboardMetrics(for: experiment.kind),
                                            scores: [], error: "\(error)")
            return report
        }
        try report.addModel(training.model, name: name, evaluation: training.holdout, table: experiment.holdoutTable,
                            target: experiment.holdoutTarget, scoredOn: "\(experiment.holdoutRows.count) holdout rows")
        return report
    }

    /// Adds a model's holdout scores and charts.
    mutating func addModel(_ model: TrainedModel, name: String, evaluation: Evaluation?, table: DataTable, target: Target,
                           scoredOn: String) throws {
        if let evaluation {
            holdout = HoldoutMetrics(modelName: name, scoredOn: scoredOn, metrics: evaluation.metrics, scores: evaluation.scores)
            notes += evaluation.warnings
        }
        charts += try ModelDiagnostics.charts(model: model, table: table, target: target,
                                              confusion: evaluation?.confusionMatrix)
    }

    /// "Logistic Regression (lr)".
    static func modelName(_ model: TrainedModel) -> String {
        "\(model.entry.spec?.displayName ?? model.entry.typeName) (\(model.entry.id))"
    }

    /// The last path component of `path`.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The rows of `table` with a target value, as feature columns and an encoded target (the
    /// same rows and encoding `TrainedModel.evaluate` uses).
    static func labelledRows(_ table: DataTable, model: TrainedModel) throws -> (DataTable, Target) {
        let column = try table.requireColumn(model.targetName)
        let features = table.dropping([model.targetName])
        switch model.task {
        case .regression:
            guard case let .numeric(values, missing) = column.data else {
                throw MLError.invalidInput("The target column '\(model.targetName)' is not numeric.")
            }
            let kept = values.indices.filter { !missing[$0] && values[$0].isFinite }
            return (features.gatheringRows(kept), .values(kept.map { values[$0] }))
        case .binary, .multiclass:
            var index: [String: Int32] = [:]
            for (i, name) in model.classNames.enumerated() { index[name] = Int32(i) }
            var kept: [Int] = [], classes: [Int32] = []
            for (row, label) in categoryStrings(column).enumerated() {
                guard let label else { continue }
                guard let c = index[label] else {
                    throw MLError.invalidInput("The target column '\(model.targetName)' holds '\(label)' (row \(row + 1)), which is not a class the model knows.")
                }
                kept.append(row)
                classes.append(c)
            }
            return (features.gatheringRows(kept), .classes(indices: classes, names: model.classNames))
        }
    }
}

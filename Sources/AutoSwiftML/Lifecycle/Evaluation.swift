import MLCore
import MLData
import MLModels

/// A trained model scored on labelled data: the leaderboard metrics, plus the confusion matrix
/// (classification) or a residual summary (regression).
public struct Evaluation: Sendable, Codable, Hashable {
    /// The task.
    public let task: Task
    /// Rows scored.
    public let rowCount: Int
    /// Rows skipped because their target was missing.
    public let droppedTargetRowCount: Int
    /// The metrics, in leaderboard order.
    public let metrics: [Metric]
    /// One value per metric (`nil` when undefined on this data or the model gives no probabilities).
    public let scores: [Double?]
    /// The confusion matrix (classification only).
    public let confusionMatrix: ConfusionMatrix?
    /// The residual summary (regression only).
    public let residuals: ResidualSummary?
    /// Notes about the input (unseen categories).
    public let warnings: [String]

    /// The value of `metric`, if scored.
    public func score(_ metric: Metric) -> Double? {
        metrics.firstIndex(of: metric).flatMap { scores[$0] }
    }

    /// The defined scores keyed by `Metric.rawValue` (as model-file fingerprints store them).
    public var metricDictionary: [String: Double] {
        var out: [String: Double] = [:]
        for (m, s) in zip(metrics, scores) { if let s { out[m.rawValue] = s } }
        return out
    }
}

/// Counts of true class (rows) against predicted class (columns).
public struct ConfusionMatrix: Sendable, Codable, Hashable {
    /// The class labels, in model order.
    public let classNames: [String]
    /// `counts[t][p]`: rows of true class `t` predicted as `p`.
    public let counts: [[Int]]
}

/// A summary of the residuals `truth − prediction`.
public struct ResidualSummary: Sendable, Codable, Hashable {
    /// The mean residual (bias).
    public let mean: Double
    /// The population standard deviation of the residuals.
    public let standardDeviation: Double
    /// The smallest residual.
    public let minimum: Double
    /// The first quartile.
    public let firstQuartile: Double
    /// The median.
    public let median: Double
    /// The third quartile.
    public let thirdQuartile: Double
    /// The largest residual.
    public let maximum: Double

    /// The summary of `residuals` (at least one).
    init(_ residuals: [Double]) {
        mean = Stats.mean(residuals)
        standardDeviation = Stats.standardDeviation(residuals, ddof: 0)
        minimum = residuals.min() ?? .nan
        firstQuartile = Stats.quantile(residuals, 0.25)
        median = Stats.quantile(residuals, 0.5)
        thirdQuartile = Stats.quantile(residuals, 0.75)
        maximum = residuals.max() ?? .nan
    }
}

extension TrainedModel {
    /// Scores the model on a labelled table holding the target column `targetName`.
    ///
    /// Rows whose target is missing are skipped. Class labels are matched by text ("1", "yes").
    /// - Throws: `MLError.invalidInput` when the target column is missing, holds a class the
    ///   model does not know, is not numeric for regression, or has no values; `predict`'s errors.
    /// - Complexity: one prediction plus O(rows log rows) for AUC.
    public func evaluate(_ table: DataTable) throws -> Evaluation {
        guard let column = table.column(named: targetName) else {
            throw MLError.invalidInput("The labelled data has no target column '\(targetName)'. Available columns: \(table.columnNames.joined(separator: ", ")).")
        }
        var kept: [Int] = []
        let target: Target
        switch task {
        case .regression:
            guard case let .numeric(values, missing) = column.data else {
                throw MLError.invalidInput("The target column '\(targetName)' is \(column.type.rawValue); this regression model needs numbers.")
            }
            kept = values.indices.filter { !missing[$0] && values[$0].isFinite }
            target = .values(kept.map { values[$0] })
        case .binary, .multiclass:
            var index: [String: Int32] = [:]
            for (i, name) in classNames.enumerated() { index[name] = Int32(i) }
            var indices: [Int32] = []
            for (row, label) in categoryStrings(column).enumerated() {
                guard let label else { continue }
                guard let c = index[label] else {
                    throw MLError.invalidInput("The target column '\(targetName)' holds '\(label)' (row \(row + 1)), which is not a class the model knows (\(classNames.joined(separator: ", "))).")
                }
                kept.append(row)
                indices.append(c)
            }
            target = .classes(indices: indices, names: classNames)
        }
        guard !kept.isEmpty else { throw MLError.invalidInput("The target column '\(targetName)' has no values.") }
        var evaluation = try evaluate(table.dropping([targetName]).gatheringRows(kept), target: target)
        evaluation = Evaluation(task: evaluation.task, rowCount: evaluation.rowCount,
                                droppedTargetRowCount: table.rowCount - kept.count, metrics: evaluation.metrics,
                                scores: evaluation.scores, confusionMatrix: evaluation.confusionMatrix,
                                residuals: evaluation.residuals, warnings: evaluation.warnings)
        return evaluation
    }

    /// Scores the model on feature rows `table` against `target` (already encoded with this
    /// model's classes).
    /// - Throws: `predict`'s errors and metric input errors.
    public func evaluate(_ table: DataTable, target: Target) throws -> Evaluation {
        let metrics = Metric.leaderboardMetrics(for: kind)
        let predictions = try predict(table, includingProbabilities: true)
        let scores: [Double?] = try metrics.map { metric in
            if metric.needsProbabilities && predictions.probabilities == nil { return nil }
            let v = try metric.evaluate(truth: target, prediction: predictions.prediction,
                                        probabilities: predictions.probabilities)
            return v.isFinite ? v : nil
        }
        var confusion: ConfusionMatrix?
        var residuals: ResidualSummary?
        switch (target, predictions.prediction) {
        case let (.classes(truth, names), .classes(predicted)):
            let m = try ClassificationMetrics.confusionMatrix(truth: truth, predicted: predicted, classCount: names.count)
            confusion = ConfusionMatrix(classNames: names, counts: m.map { $0.map { Int($0) } })
        case let (.values(truth), .values(predicted)):
            residuals = ResidualSummary(zip(truth, predicted).map { $0 - $1 })
        default:
            throw MLError.invalidInput("The model's predictions do not match the target's kind.")
        }
        return Evaluation(task: task, rowCount: target.count, droppedTargetRowCount: 0, metrics: metrics,
                          scores: scores, confusionMatrix: confusion, residuals: residuals,
                          warnings: predictions.warnings)
    }
}

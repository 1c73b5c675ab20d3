import Foundation
import MLCore
import MLModels

/// One metric of one leaderboard row: per-fold values, mean and population std.
public struct MetricScore: Sendable, Codable, Hashable {
    /// The metric.
    public let metric: Metric
    /// The mean over folds; `nil` when undefined in some fold or unavailable for this model.
    public let mean: Double?
    /// The standard deviation over folds (ddof 0, as PyCaret); `nil` like `mean`.
    public let standardDeviation: Double?
    /// The per-fold values, in fold order.
    public let folds: [Double?]
}

/// One model's row: PyCaret's `compare_models` grid line, or the error that stopped the model.
public struct LeaderboardRow: Sendable, Codable, Hashable {
    /// PyCaret's model ID ("lr").
    public let modelID: String
    /// The display name ("Logistic Regression").
    public let displayName: String
    /// One entry per leaderboard metric, in `Leaderboard.metrics` order (empty for a failed model).
    public let scores: [MetricScore]
    /// The mean fit time per fold in seconds (PyCaret's "TT (Sec)"); `nil` when timings are excluded.
    public var fitSeconds: Double?
    /// Why the model failed, or `nil`.
    public let error: String?

    /// True when every fold ran.
    public var succeeded: Bool { error == nil }

    /// The score entry of `metric`, if scored.
    public func score(_ metric: Metric) -> MetricScore? { scores.first { $0.metric == metric } }

    /// The mean of `metric` over folds.
    public func mean(_ metric: Metric) -> Double? { score(metric)?.mean }

    /// The population standard deviation of `metric` over folds.
    public func standardDeviation(_ metric: Metric) -> Double? { score(metric)?.standardDeviation }
}

/// The best model refitted on the whole training part and scored on the holdout part.
public struct HoldoutScore: Sendable, Codable, Hashable {
    /// The model's ID.
    public let modelID: String
    /// Its display name.
    public let displayName: String
    /// One value per leaderboard metric, in order (`nil` when undefined or unavailable).
    public let scores: [Double?]
    /// Seconds spent fitting; `nil` when timings are excluded.
    public var fitSeconds: Double?
    /// Why the refit failed, or `nil`.
    public let error: String?
}

/// The result of `compare`: one row per model, sorted by `sortMetric`, with the notes a reader
/// needs (dropped columns and rows) and the holdout score of the best model.
public struct Leaderboard: Sendable, Codable, Hashable {
    /// The task.
    public let task: Task
    /// The target column.
    public let targetName: String
    /// The metric columns, in PyCaret's order.
    public let metrics: [Metric]
    /// The metric the rows are sorted by.
    public let sortMetric: Metric
    /// The rows, best first; failed models last.
    public var rows: [LeaderboardRow]
    /// The best model's holdout score (`nil` when disabled or no model succeeded).
    public var holdout: HoldoutScore?
    /// Columns preprocessing left out on the training part, with reasons.
    public let droppedColumns: [DroppedColumn]
    /// Rows dropped because their target was missing.
    public let droppedTargetRowCount: Int
    /// The features the models saw (fitted on the whole training part).
    public let featureNames: [String]
    /// Warnings and notes in words, for display.
    public let notes: [String]
    /// The experiment's seed.
    public let seed: UInt64
    /// The number of folds.
    public let foldCount: Int
    /// Rows in the training part.
    public let trainRowCount: Int
    /// Rows in the holdout part.
    public let holdoutRowCount: Int
    /// Models a time budget or model timeout stopped before all their folds finished (`nil`: none).
    public var cutModels: [String]? = nil
    /// Models the global time budget left unstarted (`nil`: none).
    public var skippedModels: [String]? = nil
    /// `true` when cross-validation was off and rows are holdout scores (`nil`: cross-validated).
    public var isHoldoutOnly: Bool? = nil

    /// The top row, if it succeeded.
    public var best: LeaderboardRow? { rows.first.flatMap { $0.succeeded ? $0 : nil } }

    /// The leaderboard without timing fields, so two runs with the same seed compare equal.
    public var withoutTimings: Leaderboard {
        var copy = self
        for i in copy.rows.indices { copy.rows[i].fitSeconds = nil }
        copy.holdout?.fitSeconds = nil
        return copy
    }

    /// JSON with sorted keys (pretty-printed).
    /// - Parameter includingTimings: `false` leaves out every timing field, for byte-identical
    ///   determinism checks.
    public func jsonData(includingTimings: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(includingTimings ? self : withoutTimings)
    }
}

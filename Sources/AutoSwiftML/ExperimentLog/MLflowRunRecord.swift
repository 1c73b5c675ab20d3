import Foundation

/// One value of one metric at one step, as a line of an MLflow metric file:
/// `<timestamp ms> <value> <step>`.
public struct MLflowMetric: Sendable, Hashable {
    /// The metric's key (`accuracy`, `fit_seconds`).
    public var key: String
    /// The value (finite; non-finite values are not logged).
    public var value: Double
    /// The step (the fold index for per-fold metrics, 0 otherwise).
    public var step: Int
    /// Milliseconds since 1970 when the value was logged.
    public var timestamp: Int64

    /// A metric point.
    public init(key: String, value: Double, step: Int = 0, timestamp: Int64) {
        self.key = key
        self.value = value
        self.step = step
        self.timestamp = timestamp
    }

    /// The line MLflow's file store reads back (`FileStore._get_metric_from_line`), without newline.
    public var line: String { "\(timestamp) \(value) \(step)" }
}

/// A file logged with a run, stored under `artifacts/<path>`.
public struct MLflowArtifact: Sendable, Hashable {
    /// The path below `artifacts/`, with `/` between folders (`model/model.json`).
    public var path: String
    /// The file's bytes.
    public var data: Data

    /// An artifact.
    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// The final state of a run, as MLflow's `RunStatus` numbers it in `meta.yaml`.
public enum MLflowRunStatus: Int, Sendable, Hashable, CaseIterable {
    /// Still running (never written by us: a run is written when it has ended).
    case running = 1
    /// Ended normally.
    case finished = 3
    /// Ended with an error.
    case failed = 4
}

/// Everything about one finished run, ready to be written by `MLflowFileStore.write(_:)`.
public struct MLflowRunRecord: Sendable, Hashable {
    /// 32 lower-case hex digits.
    public var runID: String
    /// The experiment's ID (a decimal string).
    public var experimentID: String
    /// The run's name (`run_name` and the `mlflow.runName` tag).
    public var name: String
    /// The user (`user_id` and the `mlflow.user` tag).
    public var userID: String
    /// Milliseconds since 1970 when the run started.
    public var startTime: Int64
    /// Milliseconds since 1970 when the run ended.
    public var endTime: Int64
    /// How the run ended.
    public var status: MLflowRunStatus
    /// Parameters: key → value text.
    public var params: [String: String]
    /// Tags: key → value text (the `mlflow.*` system tags are added when written).
    public var tags: [String: String]
    /// Metric points, in logging order.
    public var metrics: [MLflowMetric]
    /// Files to store under `artifacts/`.
    public var artifacts: [MLflowArtifact]

    /// A run record without parameters, tags, metrics or artifacts.
    public init(runID: String, experimentID: String, name: String, userID: String, startTime: Int64,
                endTime: Int64, status: MLflowRunStatus = .finished, params: [String: String] = [:],
                tags: [String: String] = [:], metrics: [MLflowMetric] = [], artifacts: [MLflowArtifact] = []) {
        self.runID = runID
        self.experimentID = experimentID
        self.name = name
        self.userID = userID
        self.startTime = startTime
        self.endTime = endTime
        self.status = status
        self.params = params
        self.tags = tags
        self.metrics = metrics
        self.artifacts = artifacts
    }

    /// Adds a metric point at the run's end time; `nil` and non-finite values are skipped
    /// (MLflow cannot show them and they mean "undefined" here).
    public mutating func addMetric(_ key: String, _ value: Double?, step: Int = 0) {
        guard let value, value.isFinite else { return }
        metrics.append(MLflowMetric(key: key, value: value, step: step, timestamp: endTime))
    }
}

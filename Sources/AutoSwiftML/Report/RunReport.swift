import MLCore
import MLData
import MLModels

/// The run report of `automl compare`, `train` or `tune`: what data was used, what the checks
/// found, the leaderboard or tuning summary, the holdout scores and the charts. Rendered to
/// Markdown (`markdown(chartLinks:)`) and to self-contained HTML (`html`), and written into a
/// folder by `ReportWriter`.
public struct RunReport: Sendable {
    /// The heading ("Compare: titanic.csv → Survived").
    public var title: String
    /// The data summary, if known.
    public var data: DataSummary?
    /// The data-check findings (before and after training), in report order.
    public var warnings: [DataWarning]
    /// Further notes in words (preprocessing notes, failed models).
    public var notes: [String]
    /// The leaderboard (compare).
    public var leaderboard: Leaderboard?
    /// The tuning summary (tune).
    public var tuning: TuneSummary?
    /// The holdout scores of the model the charts describe.
    public var holdout: HoldoutMetrics?
    /// The charts, in display order (file names must be distinct).
    public var charts: [Chart]

    /// A report from its parts.
    public init(title: String, data: DataSummary? = nil, warnings: [DataWarning] = [], notes: [String] = [],
                leaderboard: Leaderboard? = nil, tuning: TuneSummary? = nil, holdout: HoldoutMetrics? = nil,
                charts: [Chart] = []) {
        self.title = title
        self.data = data
        self.warnings = warnings
        self.notes = notes
        self.leaderboard = leaderboard
        self.tuning = tuning
        self.holdout = holdout
        self.charts = charts
    }
}

/// What the report says about the input data.
public struct DataSummary: Sendable, Hashable {
    /// The data file as given.
    public var file: String
    /// Rows in the file.
    public var rowCount: Int
    /// Columns in the file.
    public var columnCount: Int
    /// The target column.
    public var targetName: String
    /// The task.
    public var task: Task
    /// One entry per column of the file (type, missing and distinct counts, ID-like flag).
    public var columns: [ColumnSchema]
    /// Columns preprocessing left out, with reasons.
    public var droppedColumns: [DroppedColumn]
    /// Rows dropped because their target was missing.
    public var droppedTargetRowCount: Int
    /// Rows in the training part.
    public var trainRowCount: Int
    /// Rows in the holdout (or test) part.
    public var holdoutRowCount: Int
    /// Cross-validation folds (0 when none were used).
    public var foldCount: Int
    /// The seed.
    public var seed: UInt64

    /// A summary from its parts.
    public init(file: String, rowCount: Int, columnCount: Int, targetName: String, task: Task, columns: [ColumnSchema],
                droppedColumns: [DroppedColumn], droppedTargetRowCount: Int, trainRowCount: Int, holdoutRowCount: Int,
                foldCount: Int, seed: UInt64) {
        self.file = file
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.targetName = targetName
        self.task = task
        self.columns = columns
        self.droppedColumns = droppedColumns
        self.droppedTargetRowCount = droppedTargetRowCount
        self.trainRowCount = trainRowCount
        self.holdoutRowCount = holdoutRowCount
        self.foldCount = foldCount
        self.seed = seed
    }

    /// The summary of an experiment on `table` read from `file`.
    /// - Parameters:
    ///   - table: the table as read (with the target column).
    ///   - schema: the schema the reader inferred; `nil` infers it from `table`.
    ///   - droppedColumns: columns preprocessing left out (`Leaderboard.droppedColumns`, or the
    ///     trained pipeline's); empty when unknown.
    ///   - usesFolds: false for `train`, whose experiment folds are not used.
    public init(file: String, table: DataTable, schema: Schema?, experiment: Experiment,
                droppedColumns: [DroppedColumn] = [], usesFolds: Bool = true) {
        self.init(file: file, rowCount: table.rowCount, columnCount: table.columnCount, targetName: experiment.targetName,
                  task: experiment.task, columns: (schema ?? Schema(of: table)).columns, droppedColumns: droppedColumns,
                  droppedTargetRowCount: experiment.droppedTargetRowCount, trainRowCount: experiment.trainRows.count,
                  holdoutRowCount: experiment.holdoutRows.count, foldCount: usesFolds ? experiment.folds.count : 0,
                  seed: experiment.config.seed)
    }
}

/// Holdout scores of one model, in leaderboard metric order.
public struct HoldoutMetrics: Sendable, Hashable {
    /// The model ("Logistic Regression (lr)").
    public var modelName: String
    /// What was scored ("268 holdout rows").
    public var scoredOn: String
    /// What the model was fitted on ("the training part", "every row of train.csv").
    public var fittedOn: String
    /// The metrics.
    public var metrics: [Metric]
    /// One value per metric (`nil` when undefined).
    public var scores: [Double?]
    /// The error that stopped the refit, if any.
    public var error: String?

    /// Holdout metrics from their parts.
    public init(modelName: String, scoredOn: String, fittedOn: String = "the training part", metrics: [Metric],
                scores: [Double?], error: String? = nil) {
        self.modelName = modelName
        self.scoredOn = scoredOn
        self.fittedOn = fittedOn
        self.metrics = metrics
        self.scores = scores
        self.error = error
    }
}

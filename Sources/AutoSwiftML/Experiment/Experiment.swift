import MLCore
import MLData
import MLModels

/// A prepared experiment (PyCaret's `setup`): the target encoded, the rows split into a training
/// part and a holdout part, and the training part cut into folds. A plain value; nothing global.
///
///     let experiment = try Experiment(table: table, targetColumn: "Survived")
///     let board = try compare(experiment)
public struct Experiment: Sendable {
    /// The configuration.
    public let config: ExperimentConfig
    /// The target column's name.
    public let targetName: String
    /// The task (given or inferred).
    public let task: Task
    /// Rows dropped because their target was missing.
    public let droppedTargetRowCount: Int
    /// The training part's feature columns (no target column).
    public let trainTable: DataTable
    /// The training part's target.
    public let trainTarget: Target
    /// The holdout part's feature columns.
    public let holdoutTable: DataTable
    /// The holdout part's target.
    public let holdoutTarget: Target
    /// The source table's rows in the training part, ascending.
    public let trainRows: [Int]
    /// The source table's rows in the holdout part, ascending.
    public let holdoutRows: [Int]
    /// The cross-validation folds, as row indices into `trainTable`.
    public let folds: [Fold]

    /// The problem kind.
    public var kind: ProblemKind { task.kind }
    /// The class names (empty for regression).
    public var classNames: [String] {
        if case let .classes(_, names) = trainTarget { return names }
        return []
    }
    /// The stream cross-validation and models draw from (`seed` → `RandomKeys.models`).
    public var modelStream: RandomStream { RandomStream(seed: config.seed).split(RandomKeys.models) }

    /// Sets up an experiment on `table` with target column `targetColumn`.
    /// - Parameter task: forces classification (`.binary`/`.multiclass`) or `.regression`; `nil` infers it.
    /// - Throws: `MLError.invalidInput` listing the available columns when `targetColumn` is unknown,
    ///   or when the target, split or folds cannot be made (too few rows or class members).
    public init(table: DataTable, targetColumn: String, task: Task? = nil,
                config: ExperimentConfig = ExperimentConfig()) throws {
        guard let column = table.column(named: targetColumn) else {
            throw MLError.invalidInput("Unknown target column '\(targetColumn)'. Available columns: \(table.columnNames.joined(separator: ", ")).")
        }
        guard table.columnCount >= 2 else {
            throw MLError.invalidInput("The table has no feature column besides the target '\(targetColumn)'.")
        }
        try config.preprocessing.validate()
        let encoded = try LabelEncoder.encode(column, task: task)
        let groups = try Experiment.groupKeys(table: table, targetColumn: targetColumn, folds: config.folds)
            .map { keys in encoded.keptRows.map { keys[$0] } }
        var excluded = [targetColumn]
        if groups != nil, let name = config.folds.groupColumn { excluded.append(name) }
        let features = table.dropping(Set(excluded)).gatheringRows(encoded.keptRows)
        let root = RandomStream(seed: config.seed)

        var splitStream = root.split(RandomKeys.holdout)
        var classes: [Int32]?
        if case let .classes(indices, _) = encoded.target, config.split.isStratified { classes = indices }
        let splitter = TrainTestSplit(trainFraction: config.split.trainFraction)
        let split: (train: [Int], holdout: [Int])
        switch config.folds.strategy {
        case .timeSeries:
            split = try splitter.orderedSplit(rowCount: encoded.keptRows.count)
        case .group:
            split = try splitter.groupSplit(groups: groups ?? [], using: &splitStream)
        case .stratified, .kfold:
            split = try splitter.split(rowCount: encoded.keptRows.count, classes: classes, using: &splitStream)
        }

        let trainTarget = encoded.target.gathering(split.train)
        var foldStream = root.split(RandomKeys.folds)
        let folds: [Fold]
        if config.folds.strategy == .timeSeries {
            folds = try TimeSeriesSplit(foldCount: config.folds.count).folds(rowCount: split.train.count)
        } else if config.folds.strategy == .group, let groups {
            folds = try GroupKFold(foldCount: config.folds.count).folds(groups: split.train.map { groups[$0] })
        } else if case let .classes(indices, names) = trainTarget, config.folds.strategy == .stratified {
            folds = try StratifiedKFold(foldCount: config.folds.count, shuffles: config.folds.shuffles)
                .folds(classes: indices, classNames: names, using: &foldStream)
        } else {
            folds = try KFold(foldCount: config.folds.count, shuffles: config.folds.shuffles)
                .folds(rowCount: split.train.count, using: &foldStream)
        }

        self.config = config
        self.targetName = targetColumn
        self.task = encoded.task
        self.droppedTargetRowCount = encoded.droppedRowCount
        self.trainTable = features.gatheringRows(split.train)
        self.trainTarget = trainTarget
        self.holdoutTable = features.gatheringRows(split.holdout)
        self.holdoutTarget = encoded.target.gathering(split.holdout)
        self.trainRows = split.train.map { encoded.keptRows[$0] }
        self.holdoutRows = split.holdout.map { encoded.keptRows[$0] }
        self.folds = folds
    }

    /// The group key of every row of `table` when `folds.strategy` is `.group` (missing values form
    /// one group), else `nil`.
    /// - Throws: `MLError.invalidInput` when the group column is not given, unknown, or the target.
    static func groupKeys(table: DataTable, targetColumn: String, folds: FoldConfig) throws -> [String]? {
        guard folds.strategy == .group else { return nil }
        guard let name = folds.groupColumn else {
            throw MLError.invalidInput("The group fold strategy needs a group column (FoldConfig.groupColumn, --group COL).")
        }
        guard name != targetColumn else {
            throw MLError.invalidInput("The group column '\(name)' is the target; choose another column.")
        }
        guard let column = table.column(named: name) else {
            throw MLError.invalidInput("Unknown group column '\(name)'. Available columns: \(table.columnNames.joined(separator: ", ")).")
        }
        let missing = "\u{0}missing"
        switch column.data {
        case let .numeric(values, isMissing):
            return values.indices.map { isMissing[$0] ? missing : "\(values[$0])" }
        case let .categorical(codes, levels):
            return codes.map { $0 >= 0 && Int($0) < levels.count ? levels[Int($0)] : missing }
        case let .boolean(values, isMissing):
            return values.indices.map { isMissing[$0] ? missing : "\(values[$0])" }
        case let .text(strings):
            return strings.map { $0 ?? missing }
        }
    }
}

extension Experiment {
    /// Cross-validates one estimator on this experiment's training part and folds, with the same
    /// streams `compare` uses (so the fold scores equal its leaderboard row's).
    /// - Parameter metrics: `nil` scores the leaderboard metrics of the problem kind.
    /// - Throws: the first failing fold's error.
    public func crossValidate(_ estimator: any Estimator, metrics: [Metric]? = nil) throws -> CrossValidationResult {
        try AutoSwiftML.crossValidate(estimator: estimator, preprocessing: config.preprocessing, table: trainTable,
                                      target: trainTarget, folds: folds,
                                      metrics: metrics ?? Metric.leaderboardMetrics(for: kind),
                                      rng: modelStream, threads: config.resolvedThreadCount)
    }
}

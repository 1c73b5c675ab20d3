import Dispatch
import MLCore
import MLData
import MLModels

/// A model fitted on the training part of an experiment and scored on its holdout part.
public struct TrainingReport: Sendable {
    /// The trained model (fitted on the training part, or on every row for `TrainedModel.fit`).
    public let model: TrainedModel
    /// The holdout scores, `nil` when there was no holdout.
    public let holdout: Evaluation?
    /// Seconds spent fitting preprocessing and the model.
    public let fitSeconds: Double
}

/// Refits preprocessing and the model `modelID` on every row of the experiment (training and
/// holdout parts), as PyCaret's `finalize_model`: the model to save once it has been chosen.
///
/// Preprocessing draws from `modelStream.split(RandomKeys.preprocessing).split("final")`, the
/// model from `modelStream.split(modelID).split("final")`.
/// - Throws: `MLError.invalidInput` for a model ID unknown for the experiment's problem kind; the
///   preprocessing's or estimator's errors.
/// - Complexity: preprocessing + one fit on all rows.
public func finalize(_ experiment: Experiment, modelID: String) throws -> TrainedModel {
    let spec = try ModelRegistry.requireSpec(id: modelID, kind: experiment.kind)
    return try finalize(experiment, estimator: spec.make())
}

/// Refits preprocessing and `estimator` on every row of the experiment (see `finalize(_:modelID:)`).
/// - Throws: `MLError.invalidInput` when the estimator is not registered for the problem kind
///   (only registered models can be saved and loaded); fitting errors.
public func finalize(_ experiment: Experiment, estimator: any Estimator) throws -> TrainedModel {
    let spec = try ModelRegistry.requireSpec(for: estimator, kind: experiment.kind)
    let rows = experiment.trainRows + experiment.holdoutRows
    // Back to file order, so order-dependent rules (ID-like counters) see the rows as in the file.
    let order = rows.indices.sorted { rows[$0] < rows[$1] }
    let table = try experiment.trainTable.appendingRows(of: experiment.holdoutTable).gatheringRows(order)
    let target = try experiment.trainTarget.appending(experiment.holdoutTarget).gathering(order)
    let stream = experiment.modelStream
    let fitted = try fitTrainedModel(
        table: table, target: target, targetName: experiment.targetName, task: experiment.task,
        estimator: estimator, spec: spec, preprocessing: experiment.config.preprocessing,
        preprocessingStream: stream.split(RandomKeys.preprocessing).split("final"),
        modelStream: stream.split(spec.id).split("final"),
        fingerprintRows: .all, seed: experiment.config.seed, createdBy: "finalize")
    return fitted.model
}

/// Fits preprocessing and the model `modelID` on the experiment's training part and scores its
/// holdout part, with the same streams `compare` uses for its holdout row, so the scores agree.
/// - Throws: as `finalize(_:modelID:)`.
public func train(_ experiment: Experiment, modelID: String) throws -> TrainingReport {
    let spec = try ModelRegistry.requireSpec(id: modelID, kind: experiment.kind)
    return try train(experiment, estimator: spec.make())
}

/// Fits preprocessing and `estimator` on the experiment's training part and scores the holdout
/// part with the leaderboard metrics.
/// - Throws: as `finalize(_:estimator:)`.
/// - Complexity: preprocessing + one fit + one prediction.
public func train(_ experiment: Experiment, estimator: any Estimator) throws -> TrainingReport {
    let spec = try ModelRegistry.requireSpec(for: estimator, kind: experiment.kind)
    let stream = experiment.modelStream
    let fitted = try fitTrainedModel(
        table: experiment.trainTable, target: experiment.trainTarget, targetName: experiment.targetName,
        task: experiment.task, estimator: estimator, spec: spec, preprocessing: experiment.config.preprocessing,
        preprocessingStream: stream.split(RandomKeys.preprocessing).split("holdout"),
        modelStream: stream.split(spec.id).split("holdout"),
        fingerprintRows: .trainingPart, seed: experiment.config.seed, createdBy: "train")
    var model = fitted.model
    let holdout = try model.evaluate(experiment.holdoutTable, target: experiment.holdoutTarget)
    model.fingerprint.holdoutRowCount = experiment.holdoutTable.rowCount
    model.fingerprint.holdoutMetrics = holdout.metricDictionary
    return TrainingReport(model: model, holdout: holdout, fitSeconds: fitted.seconds)
}

extension TrainedModel {
    /// `fit(table:targetColumn:task:estimator:config:)` with the problem kind forced (`nil` infers
    /// it), as `automl --task` does: classification becomes binary or multiclass from the number
    /// of distinct target values.
    /// - Throws: as `fit(table:targetColumn:task:estimator:config:)`.
    public static func fit(table: DataTable, targetColumn: String, kind: ProblemKind?, estimator: any Estimator,
                           config: ExperimentConfig = ExperimentConfig()) throws -> TrainingReport {
        let task = Task.forcing(kind, target: table.column(named: targetColumn))
        return try fit(table: table, targetColumn: targetColumn, task: task, estimator: estimator, config: config)
    }

    /// Fits preprocessing and `estimator` on every row of `table` (no holdout), with the streams
    /// of `config.seed` that `finalize` uses.
    /// - Parameters:
    ///   - targetColumn: the column to predict; rows where it is missing are dropped.
    ///   - task: forces the task; `nil` infers it as `Experiment` does.
    /// - Throws: `MLError.invalidInput` for an unknown target column or an unregistered estimator;
    ///   fitting errors.
    public static func fit(table: DataTable, targetColumn: String, task: Task? = nil, estimator: any Estimator,
                           config: ExperimentConfig = ExperimentConfig()) throws -> TrainingReport {
        let column = try table.requireColumn(targetColumn)
        try config.preprocessing.validate()
        let encoded = try LabelEncoder.encode(column, task: task)
        let spec = try ModelRegistry.requireSpec(for: estimator, kind: encoded.task.kind)
        let features = table.dropping([targetColumn]).gatheringRows(encoded.keptRows)
        guard features.columnCount > 0 else {
            throw MLError.invalidInput("The table has no feature column besides the target '\(targetColumn)'.")
        }
        let stream = RandomStream(seed: config.seed).split(RandomKeys.models)
        let fitted = try fitTrainedModel(
            table: features, target: encoded.target, targetName: targetColumn, task: encoded.task,
            estimator: estimator, spec: spec, preprocessing: config.preprocessing,
            preprocessingStream: stream.split(RandomKeys.preprocessing).split("final"),
            modelStream: stream.split(spec.id).split("final"),
            fingerprintRows: .all, seed: config.seed, createdBy: "fit")
        return TrainingReport(model: fitted.model, holdout: nil, fitSeconds: fitted.seconds)
    }
}

/// The one fitting path of the life cycle: preprocessing on `table`, then the estimator.
private func fitTrainedModel(table: DataTable, target: Target, targetName: String, task: Task,
                             estimator: any Estimator, spec: ModelSpec, preprocessing: PreprocessingConfig,
                             preprocessingStream: RandomStream, modelStream: RandomStream,
                             fingerprintRows: TrainingFingerprint.Rows, seed: UInt64,
                             createdBy: String) throws -> (model: TrainedModel, seconds: Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let (pipeline, features) = try preprocessing.fitTransform(table, target: target, using: preprocessingStream)
    var stream = modelStream
    let data = TrainingData(features: features, target: target, featureNames: pipeline.featureNames)
    let model = try estimator.fitErased(data, using: &stream)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
    var classNames: [String] = []
    if case let .classes(_, names) = target { classNames = names }
    let fingerprint = TrainingFingerprint(
        tableSHA256: TableDigest.sha256(of: table, target: target, targetName: targetName),
        rows: fingerprintRows, rowCount: table.rowCount, seed: seed)
    let trained = try TrainedModel(schema: ModelSchema(pipeline: pipeline), targetName: targetName, task: task,
                                   classNames: classNames, pipeline: pipeline, entry: EstimatorEntry(spec),
                                   estimator: estimator, model: model, fingerprint: fingerprint, createdBy: createdBy)
    return (trained, seconds)
}

extension ModelRegistry {
    /// The entry with `id` for `kind`.
    /// - Throws: `MLError.invalidInput` listing the available IDs.
    public static func requireSpec(id: String, kind: ProblemKind) throws -> ModelSpec {
        guard let spec = spec(id: id, kind: kind) else {
            throw MLError.invalidInput("Unknown \(kind.rawValue) model '\(id)'. Available models: \(models(for: kind).map(\.id).joined(separator: ", ")).")
        }
        return spec
    }

    /// The entry whose estimator type is `estimator`'s, for `kind`.
    /// - Throws: `MLError.invalidInput` when no registered model of `kind` has that type.
    public static func requireSpec(for estimator: any Estimator, kind: ProblemKind) throws -> ModelSpec {
        let type = type(of: estimator)
        let typeName = String(describing: type)
        guard let spec = all.first(where: { $0.kind == kind && $0.id == type.id && $0.typeName == typeName }) else {
            throw MLError.invalidInput("\(typeName) ('\(type.id)') is not a registered \(kind.rawValue) model, so it cannot be trained for a model file.")
        }
        return spec
    }
}

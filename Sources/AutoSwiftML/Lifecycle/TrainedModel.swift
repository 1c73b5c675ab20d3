import MLCore
import MLData
import MLModels

/// Which registry entry a trained model comes from: enough to find its estimator and model types
/// again when a model file is read.
public struct EstimatorEntry: Sendable, Codable, Hashable {
    /// Classification or regression.
    public let kind: ProblemKind
    /// The model ID ("lr").
    public let id: String
    /// The estimator type's name ("LogisticRegression"), `ModelSpec.typeName`.
    public let typeName: String

    /// An entry.
    public init(kind: ProblemKind, id: String, typeName: String) {
        self.kind = kind
        self.id = id
        self.typeName = typeName
    }

    /// The entry of `spec`.
    public init(_ spec: ModelSpec) {
        self.init(kind: spec.kind, id: spec.id, typeName: spec.typeName)
    }

    /// The registry entry with this kind and ID, if this build knows it.
    public var spec: ModelSpec? { ModelRegistry.spec(id: id, kind: kind) }
}

/// A fitted preprocessing pipeline and model with everything needed to use them on new data: the
/// input schema, the target, the estimator's hyperparameters and a training fingerprint.
///
/// Made by `finalize` or `train`; saved and loaded with `ModelFile` (JSON, never pickles).
///
///     let model = try finalize(experiment, modelID: "lr")
///     try ModelFile.save(model, to: URL(fileURLWithPath: "model.json"))
///     let predictions = try ModelFile.load(from: url).predict(newTable)
public struct TrainedModel: Sendable {
    /// The input columns at training time.
    public let schema: ModelSchema
    /// The target column's name.
    public let targetName: String
    /// The task.
    public let task: Task
    /// The class labels, in model order (empty for regression).
    public let classNames: [String]
    /// The preprocessing fitted on the training rows.
    public let pipeline: FittedPipeline
    /// The registry entry of the estimator.
    public let entry: EstimatorEntry
    /// The estimator (its hyperparameters).
    public let estimator: any Estimator
    /// The fitted model.
    public let model: any FittedModel
    /// What the model was trained on.
    public var fingerprint: TrainingFingerprint
    /// Who made it (for example `"automl train"`); written into model files.
    public var createdBy: String

    /// A trained model from its parts.
    /// - Throws: `MLError.invalidInput` when the parts do not fit together (see `checkConsistency`).
    public init(schema: ModelSchema, targetName: String, task: Task, classNames: [String], pipeline: FittedPipeline,
                entry: EstimatorEntry, estimator: any Estimator, model: any FittedModel,
                fingerprint: TrainingFingerprint, createdBy: String) throws {
        self.schema = schema
        self.targetName = targetName
        self.task = task
        self.classNames = classNames
        self.pipeline = pipeline
        self.entry = entry
        self.estimator = estimator
        self.model = model
        self.fingerprint = fingerprint
        self.createdBy = createdBy
        try checkConsistency()
    }

    /// The problem kind.
    public var kind: ProblemKind { task.kind }

    /// Checks that the parts agree: schema and pipeline name the same columns, the model takes as
    /// many features as the pipeline makes, the classes fit the task, and the estimator matches
    /// the registry entry.
    /// - Throws: `MLError.invalidInput` describing the first disagreement.
    public func checkConsistency() throws {
        let schemaNames = schema.columns.map(\.name)
        guard Set(schemaNames).count == schemaNames.count else {
            throw MLError.invalidInput("The schema lists a column twice.")
        }
        guard schemaNames == pipeline.inputColumns.map(\.name) else {
            throw MLError.invalidInput("The schema's columns (\(schemaNames.joined(separator: ", "))) differ from the preprocessing's input columns (\(pipeline.inputColumns.map(\.name).joined(separator: ", "))).")
        }
        let known = Set(schemaNames)
        for e in pipeline.encodings where !known.contains(e.columnName) {
            throw MLError.invalidInput("The preprocessing encodes column '\(e.columnName)', which the schema does not list.")
        }
        guard !schemaNames.contains(targetName) else {
            throw MLError.invalidInput("The target '\(targetName)' is also listed as an input column.")
        }
        guard model.featureCount == pipeline.featureCount else {
            throw MLError.invalidInput("The model takes \(model.featureCount) features but the preprocessing makes \(pipeline.featureCount).")
        }
        guard task.kind == entry.kind else {
            throw MLError.invalidInput("The task \(task.rawValue) does not match the \(entry.kind.rawValue) estimator '\(entry.id)'.")
        }
        switch task {
        case .regression:
            guard classNames.isEmpty else { throw MLError.invalidInput("A regression model lists classes.") }
        case .binary:
            guard classNames.count == 2 else {
                throw MLError.invalidInput("A binary model needs 2 classes; it lists \(classNames.count).")
            }
        case .multiclass:
            guard classNames.count >= 3 else {
                throw MLError.invalidInput("A multiclass model needs at least 3 classes; it lists \(classNames.count).")
            }
        }
        guard Set(classNames).count == classNames.count else {
            throw MLError.invalidInput("The class labels repeat: \(classNames.joined(separator: ", ")).")
        }
        if task.isClassification, let p = model as? any ProbabilisticModel, p.classCount != classNames.count {
            throw MLError.invalidInput("The model gives probabilities for \(p.classCount) classes but \(classNames.count) class labels are listed.")
        }
        let estimatorType = type(of: estimator)
        guard estimatorType.id == entry.id, String(describing: estimatorType) == entry.typeName else {
            throw MLError.invalidInput("The estimator \(String(describing: estimatorType)) ('\(estimatorType.id)') does not match the entry \(entry.typeName) ('\(entry.id)').")
        }
    }

    /// Predicts every row of `table`, row-aligned.
    ///
    /// The table must hold every feature column of `schema` (extra columns, including the target,
    /// are ignored). Columns are converted to their training types when possible (a boolean column
    /// read as text, numbers read as text); an unseen category is encoded as in training (zeros
    /// for one-hot, the training mean for target encoding) and reported in `warnings`.
    /// - Parameter includingProbabilities: also predict class probabilities when the model gives them.
    /// - Throws: `MLError.invalidInput` naming a missing column, a value that cannot have the
    ///   training type, or an empty table; the model's own errors.
    /// - Complexity: O(rows × features) plus the model's prediction.
    public func predict(_ table: DataTable, includingProbabilities: Bool = true) throws -> Predictions {
        let prepared = try schema.prepare(table)
        let features = try pipeline.transform(prepared.table)
        let prediction = try model.predict(features)
        guard prediction.count == table.rowCount else {
            throw MLError.shapeMismatch(expected: "\(table.rowCount) predictions", got: "\(prediction.count)")
        }
        var probabilities: Matrix?
        // A model type shared by classifiers and regressors (trees) conforms to ProbabilisticModel
        // either way; only a classification task has probabilities.
        if includingProbabilities, task.isClassification, let p = model as? any ProbabilisticModel {
            probabilities = try p.predictProbabilities(features)
        }
        if case let .classes(c) = prediction, c.contains(where: { $0 < 0 || Int($0) >= classNames.count }) {
            throw MLError.invalidInput("The model predicted a class index outside 0..<\(classNames.count).")
        }
        return Predictions(prediction: prediction, classNames: classNames, probabilities: probabilities,
                           warnings: prepared.warnings)
    }
}

/// Predictions for a table, one per row, in row order.
public struct Predictions: Sendable, Equatable {
    /// The raw prediction: class indices into `classNames`, or values.
    public let prediction: Prediction
    /// The class labels (empty for regression).
    public let classNames: [String]
    /// Class probabilities, one row per input row and one column per class in `classNames` order;
    /// `nil` for regression, for models without probabilities, or when not asked for.
    public let probabilities: Matrix?
    /// Notes about the input (unseen categories), one sentence each.
    public let warnings: [String]

    /// The number of rows.
    public var count: Int { prediction.count }

    /// The predicted class labels, or the predicted values formatted to round-trip.
    public var labels: [String] {
        switch prediction {
        case let .classes(c): return c.map { classNames[Int($0)] }
        case let .values(v): return v.map { "\($0)" }
        }
    }
}

import Dispatch
import MLCore
import MLData
import MLModels

/// One fold's scores.
public struct FoldResult: Sendable, Codable, Hashable {
    /// The fold's index.
    public let foldIndex: Int
    /// One value per metric of the run (aligned with `CrossValidationResult.metrics`); `nil` when
    /// the metric is undefined here (NaN) or needs probabilities the model does not give.
    public let scores: [Double?]
    /// Seconds spent in `fit`.
    public let fitSeconds: Double
    /// Seconds spent predicting the validation rows.
    public let predictSeconds: Double
}

/// The outcome of `crossValidate`: per-fold scores and timings, and the pipeline fitted per fold.
public struct CrossValidationResult: Sendable, Codable {
    /// The estimator's model ID.
    public let modelID: String
    /// The metrics scored, in order.
    public let metrics: [Metric]
    /// One entry per fold, in fold order.
    public let folds: [FoldResult]
    /// The preprocessing fitted on each fold's training rows, in fold order.
    public let pipelines: [FittedPipeline]

    /// The values of `metric` across folds (empty when it was not scored).
    public func values(of metric: Metric) -> [Double?] {
        guard let k = metrics.firstIndex(of: metric) else { return [] }
        return folds.map { $0.scores[k] }
    }

    /// The mean of `metric` over folds; `nil` when a fold has no value or it was not scored.
    public func mean(_ metric: Metric) -> Double? {
        let v = values(of: metric)
        guard !v.isEmpty, !v.contains(where: { $0 == nil }) else { return nil }
        return Stats.mean(v.compactMap { $0 })
    }

    /// The population standard deviation (ddof 0, as PyCaret) of `metric` over folds.
    public func standardDeviation(_ metric: Metric) -> Double? {
        let v = values(of: metric)
        guard !v.isEmpty, !v.contains(where: { $0 == nil }) else { return nil }
        return Stats.standardDeviation(v.compactMap { $0 }, ddof: 0)
    }
}

/// One fold, preprocessed: the pipeline fitted on its training rows and both parts transformed.
public struct PreparedFold: Sendable {
    /// The fitted preprocessing.
    public let pipeline: FittedPipeline
    /// The training features (target-encoded columns out-of-fold) and target.
    public let train: TrainingData
    /// The validation features.
    public let validationFeatures: Matrix
    /// The validation target.
    public let validationTarget: Target
}

/// Fits `preprocessing` on the training rows of one fold only and transforms both parts.
/// - Parameters:
///   - table: the feature columns (no target column), one row per target entry.
///   - rng: the cross-validation stream; the pipeline uses `rng.split(RandomKeys.preprocessing).split(foldIndex)`.
/// - Throws: `MLError` for out-of-range rows or a preprocessing failure.
public func prepareFold(_ fold: Fold, foldIndex: Int, preprocessing: PreprocessingConfig, table: DataTable,
                        target: Target, rng: RandomStream) throws -> PreparedFold {
    guard target.count == table.rowCount else {
        throw MLError.shapeMismatch(expected: "\(table.rowCount) target values", got: "\(target.count)")
    }
    let rows = fold.train + fold.validation
    guard rows.allSatisfy({ $0 >= 0 && $0 < table.rowCount }) else {
        throw MLError.invalidInput("Fold \(foldIndex) has a row index outside 0..<\(table.rowCount).")
    }
    guard !fold.train.isEmpty, !fold.validation.isEmpty else {
        throw MLError.invalidInput("Fold \(foldIndex) has an empty training or validation part.")
    }
    let trainTarget = target.gathering(fold.train)
    let (pipeline, trainFeatures) = try preprocessing.fitTransform(
        table.gatheringRows(fold.train), target: trainTarget,
        using: rng.split(RandomKeys.preprocessing).split(UInt64(foldIndex)))
    let validationFeatures = try pipeline.transform(table.gatheringRows(fold.validation))
    return PreparedFold(pipeline: pipeline,
                        train: TrainingData(features: trainFeatures, target: trainTarget,
                                            featureNames: pipeline.featureNames),
                        validationFeatures: validationFeatures,
                        validationTarget: target.gathering(fold.validation))
}

/// Fits `estimator` on a prepared fold and scores its validation part: THE fold step that
/// `crossValidate` and `compare` share.
///
/// The model is fitted with `rng.split(modelID).split(foldIndex)`; probabilities are predicted
/// when the model is a `ProbabilisticModel` and a metric needs them.
/// - Parameters:
///   - sampleWeights: weights of the fold's training rows (e.g. balanced class weights), or `nil`.
///   - interruption: handed to the model in `TrainingData.interruption` and bound as
///     `Interruption.current` around `fit`; checked again after `fit`.
/// - Throws: whatever the estimator's `fit` or `predict` throws, a metric's input error, or
///   `MLError.budgetExceeded` when `interruption` stopped the fit.
public func scoreFold(estimator: any Estimator, prepared: PreparedFold, foldIndex: Int, metrics: [Metric],
                      rng: RandomStream, sampleWeights: [Double]? = nil,
                      interruption: Interruption? = nil) throws -> FoldResult {
    let modelID = type(of: estimator).id
    var modelStream = rng.split(modelID).split(UInt64(foldIndex))
    var data = prepared.train
    if let sampleWeights { data.sampleWeights = sampleWeights }
    data.interruption = interruption
    let fitStart = DispatchTime.now().uptimeNanoseconds
    let model: any FittedModel
    // Cells already run in parallel: a model inside one does not start threads of its own.
    if let interruption {
        try interruption.check()
        model = try interruption.bind { try Parallel.withThreadLimit(1) { try estimator.fitErased(data, using: &modelStream) } }
        try interruption.check()
    } else {
        model = try Parallel.withThreadLimit(1) { try estimator.fitErased(data, using: &modelStream) }
    }
    let fitEnd = DispatchTime.now().uptimeNanoseconds
    let scores = try predictAndScore(model, features: prepared.validationFeatures,
                                     truth: prepared.validationTarget, metrics: metrics)
    let predictEnd = DispatchTime.now().uptimeNanoseconds
    return FoldResult(foldIndex: foldIndex, scores: scores,
                      fitSeconds: Double(fitEnd &- fitStart) / 1e9,
                      predictSeconds: Double(predictEnd &- fitEnd) / 1e9)
}

/// Predicts `features` with `model` and scores every metric against `truth` (`nil` for NaN or for
/// a probability metric the model cannot serve).
public func predictAndScore(_ model: any FittedModel, features: Matrix, truth: Target,
                            metrics: [Metric]) throws -> [Double?] {
    let prediction = try model.predict(features)
    var probabilities: Matrix?
    if metrics.contains(where: \.needsProbabilities), let probabilistic = model as? any ProbabilisticModel {
        probabilities = try probabilistic.predictProbabilities(features)
    }
    return try metrics.map { metric in
        if metric.needsProbabilities && probabilities == nil { return nil }
        let v = try metric.evaluate(truth: truth, prediction: prediction, probabilities: probabilities)
        return v.isFinite ? v : nil
    }
}

/// Cross-validates `estimator`: THE cross-validation loop.
///
/// For each fold, the preprocessing is fitted on the fold's training rows only, both parts are
/// transformed, the model is fitted with `rng.split(modelID).split(foldIndex)` and the validation
/// part is scored with `Metric.evaluate`.
///
///     let root = RandomStream(seed: 123).split(RandomKeys.models)
///     let cv = try crossValidate(estimator: LogisticRegression(), preprocessing: .init(), table: x,
///                                target: y, folds: folds, metrics: [.accuracy], rng: root)
/// - Parameters:
///   - table: the feature columns (without the target), one row per target entry.
///   - threads: folds run in parallel on up to this many threads; results do not depend on it.
/// - Throws: the first fold's error, in fold order.
/// - Complexity: folds × (preprocessing + fit + predict).
public func crossValidate(estimator: any Estimator, preprocessing: PreprocessingConfig, table: DataTable,
                          target: Target, folds: [Fold], metrics: [Metric], rng: RandomStream,
                          threads: Int = 1) throws -> CrossValidationResult {
    guard !folds.isEmpty else { throw MLError.invalidInput("Cross-validation needs at least one fold.") }
    let outcomes: [Result<FoldOutcome, CapturedError>] = Parallel.map(folds.count, threads: threads) { f in
        do {
            let prepared = try prepareFold(folds[f], foldIndex: f, preprocessing: preprocessing, table: table,
                                           target: target, rng: rng)
            let result = try scoreFold(estimator: estimator, prepared: prepared, foldIndex: f, metrics: metrics,
                                       rng: rng)
            return .success(FoldOutcome(pipeline: prepared.pipeline, result: result))
        } catch {
            return .failure(CapturedError(error))
        }
    }
    var pipelines: [FittedPipeline] = []
    var results: [FoldResult] = []
    for outcome in outcomes {
        switch outcome {
        case let .success(o):
            pipelines.append(o.pipeline)
            results.append(o.result)
        case let .failure(e):
            throw e.mlError ?? e
        }
    }
    return CrossValidationResult(modelID: type(of: estimator).id, metrics: metrics, folds: results,
                                 pipelines: pipelines)
}

/// A fold's pipeline and scores.
private struct FoldOutcome: Sendable {
    let pipeline: FittedPipeline
    let result: FoldResult
}

/// An error carried across threads: the original when it is an `MLError`, else its description.
struct CapturedError: Error, Sendable, CustomStringConvertible {
    let mlError: MLError?
    let description: String

    init(_ error: Error) {
        mlError = error as? MLError
        description = (error as? MLError)?.description ?? String(describing: error)
    }
}

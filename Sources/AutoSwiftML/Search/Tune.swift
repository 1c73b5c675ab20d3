import Dispatch
import MLCore
import MLData
import MLModels

/// Progress of a tuning run, reported after each batch.
public struct TuneProgress: Sendable {
    /// Trials finished.
    public let completed: Int
    /// Trials planned.
    public let planned: Int
    /// The best cross-validated mean so far, in the metric's units.
    public let bestScore: Double?
    /// The untuned model's cross-validated mean.
    public let defaultScore: Double?
}

/// Tunes the registered model `modelID` of the experiment's problem kind on its default search
/// space (PyCaret's `tune_model`).
///
///     let experiment = try Experiment(table: table, targetColumn: "Survived")
///     let result = try tune("lr", in: experiment, search: .tpe, trials: 30, metric: .auc)
///     print(result.bestParameters, result.bestScore ?? .nan)
/// - Throws: `MLError.invalidInput` for an unknown model ID, a model without a search space, a bad
///   override or option, a metric of the other problem kind, or when every trial and the untuned
///   model failed.
public func tune(_ modelID: String, in experiment: Experiment, search: SearchMethod = .random, trials: Int = 50,
                 metric: Metric? = nil) throws -> TuneResult {
    var options = TuneOptions(search: SearchOptions(method: search, trials: trials), metric: metric)
    options.search.threadCount = experiment.config.threadCount
    return try tune(modelID: modelID, experiment: experiment, options: options)
}

/// Tunes `estimator` (its other hyperparameters are kept) over its registry entry's default space.
///
///     let result = try tune(LogisticRegression(maxIterations: 500), in: experiment, search: .gp, trials: 40)
/// - Throws: see `tune(_:in:search:trials:metric:)`.
public func tune(_ estimator: any Estimator, in experiment: Experiment, search: SearchMethod = .random,
                 trials: Int = 50, metric: Metric? = nil) throws -> TuneResult {
    var options = TuneOptions(search: SearchOptions(method: search, trials: trials), metric: metric)
    options.search.threadCount = experiment.config.threadCount
    return try tune(estimator, experiment: experiment, options: options)
}

/// Tunes the registered model `modelID` with full options.
/// - Throws: see `tune(_:in:search:trials:metric:)`.
public func tune(modelID: String, experiment: Experiment, options: TuneOptions,
                 progress: (@Sendable (TuneProgress) -> Void)? = nil) throws -> TuneResult {
    let kind = experiment.kind
    guard let spec = ModelRegistry.spec(id: modelID, kind: kind) else {
        let available = ModelRegistry.models(for: kind).map(\.id)
        throw MLError.invalidInput("Unknown \(kind.rawValue) model '\(modelID)'. Available models: \(available.joined(separator: ", ")).")
    }
    guard let space = DefaultSearchSpaces.space(id: spec.id, for: experiment) else {
        throw MLError.invalidInput("Model '\(modelID)' has no search space yet.")
    }
    return try tune(space: space, experiment: experiment, options: options, progress: progress)
}

/// Tunes `estimator` (its other hyperparameters are kept) over `space`.
/// - Throws: see `tune(_:in:search:trials:metric:)`.
public func tune<E: Estimator>(_ estimator: E, space: SearchSpace<E>, experiment: Experiment,
                               options: TuneOptions = TuneOptions(),
                               progress: (@Sendable (TuneProgress) -> Void)? = nil) throws -> TuneResult {
    try tune(space: space.erased(base: estimator), experiment: experiment, options: options, progress: progress)
}

/// Tunes `estimator` over its registry entry's default search space.
/// - Throws: `MLError.invalidInput` when no default space is declared for it; see also
///   `tune(_:in:search:trials:metric:)`.
public func tune(_ estimator: any Estimator, experiment: Experiment, options: TuneOptions = TuneOptions(),
                 progress: (@Sendable (TuneProgress) -> Void)? = nil) throws -> TuneResult {
    let id = type(of: estimator).id
    guard let space = DefaultSearchSpaces.space(id: id, for: experiment)?.rebased(on: estimator) else {
        throw MLError.invalidInput("\(type(of: estimator).displayName) has no default search space for \(experiment.kind.rawValue).")
    }
    return try tune(space: space, experiment: experiment, options: options, progress: progress)
}

/// Tunes over a type-erased space: THE tuning loop. Every candidate is cross-validated with
/// `crossValidate` on the experiment's folds and model stream (so the untuned score equals
/// `compare`'s); candidates that break a declared constraint are recorded as failed and never fitted.
/// - Throws: see `tune(_:in:search:trials:metric:)`.
/// - Complexity: (trials + 1) × folds × (preprocessing + fit + predict), plus one final fit.
public func tune(space: AnySearchSpace, experiment: Experiment, options: TuneOptions,
                 progress: (@Sendable (TuneProgress) -> Void)? = nil) throws -> TuneResult {
    let kind = experiment.kind
    let metric = options.metric ?? (kind == .classification ? .accuracy : .r2)
    guard metric.kind == kind else {
        throw MLError.invalidInput("The metric \(metric.displayName) is a \(metric.kind.rawValue) metric; this is a \(kind.rawValue) experiment. Choose one of: \(Metric.leaderboardMetrics(for: kind).map(\.displayName).joined(separator: ", ")).")
    }
    var overridden = space
    for o in options.overrides { overridden = try overridden.settingDomain(o.name, to: o.domain) }
    let space = overridden
    try space.validate()
    try options.search.validate()

    BLAS.setThreadCount(1)
    let stream = experiment.modelStream
    let preprocessing = experiment.config.preprocessing
    let threads = max(1, options.search.threadCount ?? experiment.config.threadCount ?? Parallel.defaultThreadCount)
    let cvThreads = max(1, threads / max(1, options.search.batchSize))
    let sign = metric.higherIsBetter ? -1.0 : 1.0

    let halvingStream = stream.split(RandomKeys.search).split("halving")
    @Sendable func evaluate(_ estimator: any Estimator, threads: Int, resource: Double = 1) -> (loss: Double?, payload: TrialPayload) {
        do {
            try estimator.validate()
            let folds = resource < 1 ? subsampledFolds(experiment.folds, share: resource, using: halvingStream) : experiment.folds
            let cv = try crossValidate(estimator: estimator, preprocessing: preprocessing, table: experiment.trainTable,
                                       target: experiment.trainTarget, folds: folds, metrics: [metric],
                                       rng: stream, threads: threads)
            let mean = cv.mean(metric)
            return (mean.map { sign * $0 }, TrialPayload(foldScores: cv.values(of: metric), mean: mean,
                                                         error: mean == nil ? "\(metric.displayName) is undefined on a fold" : nil))
        } catch {
            return (nil, TrialPayload(foldScores: [], mean: nil, error: CapturedError(error).description))
        }
    }

    let base = space.base
    let baseline = evaluate(base, threads: threads)
    var searchOptions = options.search
    searchOptions.threadCount = threads
    let defaultScore = baseline.payload.mean
    let outcome = try minimize(space.dimensions, options: searchOptions, using: stream.split(RandomKeys.search)
        .split(space.modelID), progress: progress.map { report in
            { (p: SearchProgress) in
                report(TuneProgress(completed: p.completed, planned: p.planned, bestScore: p.bestLoss.map { sign * $0 },
                                    defaultScore: defaultScore))
            }
        }) { values, resource in
        evaluate(space.estimator(from: values), threads: cvThreads, resource: resource)
    }

    let history = outcome.trials.map { t in
        TuneTrial(index: t.index,
                  parameters: zip(space.dimensions, t.values).compactMap { d, v in v.map { ParameterAssignment(name: d.name, value: $0) } },
                  foldScores: t.payload.foldScores, mean: t.payload.mean, resource: t.resource, seconds: t.seconds,
                  error: t.payload.error)
    }
    let best = outcome.best
    var keptDefault = false
    if best == nil {
        guard baseline.loss != nil else {
            let first = history.first { $0.error != nil }?.error ?? baseline.payload.error ?? "unknown error"
            throw MLError.invalidInput("Tuning \(space.displayName) failed: every trial and the untuned model failed (first error: \(first)).")
        }
        keptDefault = true
    } else if options.choosesBetter, let b = best?.loss, let d = baseline.loss, d <= b {
        keptDefault = true
    }
    let chosen: any Estimator = keptDefault ? base : space.estimator(from: best!.values)
    let chosenTrial = keptDefault ? nil : best.map { history[$0.index] }

    // Refit on the whole training part, as `compare` scores its holdout.
    let full = try preprocessing.fitTransform(experiment.trainTable, target: experiment.trainTarget,
                                              using: stream.split(RandomKeys.preprocessing).split("holdout"))
    var modelStream = stream.split(space.modelID).split("holdout")
    let model = try chosen.fitErased(TrainingData(features: full.features, target: experiment.trainTarget,
                                                  featureNames: full.pipeline.featureNames), using: &modelStream)
    var holdoutScore: Double?
    if experiment.holdoutTable.rowCount > 0 {
        let x = try full.pipeline.transform(experiment.holdoutTable)
        holdoutScore = try predictAndScore(model, features: x, truth: experiment.holdoutTarget, metrics: [metric])[0]
    }
    return TuneResult(modelID: space.modelID, displayName: space.displayName, metric: metric,
                      method: options.search.method, dimensions: space.dimensions, bestEstimator: chosen,
                      bestParameters: chosenTrial?.parameters ?? [], bestTrialIndex: chosenTrial?.index,
                      bestScore: keptDefault ? defaultScore : chosenTrial?.mean, defaultScore: defaultScore,
                      keptDefault: keptDefault, pipeline: full.pipeline, model: model, holdoutScore: holdoutScore,
                      history: history, stopReason: outcome.stopReason, seed: experiment.config.seed,
                      foldCount: experiment.folds.count)
}

/// What a tuning trial keeps besides its loss.
struct TrialPayload: Sendable {
    let foldScores: [Double?]
    let mean: Double?
    let error: String?
}

/// The folds with each training part cut to `share` of its rows (at least 2), chosen by a
/// permutation from `rng.split(foldIndex)` and kept in ascending order; validation parts unchanged.
/// The same share gives the same rows for every candidate. Successive halving's resource.
func subsampledFolds(_ folds: [Fold], share: Double, using rng: RandomStream) -> [Fold] {
    folds.enumerated().map { f, fold in
        var stream = rng.split(UInt64(f))
        let count = min(fold.train.count, max(2, Int((share * Double(fold.train.count)).rounded(.up))))
        let order = stream.permutation(fold.train.count)
        let kept = order[..<count].sorted().map { fold.train[$0] }
        return Fold(train: kept, validation: fold.validation)
    }
}

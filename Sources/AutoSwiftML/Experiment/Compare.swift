import Dispatch
import MLCore
import MLData
import MLModels

/// Options of `compare` (PyCaret's `compare_models` arguments).
public struct CompareOptions: Sendable, Codable, Hashable {
    /// Only these model IDs (`nil`: every registered model of the problem kind).
    public var include: [String]?
    /// Model IDs to leave out.
    public var exclude: [String]
    /// The metric to sort by (`nil`: Accuracy for classification, R2 for regression).
    public var sortMetric: Metric?
    /// Whether the best model is refitted on the training part and scored on the holdout (default true).
    public var scoresHoldout: Bool
    /// PyCaret's `turbo` (default true): leave out models whose capabilities say they are slow on
    /// large data (rbfsvm, gpc, mlp), unless `include` names models explicitly.
    public var turbo: Bool

    /// The defaults.
    public init(include: [String]? = nil, exclude: [String] = [], sortMetric: Metric? = nil,
                scoresHoldout: Bool = true, turbo: Bool = true) {
        self.include = include
        self.exclude = exclude
        self.sortMetric = sortMetric
        self.scoresHoldout = scoresHoldout
        self.turbo = turbo
    }
}

/// Cross-validates every registered model of the experiment's problem kind and ranks them
/// (PyCaret's `compare_models`).
/// - Throws: `MLError.invalidInput` for an unknown model ID, a sort metric of the other problem
///   kind, or preprocessing that fails on a fold. A model that fails becomes a row with its error.
public func compare(_ experiment: Experiment, options: CompareOptions = CompareOptions()) throws -> Leaderboard {
    try compare(experiment, models: ModelRegistry.models(for: experiment.kind), options: options)
}

/// Cross-validates `models` (filtered by `options.include`/`exclude`) on the experiment's folds.
///
/// The (model × fold) cells run in parallel with `Parallel.map`, split by index, with BLAS
/// single-threaded, so the leaderboard (without timings) is identical for any thread count.
/// Each fold's preprocessing is fitted once, on its training rows only, and shared by all models.
/// - Complexity: models × folds × (fit + predict), plus folds × preprocessing.
public func compare(_ experiment: Experiment, models: [ModelSpec],
                    options: CompareOptions = CompareOptions()) throws -> Leaderboard {
    let kind = experiment.kind
    let specs = try selectModels(models.filter { $0.kind == kind }, options: options, kind: kind)
    let metrics = Metric.leaderboardMetrics(for: kind)
    let sortMetric = options.sortMetric ?? (kind == .classification ? .accuracy : .r2)
    guard sortMetric.kind == kind else {
        throw MLError.invalidInput("The sort metric \(sortMetric.displayName) is a \(sortMetric.kind.rawValue) metric; this is a \(kind.rawValue) experiment. Choose one of: \(metrics.map(\.displayName).joined(separator: ", ")).")
    }
    let threads = experiment.config.resolvedThreadCount
    BLAS.setThreadCount(1)
    let stream = experiment.modelStream
    let folds = experiment.folds
    let preprocessing = experiment.config.preprocessing

    let prepared: [PreparedFold] = try Parallel.map(folds.count, threads: threads) { f in
        do {
            return Result<PreparedFold, CapturedError>.success(
                try prepareFold(folds[f], foldIndex: f, preprocessing: preprocessing, table: experiment.trainTable,
                                target: experiment.trainTarget, rng: stream))
        } catch {
            return .failure(CapturedError(error))
        }
    }.map { outcome in
        switch outcome {
        case let .success(p): return p
        case let .failure(e): throw e.mlError ?? e
        }
    }

    let foldCount = folds.count
    let cells: [Result<FoldResult, CapturedError>] = Parallel.map(specs.count * foldCount, threads: threads) { c in
        let spec = specs[c / foldCount]
        do {
            return .success(try scoreFold(estimator: spec.make(), prepared: prepared[c % foldCount],
                                          foldIndex: c % foldCount, metrics: metrics, rng: stream))
        } catch {
            return .failure(CapturedError(error))
        }
    }

    var rows: [LeaderboardRow] = []
    for (m, spec) in specs.enumerated() {
        let own = Array(cells[(m * foldCount)..<((m + 1) * foldCount)])
        rows.append(makeRow(spec: spec, cells: own, metrics: metrics))
    }
    rows = rankRows(rows, by: sortMetric)

    let full = try preprocessing.fitTransform(experiment.trainTable, target: experiment.trainTarget,
                                              using: stream.split(RandomKeys.preprocessing).split("holdout"))
    var holdout: HoldoutScore?
    if options.scoresHoldout, let best = rows.first, best.succeeded,
       let spec = specs.first(where: { $0.id == best.modelID }) {
        holdout = scoreHoldout(spec: spec, experiment: experiment, pipeline: full.pipeline,
                               trainFeatures: full.features, metrics: metrics, stream: stream)
    }

    var notes: [String] = []
    let turboSkipped = turboSkippedModels(models.filter { $0.kind == kind }, options: options)
    if !turboSkipped.isEmpty {
        notes.append("Turbo left out slow model(s): \(turboSkipped.joined(separator: ", ")) (turn turbo off or include them to run them).")
    }
    if experiment.droppedTargetRowCount > 0 {
        notes.append("Dropped \(experiment.droppedTargetRowCount) row(s) with a missing target '\(experiment.targetName)'.")
    }
    for d in full.pipeline.droppedColumns {
        notes.append(sentence("Dropped column '\(d.name)': \(d.explanation)"))
    }
    for row in rows where !row.succeeded {
        notes.append(sentence("Model '\(row.modelID)' failed: \(row.error ?? "unknown error")"))
    }
    return Leaderboard(task: experiment.task, targetName: experiment.targetName, metrics: metrics,
                       sortMetric: sortMetric, rows: rows, holdout: holdout,
                       droppedColumns: full.pipeline.droppedColumns,
                       droppedTargetRowCount: experiment.droppedTargetRowCount,
                       featureNames: full.pipeline.featureNames, notes: notes, seed: experiment.config.seed,
                       foldCount: foldCount, trainRowCount: experiment.trainTable.rowCount,
                       holdoutRowCount: experiment.holdoutTable.rowCount)
}

/// The models turbo leaves out (none when `include` is given or turbo is off).
private func turboSkippedModels(_ models: [ModelSpec], options: CompareOptions) -> [String] {
    guard options.turbo, options.include == nil else { return [] }
    return models.filter { $0.capabilities.isSlowOnLargeData && !options.exclude.contains($0.id) }.map(\.id)
}

/// `text` ending with exactly one period.
private func sentence(_ text: String) -> String { text.hasSuffix(".") ? text : text + "." }

/// Applies include/exclude, keeping registry order; unknown IDs are errors.
private func selectModels(_ models: [ModelSpec], options: CompareOptions, kind: ProblemKind) throws -> [ModelSpec] {
    let available = models.map(\.id)
    for id in (options.include ?? []) + options.exclude where !available.contains(id) {
        throw MLError.invalidInput("Unknown \(kind.rawValue) model '\(id)'. Available models: \(available.joined(separator: ", ")).")
    }
    let selected = models.filter { spec in
        let included = options.include.map { $0.contains(spec.id) }
            ?? !(options.turbo && spec.capabilities.isSlowOnLargeData)
        return included && !options.exclude.contains(spec.id)
    }
    guard !selected.isEmpty else {
        throw MLError.invalidInput("No model left to compare (available: \(available.joined(separator: ", "))).")
    }
    return selected
}

/// A row from one model's fold cells: the first failing fold's error, or means and stds.
private func makeRow(spec: ModelSpec, cells: [Result<FoldResult, CapturedError>], metrics: [Metric]) -> LeaderboardRow {
    var results: [FoldResult] = []
    for (f, cell) in cells.enumerated() {
        switch cell {
        case let .success(r): results.append(r)
        case let .failure(e):
            return LeaderboardRow(modelID: spec.id, displayName: spec.displayName, scores: [], fitSeconds: nil,
                                  error: "fold \(f): \(e.description)")
        }
    }
    let cv = CrossValidationResult(modelID: spec.id, metrics: metrics, folds: results, pipelines: [])
    let scores = metrics.map { m in
        MetricScore(metric: m, mean: cv.mean(m), standardDeviation: cv.standardDeviation(m), folds: cv.values(of: m))
    }
    return LeaderboardRow(modelID: spec.id, displayName: spec.displayName, scores: scores,
                          fitSeconds: Stats.mean(results.map(\.fitSeconds)), error: nil)
}

/// Best first by `metric` (descending when higher is better); rows without a value, then failed
/// rows, go last; ties keep model order.
func rankRows(_ rows: [LeaderboardRow], by metric: Metric) -> [LeaderboardRow] {
    func group(_ r: LeaderboardRow) -> Int { !r.succeeded ? 2 : (r.mean(metric) == nil ? 1 : 0) }
    return rows.enumerated().sorted { a, b in
        let ga = group(a.element), gb = group(b.element)
        if ga != gb { return ga < gb }
        if ga == 0, let va = a.element.mean(metric), let vb = b.element.mean(metric), va != vb {
            return metric.higherIsBetter ? va > vb : va < vb
        }
        return a.offset < b.offset
    }.map(\.element)
}

/// Fits `spec`'s model on the whole training part and scores the holdout part.
private func scoreHoldout(spec: ModelSpec, experiment: Experiment, pipeline: FittedPipeline, trainFeatures: Matrix,
                          metrics: [Metric], stream: RandomStream) -> HoldoutScore {
    do {
        var modelStream = stream.split(spec.id).split("holdout")
        let data = TrainingData(features: trainFeatures, target: experiment.trainTarget,
                                featureNames: pipeline.featureNames)
        let start = DispatchTime.now().uptimeNanoseconds
        let model = try spec.make().fitErased(data, using: &modelStream)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
        let x = try pipeline.transform(experiment.holdoutTable)
        let scores = try predictAndScore(model, features: x, truth: experiment.holdoutTarget, metrics: metrics)
        return HoldoutScore(modelID: spec.id, displayName: spec.displayName, scores: scores, fitSeconds: seconds,
                            error: nil)
    } catch {
        return HoldoutScore(modelID: spec.id, displayName: spec.displayName, scores: [], fitSeconds: nil,
                            error: CapturedError(error).description)
    }
}

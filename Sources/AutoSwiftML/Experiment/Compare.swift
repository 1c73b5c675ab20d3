import Foundation
import Dispatch
import MLCore
import MLData
import MLModels

/// Cross-validates every registered model of the experiment's problem kind and ranks them
/// (PyCaret's `compare_models`).
/// - Throws: `MLError.invalidInput` for an unknown model ID, a sort metric of the other problem
///   kind, or preprocessing that fails on a fold. A model that fails becomes a row with its error.
public func compare(_ experiment: Experiment, options: CompareOptions = CompareOptions()) throws -> Leaderboard {
    try compareModels(experiment, models: ModelRegistry.models(for: experiment.kind), options: options).leaderboard
}

/// Cross-validates `models` (filtered by `options.include`/`exclude`) on the experiment's folds.
/// - Throws: as `compareModels`.
public func compare(_ experiment: Experiment, models: [ModelSpec],
                    options: CompareOptions = CompareOptions()) throws -> Leaderboard {
    try compareModels(experiment, models: models, options: options).leaderboard
}

/// Cross-validates `models` (default: every registered model of the problem kind, filtered by
/// `options.include`/`exclude`), ranks them, and refits the best `options.selectCount` on the
/// training part.
///
/// The (model × fold) cells run in parallel with `Parallel.map`, split by index, with BLAS
/// single-threaded, so the leaderboard (without timings) is identical for any thread count. Cells
/// are ordered model-major (a model's folds are handed out together), so a time budget leaves whole
/// models finished. Each fold's preprocessing is fitted once, on its training rows only, and
/// shared by all models. With `options.crossValidates == false` each model is fitted once on the
/// training part and scored on the holdout.
/// - Parameter progress: called before each cell starts (from worker threads).
/// - Throws: `MLError.invalidInput` for an unknown model ID, a sort metric of the other problem
///   kind, class weights on a regression target, or preprocessing that fails on a fold;
///   `MLError.invalidParameter` for bad options. A model that fails becomes a row with its error.
/// - Complexity: models × folds × (fit + predict), plus folds × preprocessing.
public func compareModels(_ experiment: Experiment, models: [ModelSpec]? = nil,
                          options: CompareOptions = CompareOptions(),
                          progress: (@Sendable (CompareProgress) -> Void)? = nil) throws -> CompareResult {
    try options.validate()
    let kind = experiment.kind
    let available = (models ?? ModelRegistry.models(for: kind)).filter { $0.kind == kind }
    let specs = try selectModels(available, options: options, kind: kind)
    let metrics = Metric.leaderboardMetrics(for: kind)
    let sortMetric = options.sortMetric ?? (kind == .classification ? .accuracy : .r2)
    guard sortMetric.kind == kind else {
        throw MLError.invalidInput("The sort metric \(sortMetric.displayName) is a \(sortMetric.kind.rawValue) metric; this is a \(kind.rawValue) experiment. Choose one of: \(metrics.map(\.displayName).joined(separator: ", ")).")
    }
    if options.classWeights != nil, kind != .classification {
        throw MLError.invalidInput("Class weights need a classification target; '\(experiment.targetName)' is a regression target.")
    }
    let limits = CellLimits(budget: options.budgetSeconds.map { Interruption(seconds: $0, reason: "time budget") },
                            modelTimeoutSeconds: options.modelTimeoutSeconds)
    let threads = experiment.config.resolvedThreadCount
    BLAS.setThreadCount(1)
    let stream = experiment.modelStream
    let guarded = try MemoryGuard.fit(table: experiment.trainTable, preprocessing: experiment.config.preprocessing,
                                      classCount: experiment.trainTarget.classCount,
                                      matrixCount: (options.crossValidates ? experiment.folds.count : 1) + 2,
                                      limitBytes: options.memoryLimitBytes ?? MemoryGuard.defaultLimitBytes)
    let preprocessing = guarded.preprocessing
    let weighted = options.classWeights == .balanced

    let full = try preprocessing.fitTransform(experiment.trainTable, target: experiment.trainTarget,
                                              using: stream.split(RandomKeys.preprocessing).split("holdout"))
    let prepared: [PreparedFold]
    if options.crossValidates {
        let folds = experiment.folds
        prepared = try Parallel.map(folds.count, threads: threads) { f in
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
    } else {
        let holdoutFeatures = try full.pipeline.transform(experiment.holdoutTable)
        prepared = [PreparedFold(pipeline: full.pipeline,
                                 train: TrainingData(features: full.features, target: experiment.trainTarget,
                                                     featureNames: full.pipeline.featureNames),
                                 validationFeatures: holdoutFeatures, validationTarget: experiment.holdoutTarget)]
    }

    let foldCount = prepared.count
    let log = try options.outputDirectory.map { directory in
        try CellLog(directory: directory, identity: RunIdentity(
            trainDigest: TableDigest.sha256(of: experiment.trainTable, target: experiment.trainTarget,
                                            targetName: experiment.targetName),
            holdoutDigest: TableDigest.sha256(of: experiment.holdoutTable, target: experiment.holdoutTarget,
                                              targetName: experiment.targetName),
            seed: experiment.config.seed, folds: options.crossValidates ? experiment.folds : [],
            preprocessing: preprocessing, models: specs.map(\.id), estimators: try specs.map(estimatorJSON),
            metrics: metrics, crossValidates: options.crossValidates, classWeights: options.classWeights).hash())
    }
    let ledger = CompareLedger(modelCount: specs.count)
    let cells: [CellOutcome] = Parallel.map(specs.count * foldCount, threads: threads) { c in
        let m = c / foldCount, f = c % foldCount
        let spec = specs[m]
        progress?(CompareProgress(modelID: spec.id, displayName: spec.displayName, foldIndex: f,
                                  foldCount: foldCount, finishedCells: ledger.finishedCells,
                                  totalCells: specs.count * foldCount, elapsedSeconds: ledger.elapsedSeconds))
        if let logged = log?.result(model: spec.id, fold: f) {
            ledger.record(m, seconds: logged.fitSeconds + logged.predictSeconds, fitted: false)
            return .finished(logged)
        }
        let outcome = runCell(model: m, limits: limits, ledger: ledger) { interruption in
            let fold = prepared[f]
            var weights: [Double]?
            if weighted, spec.capabilities.supportsSampleWeights, case let .classes(y, _) = fold.train.target {
                weights = balancedSampleWeights(classes: y)
            }
            return try scoreFold(estimator: spec.make(), prepared: fold, foldIndex: f, metrics: metrics,
                                 rng: stream, sampleWeights: weights, interruption: interruption)
        }
        if let log, case let .finished(result) = outcome { log.append(model: spec.id, fold: f, result: result) }
        return outcome
    }

    var rows: [LeaderboardRow] = []
    var cutModels: [String] = [], skippedModels: [String] = []
    for (m, spec) in specs.enumerated() {
        let own = Array(cells[(m * foldCount)..<((m + 1) * foldCount)])
        let row = makeRow(spec: spec, cells: own, metrics: metrics, crossValidates: options.crossValidates)
        if own.allSatisfy({ if case .skipped = $0 { return true } else { return false } }) {
            skippedModels.append(spec.id)
        } else if row.error?.hasPrefix("cut: ") == true {
            cutModels.append(spec.id)
        }
        rows.append(row)
    }
    rows = rankRows(rows, by: sortMetric)

    var holdout: HoldoutScore?
    var selected: [SelectedModel] = []
    let wanted = max(options.selectCount, options.scoresHoldout && options.crossValidates ? 1 : 0)
    for row in rows.prefix(wanted) where row.succeeded {
        guard let spec = specs.first(where: { $0.id == row.modelID }) else { continue }
        let refit = refitOnTrainingPart(spec: spec, experiment: experiment, pipeline: full.pipeline,
                                        trainFeatures: full.features, weighted: weighted, budget: limits.budget,
                                        stream: stream)
        if holdout == nil, options.scoresHoldout, options.crossValidates {
            holdout = scoreHoldout(refit, spec: spec, experiment: experiment, pipeline: full.pipeline, metrics: metrics)
        }
        if case let .success(fit) = refit, selected.count < options.selectCount {
            selected.append(SelectedModel(spec: spec, estimator: fit.estimator, pipeline: full.pipeline,
                                          model: fit.model))
        }
    }

    var notes: [String] = []
    let turboSkipped = turboSkippedModels(available, options: options)
    if !turboSkipped.isEmpty {
        notes.append("Turbo left out slow model(s): \(turboSkipped.joined(separator: ", ")) (turn turbo off or include them to run them).")
    }
    if let note = guarded.note { notes.append(note) }
    if !options.crossValidates {
        notes.append("Cross-validation off: each model was fitted on the training part and scored on the holdout part.")
    }
    if weighted {
        let ignoring = specs.filter { !$0.capabilities.supportsSampleWeights }.map(\.id)
        if !ignoring.isEmpty {
            notes.append("Balanced class weights are ignored by model(s) without sample weights: \(ignoring.joined(separator: ", ")).")
        }
    }
    if experiment.droppedTargetRowCount > 0 {
        notes.append("Dropped \(experiment.droppedTargetRowCount) row(s) with a missing target '\(experiment.targetName)'.")
    }
    for d in full.pipeline.droppedColumns {
        notes.append(sentence("Dropped column '\(d.name)': \(d.explanation)"))
    }
    if !cutModels.isEmpty {
        notes.append("Cut before finishing (time limit): \(cutModels.joined(separator: ", ")).")
    }
    if !skippedModels.isEmpty {
        notes.append("Skipped (the time budget ran out before they started): \(skippedModels.joined(separator: ", ")).")
    }
    for row in rows where !row.succeeded && !cutModels.contains(row.modelID) && !skippedModels.contains(row.modelID) {
        notes.append(sentence("Model '\(row.modelID)' failed: \(row.error ?? "unknown error")"))
    }
    var board = Leaderboard(task: experiment.task, targetName: experiment.targetName, metrics: metrics,
                            sortMetric: sortMetric, rows: rows, holdout: holdout,
                            droppedColumns: full.pipeline.droppedColumns,
                            droppedTargetRowCount: experiment.droppedTargetRowCount,
                            featureNames: full.pipeline.featureNames, notes: notes, seed: experiment.config.seed,
                            foldCount: options.crossValidates ? foldCount : 0,
                            trainRowCount: experiment.trainTable.rowCount,
                            holdoutRowCount: experiment.holdoutTable.rowCount)
    if !cutModels.isEmpty { board.cutModels = cutModels }
    if !skippedModels.isEmpty { board.skippedModels = skippedModels }
    if !options.crossValidates { board.isHoldoutOnly = true }
    return CompareResult(leaderboard: board, selected: selected, reusedCellCount: log?.finished.count ?? 0,
                         fittedCellCount: ledger.fittedCells, logNote: log?.note)
}

/// The estimator's hyperparameters as sorted-key JSON (part of a run's identity).
private func estimatorJSON(_ spec: ModelSpec) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(spec.make()), as: UTF8.self)
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
    // The dummy baseline is always a row, whatever include/exclude say: a leaderboard without it
    // cannot show whether any model learned anything.
    let selected = models.filter { spec in
        if spec.id == ModelRegistry.baselineID { return true }
        let included = options.include.map { $0.contains(spec.id) }
            ?? !(options.turbo && spec.capabilities.isSlowOnLargeData)
        return included && !options.exclude.contains(spec.id)
    }
    guard !selected.isEmpty else {
        throw MLError.invalidInput("No model left to compare (available: \(available.joined(separator: ", "))).")
    }
    return selected
}

/// A row from one model's cells: "skipped: …" or "cut: …" when a time limit stopped it, else the
/// first failing fold's error, else means and stds (std `nil` in holdout-only mode).
private func makeRow(spec: ModelSpec, cells: [CellOutcome], metrics: [Metric], crossValidates: Bool) -> LeaderboardRow {
    func failed(_ error: String) -> LeaderboardRow {
        LeaderboardRow(modelID: spec.id, displayName: spec.displayName, scores: [], fitSeconds: nil, error: error)
    }
    if !cells.isEmpty, cells.allSatisfy({ if case .skipped = $0 { return true } else { return false } }) {
        return failed("skipped: time budget")
    }
    for cell in cells {
        if case let .cut(reason) = cell { return failed("cut: \(reason)") }
    }
    if cells.contains(where: { if case .skipped = $0 { return true } else { return false } }) {
        return failed("cut: time budget")
    }
    var results: [FoldResult] = []
    for (f, cell) in cells.enumerated() {
        switch cell {
        case let .finished(r): results.append(r)
        case let .failed(e): return failed(crossValidates ? "fold \(f): \(e.description)" : e.description)
        case .cut, .skipped: break
        }
    }
    let cv = CrossValidationResult(modelID: spec.id, metrics: metrics, folds: results, pipelines: [])
    let scores = metrics.map { m in
        MetricScore(metric: m, mean: cv.mean(m), standardDeviation: crossValidates ? cv.standardDeviation(m) : nil,
                    folds: cv.values(of: m))
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

/// A model refitted on the whole training part.
struct TrainingPartFit: Sendable {
    let estimator: any Estimator
    let model: any FittedModel
    let seconds: Double
}

/// Fits `spec`'s model on the whole training part (stream `split(spec.id).split("holdout")`),
/// under the global budget and with balanced weights when asked and supported.
private func refitOnTrainingPart(spec: ModelSpec, experiment: Experiment, pipeline: FittedPipeline,
                                 trainFeatures: Matrix, weighted: Bool, budget: Interruption?,
                                 stream: RandomStream) -> Result<TrainingPartFit, CapturedError> {
    do {
        var modelStream = stream.split(spec.id).split("holdout")
        var data = TrainingData(features: trainFeatures, target: experiment.trainTarget,
                                featureNames: pipeline.featureNames, interruption: budget)
        if weighted, spec.capabilities.supportsSampleWeights, case let .classes(y, _) = experiment.trainTarget {
            data.sampleWeights = balancedSampleWeights(classes: y)
        }
        let estimator = spec.make()
        let start = DispatchTime.now().uptimeNanoseconds
        let model: any FittedModel
        if let budget {
            try budget.check()
            model = try budget.bind { try estimator.fitErased(data, using: &modelStream) }
            try budget.check()
        } else {
            model = try estimator.fitErased(data, using: &modelStream)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
        return .success(TrainingPartFit(estimator: estimator, model: model, seconds: seconds))
    } catch {
        return .failure(CapturedError(error))
    }
}

/// Scores a training-part refit on the holdout part.
private func scoreHoldout(_ refit: Result<TrainingPartFit, CapturedError>, spec: ModelSpec, experiment: Experiment,
                          pipeline: FittedPipeline, metrics: [Metric]) -> HoldoutScore {
    do {
        let fit = try refit.get()
        let x = try pipeline.transform(experiment.holdoutTable)
        let scores = try predictAndScore(fit.model, features: x, truth: experiment.holdoutTarget, metrics: metrics)
        return HoldoutScore(modelID: spec.id, displayName: spec.displayName, scores: scores, fitSeconds: fit.seconds,
                            error: nil)
    } catch {
        return HoldoutScore(modelID: spec.id, displayName: spec.displayName, scores: [], fitSeconds: nil,
                            error: CapturedError(error).description)
    }
}

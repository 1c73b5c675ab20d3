import MLCore
import MLModels

/// Progress of `tuneTop`: which model is being tuned and its tuning progress.
public struct TuneTopProgress: Sendable {
    /// The position of the model among those tuned (0-based).
    public let modelIndex: Int
    /// The number of models tuned.
    public let modelCount: Int
    /// The model ID being tuned.
    public let modelID: String
    /// That model's tuning progress.
    public let tuning: TuneProgress
}

/// The rows `tuneTop` takes from `leaderboard`: the first `k` succeeded rows, in leaderboard order
/// (failed rows sort last, so these are the `k` best).
func topRows(_ k: Int, of leaderboard: Leaderboard) -> [LeaderboardRow] {
    Array(leaderboard.rows.filter(\.succeeded).prefix(max(0, k)))
}

/// Tunes the `k` best models of a leaderboard, each on its default search space with `tune`
/// (PyCaret's `compare_models(n_select=k)` followed by `tune_model` on each).
///
/// The rows are the `k` best succeeded rows in leaderboard order; a model without a default search
/// space is skipped (`TunedLeaderboard` notes it). When `options.metric` is `nil` the
/// leaderboard's sort metric is optimised, so each untuned score equals the model's leaderboard
/// score. Models are tuned one after another; each tuning run uses `options.search.threadCount`
/// threads (default: the experiment's).
///
///     let board = try compare(experiment)
///     let results = try tuneTop(3, of: board, experiment: experiment,
///                               options: TuneOptions(search: SearchOptions(method: .tpe, trials: 20)))
///     print(TunedLeaderboard(leaderboard: board, k: 3, results: results).rendered())
/// - Parameters:
///   - k: how many of the best rows to tune (0 tunes nothing).
///   - leaderboard: `compare`'s result on `experiment`.
///   - experiment: the experiment the leaderboard was made from (same seed and folds).
///   - options: the searcher, trials and choose-better of every tuning run.
///   - progress: called after each batch of each model's search.
/// - Returns: one `TuneResult` per tuned model, in leaderboard order.
/// - Throws: `MLError.invalidInput` for a negative `k`, a leaderboard of another problem kind, seed
///   or fold count than the experiment, bad options, or a model whose every trial failed.
/// - Complexity: up to k × (trials + 1) cross-validations.
public func tuneTop(_ k: Int, of leaderboard: Leaderboard, experiment: Experiment, options: TuneOptions,
                    progress: (@Sendable (TuneTopProgress) -> Void)? = nil) throws -> [TuneResult] {
    guard k >= 0 else { throw MLError.invalidInput("The number of models to tune must be at least 0; got \(k).") }
    guard leaderboard.task == experiment.task else {
        throw MLError.invalidInput("The leaderboard is for a \(leaderboard.task.rawValue) task but the experiment is \(experiment.task.rawValue); tune the leaderboard's own experiment.")
    }
    guard leaderboard.seed == experiment.config.seed, leaderboard.foldCount == experiment.folds.count else {
        throw MLError.invalidInput("The leaderboard (seed \(leaderboard.seed), \(leaderboard.foldCount) folds) was not made from this experiment (seed \(experiment.config.seed), \(experiment.folds.count) folds).")
    }
    try options.search.validate()
    var runOptions = options
    if runOptions.metric == nil { runOptions.metric = leaderboard.sortMetric }
    if runOptions.search.threadCount == nil { runOptions.search.threadCount = experiment.config.threadCount }

    let rows = topRows(k, of: leaderboard).filter { DefaultSearchSpaces.space(id: $0.modelID, kind: experiment.kind) != nil }
    var results: [TuneResult] = []
    for (i, row) in rows.enumerated() {
        let report = progress.map { p in
            { @Sendable (t: TuneProgress) in
                p(TuneTopProgress(modelIndex: i, modelCount: rows.count, modelID: row.modelID, tuning: t))
            }
        }
        results.append(try tune(modelID: row.modelID, experiment: experiment, options: runOptions, progress: report))
    }
    return results
}

/// One tuned model's line of a `TunedLeaderboard`.
public struct TunedModelSummary: Sendable, Hashable, Codable {
    /// The model ID.
    public let modelID: String
    /// The display name.
    public let displayName: String
    /// The untuned model's cross-validated mean (its leaderboard score).
    public let untunedScore: Double?
    /// The chosen model's cross-validated mean (the untuned one's when `keptDefault`).
    public let tunedScore: Double?
    /// True when no trial beat the untuned model and choose-better kept it.
    public let keptDefault: Bool
    /// The chosen trial's parameters (empty when `keptDefault`).
    public let bestParameters: [ParameterAssignment]
    /// The chosen model's holdout score (`nil` when the holdout is empty or undefined).
    public let holdoutScore: Double?
    /// Trials run.
    public let trialCount: Int

    /// The summary of one tuning run.
    public init(_ result: TuneResult) {
        modelID = result.modelID
        displayName = result.displayName
        untunedScore = result.defaultScore
        tunedScore = result.bestScore
        keptDefault = result.keptDefault
        bestParameters = result.bestParameters
        holdoutScore = result.holdoutScore
        trialCount = result.history.count
    }
}

/// The outcome of tuning a leaderboard's top models: per model, the untuned and tuned
/// cross-validated scores, whether the untuned model was kept, and the best parameters.
public struct TunedLeaderboard: Sendable, Hashable, Codable {
    /// The metric optimised.
    public let metric: Metric
    /// The searcher (`nil` when nothing was tuned).
    public let method: SearchMethod?
    /// One line per tuned model, in leaderboard order.
    public let rows: [TunedModelSummary]
    /// Models skipped and why.
    public let notes: [String]
    /// The number of folds.
    public let foldCount: Int

    /// The summary of `tuneTop(k, of: leaderboard, …)`'s `results`; top-k models without a result
    /// (no default search space) are listed in `notes`.
    public init(leaderboard: Leaderboard, k: Int, results: [TuneResult]) {
        metric = results.first?.metric ?? leaderboard.sortMetric
        method = results.first?.method
        rows = results.map(TunedModelSummary.init)
        foldCount = leaderboard.foldCount
        let tuned = Set(results.map(\.modelID))
        notes = topRows(k, of: leaderboard).filter { !tuned.contains($0.modelID) }.map {
            "\($0.displayName) (\($0.modelID)) was not tuned: it has no default search space."
        }
    }

    /// A plain-text table for the terminal: a title line, then Model, Untuned, Tuned, Change,
    /// Holdout, Kept default and Best parameters columns, then the notes.
    public func rendered() -> String {
        func score(_ x: Double?) -> String { x.map { formatFixed($0, decimals: 4) } ?? "-" }
        let name = metric.displayName
        let trials = Set(rows.map(\.trialCount))
        let trialText = trials.count == 1 ? "\(trials.first!) trials each" : "trials: " + rows.map { "\($0.trialCount)" }.joined(separator: "/")
        var lines = ["Tuned top \(rows.count) (\(method?.rawValue ?? "no") search, \(trialText), \(foldCount)-fold cross-validation, metric \(name)):"]
        let header = ["Model", "Untuned \(name)", "Tuned \(name)", "Change", "Holdout", "Kept default", "Best parameters"]
        let body: [[String]] = rows.map { r in
            let change: String
            if let u = r.untunedScore, let t = r.tunedScore {
                let d = t - u
                change = (d >= 0 ? "+" : "-") + formatFixed(abs(d), decimals: 4)
            } else {
                change = "-"
            }
            let parameters = r.keptDefault ? "(defaults)" : r.bestParameters.map { p in
                if case let .real(x) = p.value { return "\(p.name)=\(formatSignificant(x))" }
                return p.description
            }.joined(separator: ", ")
            return ["\(r.displayName) (\(r.modelID))", score(r.untunedScore), score(r.tunedScore), change,
                    score(r.holdoutScore), r.keptDefault ? "yes" : "no", parameters]
        }
        if !body.isEmpty { lines.append(renderPlainTable(header: header, rows: body, rightAligned: [1, 2, 3, 4])) }
        for note in notes { lines.append("Note: \(note)") }
        return lines.joined(separator: "\n")
    }
}

/// Columns padded to their widths, two spaces apart, a dashed rule under the header; columns in
/// `rightAligned` are padded on the left. Trailing spaces are removed.
func renderPlainTable(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
    let all = [header] + rows
    let columnCount = all.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columnCount)
    for row in all { for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.count) } }
    func line(_ row: [String]) -> String {
        var parts: [String] = []
        for j in 0..<columnCount {
            let cell = j < row.count ? row[j] : ""
            let pad = String(repeating: " ", count: widths[j] - cell.count)
            parts.append(rightAligned.contains(j) ? pad + cell : cell + pad)
        }
        var text = parts.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text
    }
    return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
        .joined(separator: "\n")
}

/// `x` with exactly `decimals` decimals (no Foundation), e.g. 0.80254 → "0.8025".
func formatFixed(_ x: Double, decimals: Int) -> String {
    guard x.isFinite else { return "\(x)" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(x) * scale).rounded()
    guard scaled < 9e15 else { return "\(x)" }
    let n = Int(scaled)
    let whole = n / Int(scale), frac = n % Int(scale)
    let fracText = String(frac)
    let sign = x < 0 && n != 0 ? "-" : ""
    return sign + "\(whole)" + (decimals > 0 ? "." + String(repeating: "0", count: decimals - fracText.count) + fracText : "")
}

/// `x` with about four significant digits: 0.0012345 → "0.001235", 123.456 → "123.5".
func formatSignificant(_ x: Double) -> String {
    guard x.isFinite, x != 0 else { return "\(x)" }
    let magnitude = abs(x)
    if magnitude >= 1e-4 && magnitude < 1e6 {
        var digits = 3
        var m = magnitude
        while m >= 10 { m /= 10; digits -= 1 }
        while m < 1 { m *= 10; digits += 1 }
        var text = formatFixed(x, decimals: max(0, digits))
        if text.contains(".") {
            while text.last == "0" { text.removeLast() }
            if text.last == "." { text.removeLast() }
        }
        return text
    }
    return "\(x)"
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import MLCore

/// How candidates are proposed.
public enum SearchMethod: String, Sendable, Codable, Hashable, CaseIterable {
    /// Uniform draws in the unit cube (PyCaret's default random search).
    case random
    /// Tree-structured Parzen estimator with Optuna's defaults.
    case tpe
    /// Gaussian-process Bayesian optimisation with expected improvement (after a 5-point Latin
    /// hypercube).
    case gp
    /// Successive halving over random candidates: all `trials` candidates on a small share of the
    /// training rows, the best 1/η on η times more, …, the last round on all rows.
    case halving
}

/// How long and how a search runs. The defaults: random search, 50 trials, batches of 2, no time
/// budget, no early stop.
public struct SearchOptions: Sendable, Codable, Hashable {
    /// The proposer.
    public var method: SearchMethod
    /// The number of trials (at most).
    public var trials: Int
    /// Stop starting new batches after this many seconds (`nil`: no budget). Which trials run
    /// then depends on the machine's speed; everything else is deterministic.
    public var budgetSeconds: Double?
    /// Stop after this many trials in a row without improvement (`nil`: never).
    public var patience: Int?
    /// Trials proposed together and evaluated in parallel. Results depend on it, never on the
    /// number of threads; `tpe` and `gp` propose a batch with a constant liar.
    public var batchSize: Int
    /// Worker threads for a batch (`nil`: all cores).
    public var threadCount: Int?
    /// Start-up trials of `tpe` and `gp` before their models are used (`nil`: `tpe` 10 uniform random
    /// ones, Optuna's default; `gp` 5 points of a Latin hypercube).
    public var startupTrials: Int?
    /// The reduction factor η of `halving` (default 3, scikit-learn's `factor`).
    public var halvingFactor: Int
    /// The smallest resource share of `halving`'s first round (default 0.1).
    public var minimumResource: Double

    /// Options with the defaults above.
    public init(method: SearchMethod = .random, trials: Int = 50, budgetSeconds: Double? = nil, patience: Int? = nil,
                batchSize: Int = 2, threadCount: Int? = nil, startupTrials: Int? = nil, halvingFactor: Int = 3,
                minimumResource: Double = 0.1) {
        self.method = method
        self.trials = trials
        self.budgetSeconds = budgetSeconds
        self.patience = patience
        self.batchSize = batchSize
        self.threadCount = threadCount
        self.startupTrials = startupTrials
        self.halvingFactor = halvingFactor
        self.minimumResource = minimumResource
    }

    /// Checks the options.
    /// - Throws: `MLError.invalidInput` naming the bad option.
    public func validate() throws {
        guard trials >= 1 else { throw MLError.invalidInput("trials must be at least 1; got \(trials).") }
        guard batchSize >= 1 else { throw MLError.invalidInput("batchSize must be at least 1; got \(batchSize).") }
        if let b = budgetSeconds, !(b > 0) { throw MLError.invalidInput("The time budget must be positive; got \(b) s.") }
        if let p = patience, p < 1 { throw MLError.invalidInput("patience must be at least 1; got \(p).") }
        if let t = threadCount, t < 1 { throw MLError.invalidInput("threadCount must be at least 1; got \(t).") }
        if let s = startupTrials, s < 1 { throw MLError.invalidInput("startupTrials must be at least 1; got \(s).") }
        guard halvingFactor >= 2 else { throw MLError.invalidInput("halvingFactor must be at least 2; got \(halvingFactor).") }
        guard minimumResource > 0, minimumResource <= 1 else {
            throw MLError.invalidInput("minimumResource must be in (0, 1]; got \(minimumResource).")
        }
    }
}

/// One evaluated candidate of a search.
public struct SearchTrial<Payload: Sendable>: Sendable {
    /// The trial's index, in order of proposal.
    public let index: Int
    /// The decoded value of each dimension (`nil`: inactive).
    public let values: [ParameterValue?]
    /// The point in the unit cube.
    public let unit: [Double]
    /// The loss (lower is better); `nil` when the trial failed.
    public let loss: Double?
    /// The share of the resource (training rows) the trial used: 1 except in `halving`'s early rounds.
    public let resource: Double
    /// What the objective returned besides the loss.
    public let payload: Payload
    /// Wall-clock seconds of the evaluation.
    public let seconds: Double
}

/// Why a search stopped.
public enum SearchStopReason: String, Sendable, Codable, Hashable {
    /// All trials ran.
    case trials
    /// The time budget ran out.
    case budget
    /// `patience` trials in a row brought no improvement.
    case patience
}

/// A search's trials, in index order.
public struct SearchOutcome<Payload: Sendable>: Sendable {
    /// Every evaluated trial.
    public let trials: [SearchTrial<Payload>]
    /// Why it stopped.
    public let stopReason: SearchStopReason

    /// The trial with the lowest loss (the earliest on ties) among those on the largest resource,
    /// if any succeeded.
    public var best: SearchTrial<Payload>? {
        let top = trials.map(\.resource).max() ?? 1
        var b: SearchTrial<Payload>?
        for t in trials where t.resource == top { if let l = t.loss, b == nil || l < b!.loss! { b = t } }
        return b
    }
}

/// Progress after each batch.
public struct SearchProgress: Sendable {
    /// Trials finished.
    public let completed: Int
    /// Trials planned.
    public let planned: Int
    /// The best loss so far.
    public let bestLoss: Double?
}

/// Minimises `objective` over the space `dimensions`.
///
/// Trials are proposed in batches of `options.batchSize` and each batch is evaluated in parallel
/// (`Parallel.map`, by index). Trial `i` draws only from `rng.split(i)`, so for a given seed,
/// options and objective the history is identical for any thread count.
///
///     let outcome = try minimize(dims, options: SearchOptions(method: .tpe, trials: 40),
///                                using: RandomStream(seed: 1)) { values in (loss: f(values), payload: ()) }
/// - Parameters:
///   - objective: called with the decoded values of one candidate (aligned with `dimensions`,
///     `nil` for inactive ones); returns the loss (`nil` or non-finite: failed) and a payload.
/// - Throws: `MLError.invalidInput` for a malformed space or bad options.
/// - Complexity: trials × objective, plus the proposer's model: TPE O(n) per dimension and
///   candidate, GP O(n³) per optimiser step.
public func minimize<Payload: Sendable>(
    _ dimensions: [SearchDimensionInfo], options: SearchOptions, using rng: RandomStream,
    progress: ((SearchProgress) -> Void)? = nil,
    objective: @escaping @Sendable ([ParameterValue?]) -> (loss: Double?, payload: Payload)
) throws -> SearchOutcome<Payload> {
    try minimize(dimensions, options: options, using: rng, progress: progress) { values, _ in objective(values) }
}

/// Minimises `objective`, which also receives the resource share in (0, 1] to spend (less than 1
/// only in `halving`'s early rounds; for example the share of training rows).
/// - Throws: `MLError.invalidInput` for a malformed space or bad options.
public func minimize<Payload: Sendable>(
    _ dimensions: [SearchDimensionInfo], options: SearchOptions, using rng: RandomStream,
    progress: ((SearchProgress) -> Void)? = nil,
    objective: @escaping @Sendable ([ParameterValue?], Double) -> (loss: Double?, payload: Payload)
) throws -> SearchOutcome<Payload> {
    try options.validate()
    if options.method == .halving {
        return try successiveHalving(try SearchGeometry(dimensions), options: options, using: rng, progress: progress,
                                     objective: objective)
    }
    let geometry = try SearchGeometry(dimensions)
    let threads = max(1, options.threadCount ?? Parallel.defaultThreadCount)
    let start = DispatchTime.now().uptimeNanoseconds
    var trials: [SearchTrial<Payload>] = []
    var observations: [SearchObservation] = []
    var bestLoss: Double?
    var sinceImprovement = 0
    var reason = SearchStopReason.trials

    while trials.count < options.trials {
        if let budget = options.budgetSeconds,
           Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9 >= budget, !trials.isEmpty {
            reason = .budget
            break
        }
        let first = trials.count
        let size = min(options.batchSize, options.trials - first)
        var batch: [[Double]] = []
        for b in 0..<size {
            var stream = rng.split(UInt64(first + b))
            batch.append(propose(options, geometry: geometry, observations: observations, pending: batch,
                                 design: rng.split("design"), using: &stream))
        }
        let points = batch
        let results = Parallel.map(size, threads: threads) { b -> (Double?, Payload, Double) in
            let t0 = DispatchTime.now().uptimeNanoseconds
            let r = objective(geometry.values(points[b]), 1)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds &- t0) / 1e9
            return (r.loss.flatMap { $0.isFinite ? $0 : nil }, r.payload, seconds)
        }
        var stop = false
        for b in 0..<size {
            let (loss, payload, seconds) = results[b]
            let index = first + b
            trials.append(SearchTrial(index: index, values: geometry.values(points[b]), unit: points[b], loss: loss,
                                      resource: 1, payload: payload, seconds: seconds))
            observations.append(SearchObservation(index: index, unit: points[b], active: geometry.activeMask(points[b]),
                                                  loss: loss))
            if let l = loss, bestLoss == nil || l < bestLoss! {
                bestLoss = l
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if let p = options.patience, sinceImprovement >= p { stop = true }
            }
        }
        progress?(SearchProgress(completed: trials.count, planned: options.trials, bestLoss: bestLoss))
        if stop && trials.count < options.trials {
            reason = .patience
            break
        }
    }
    return SearchOutcome(trials: trials, stopReason: reason)
}

/// The next point from the configured proposer.
private func propose(_ options: SearchOptions, geometry: SearchGeometry, observations: [SearchObservation],
                     pending: [[Double]], design: RandomStream, using rng: inout RandomStream) -> [Double] {
    switch options.method {
    case .random, .halving:
        return geometry.randomPoint(using: &rng)
    case .tpe:
        var tpe = TreeParzenEstimator()
        if let s = options.startupTrials { tpe.startupTrials = s }
        return tpe.propose(geometry: geometry, observations: observations, pending: pending, using: &rng)
    case .gp:
        var gp = GaussianProcessSearch()
        if let s = options.startupTrials { gp.startupTrials = s }
        gp.design = design
        return gp.propose(geometry: geometry, observations: observations, pending: pending, using: &rng)
    }
}

/// Successive halving (Jamieson & Talwalkar 2016; scikit-learn's `HalvingRandomSearchCV` with
/// `aggressive_elimination=False`): `trials` random candidates; round k runs the best
/// ⌈n / ηᵏ⌉ on resource share η^(k − last), the last round on the whole resource. Candidates are the
/// random search's (candidate `i` from `rng.split(i)`); each round is one parallel batch; the time
/// budget is checked between rounds; `patience` does not apply.
private func successiveHalving<Payload: Sendable>(
    _ geometry: SearchGeometry, options: SearchOptions, using rng: RandomStream,
    progress: ((SearchProgress) -> Void)?,
    objective: @escaping @Sendable ([ParameterValue?], Double) -> (loss: Double?, payload: Payload)
) throws -> SearchOutcome<Payload> {
    let eta = Double(options.halvingFactor)
    let n = options.trials
    // Rounds: as many as halve n down to one candidate, but no round below the minimum resource.
    var rounds = 1
    while pow(eta, Double(rounds)) <= Double(n), pow(eta, -Double(rounds)) >= options.minimumResource - 1e-12 { rounds += 1 }
    let threads = max(1, options.threadCount ?? Parallel.defaultThreadCount)
    let start = DispatchTime.now().uptimeNanoseconds
    var candidates: [(index: Int, unit: [Double])] = (0..<n).map { i in
        var stream = rng.split(UInt64(i))
        return (i, geometry.randomPoint(using: &stream))
    }
    var planned = 0, survivors = n
    for _ in 0..<rounds {
        planned += survivors
        survivors = max(1, Int((Double(survivors) / eta).rounded(.up)))
    }
    var trials: [SearchTrial<Payload>] = []
    var reason = SearchStopReason.trials
    for round in 0..<rounds {
        if round > 0, let budget = options.budgetSeconds,
           Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9 >= budget {
            reason = .budget
            break
        }
        let resource = pow(eta, Double(round - (rounds - 1)))
        let current = candidates
        let results = Parallel.map(current.count, threads: threads) { c -> (Double?, Payload, Double) in
            let t0 = DispatchTime.now().uptimeNanoseconds
            let r = objective(geometry.values(current[c].unit), resource)
            return (r.loss.flatMap { $0.isFinite ? $0 : nil }, r.payload, Double(DispatchTime.now().uptimeNanoseconds &- t0) / 1e9)
        }
        var scored: [(candidate: (index: Int, unit: [Double]), loss: Double?)] = []
        for (c, result) in results.enumerated() {
            trials.append(SearchTrial(index: trials.count, values: geometry.values(current[c].unit), unit: current[c].unit,
                                      loss: result.0, resource: resource, payload: result.1, seconds: result.2))
            scored.append((current[c], result.0))
        }
        let best = trials.compactMap(\.loss).min()
        progress?(SearchProgress(completed: trials.count, planned: planned, bestLoss: best))
        let keep = max(1, Int((Double(current.count) / eta).rounded(.up)))
        candidates = scored.sorted { a, b in
            switch (a.loss, b.loss) {
            case let (x?, y?): return x != y ? x < y : a.candidate.index < b.candidate.index
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.candidate.index < b.candidate.index
            }
        }.prefix(keep).map(\.candidate)
    }
    return SearchOutcome(trials: trials, stopReason: reason)
}

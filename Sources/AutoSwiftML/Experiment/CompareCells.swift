import Dispatch
import MLCore
import MLModels
#if canImport(Glibc)
import Glibc
#endif

/// The outcome of one (model, fold) cell of `compare`.
enum CellOutcome: Sendable {
    /// Scored.
    case finished(FoldResult)
    /// The model threw.
    case failed(CapturedError)
    /// Stopped by the time budget or the model timeout (the reason, e.g. "time budget").
    case cut(String)
    /// Not started: the global budget had run out.
    case skipped
}

/// Thread-safe bookkeeping of a budgeted `compare`: fit seconds used per model, which models were
/// cut and why, and how many cells finished (for progress). Only consulted when a budget or model
/// timeout is set, so unbudgeted runs never depend on timing.
final class CompareLedger: @unchecked Sendable {
    private var used: [Double]
    private var cutReasons: [String?]
    private var finished = 0
    private var fitted = 0
    private var lock = pthread_mutex_t()
    /// `DispatchTime` nanoseconds when compare started.
    let start: UInt64

    init(modelCount: Int) {
        used = [Double](repeating: 0, count: modelCount)
        cutReasons = [String?](repeating: nil, count: modelCount)
        start = DispatchTime.now().uptimeNanoseconds
        pthread_mutex_init(&lock, nil)
    }

    deinit { pthread_mutex_destroy(&lock) }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return body()
    }

    /// Seconds of model `m` used so far.
    func usedSeconds(_ m: Int) -> Double { locked { used[m] } }
    /// Why model `m` was cut, if it was.
    func cutReason(_ m: Int) -> String? { locked { cutReasons[m] } }
    /// Records a finished or failed cell of model `m` that took `seconds`.
    func record(_ m: Int, seconds: Double, fitted wasFitted: Bool = true) {
        locked { used[m] += seconds; finished += 1; if wasFitted { fitted += 1 } }
    }
    /// Cells that ran a fit (finished or failed; not read back from a resume log).
    var fittedCells: Int { locked { fitted } }
    /// Marks model `m` cut for `reason` (the first reason wins).
    func cut(_ m: Int, reason: String) { locked { if cutReasons[m] == nil { cutReasons[m] = reason }; finished += 1 } }
    /// Counts a skipped cell as done.
    func skip() { locked { finished += 1 } }
    /// Cells done so far.
    var finishedCells: Int { locked { finished } }
    /// Seconds since start.
    var elapsedSeconds: Double { Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9 }
}

/// The limits of one cell: the global budget, and a per-model timeout over what the model has left.
struct CellLimits: Sendable {
    let budget: Interruption?
    let modelTimeoutSeconds: Double?

    /// The interruption for a cell of model `m`, or `nil` when nothing limits it.
    func interruption(model m: Int, ledger: CompareLedger) -> Interruption? {
        guard let timeout = modelTimeoutSeconds else { return budget }
        let left = max(0, timeout - ledger.usedSeconds(m))
        return Interruption(seconds: left, reason: "model timeout (\(Leaderboard.format(timeout, decimals: 1)) s)",
                            parent: budget)
    }
}

/// Runs one cell under `limits`: skipped when the budget has run out or the model is already cut,
/// `.cut` when the interruption stops it, otherwise its scores or error.
func runCell(model m: Int, limits: CellLimits, ledger: CompareLedger,
             _ body: (Interruption?) throws -> FoldResult) -> CellOutcome {
    if let reason = ledger.cutReason(m) {
        ledger.skip()
        return .cut(reason)
    }
    if let budget = limits.budget, budget.isInterrupted {
        ledger.skip()
        return .skipped
    }
    let interruption = limits.interruption(model: m, ledger: ledger)
    let start = DispatchTime.now().uptimeNanoseconds
    do {
        let result = try body(interruption)
        ledger.record(m, seconds: Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9)
        return .finished(result)
    } catch let MLError.budgetExceeded(reason) where interruption != nil {
        ledger.cut(m, reason: reason)
        return .cut(reason)
    } catch {
        ledger.record(m, seconds: Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9)
        return .failed(CapturedError(error))
    }
}

import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// A cooperative stop signal for long work: a deadline in monotonic time, a cancelled flag, and
/// optionally a parent whose stop also stops this one (a model timeout inside a global budget).
///
/// Thread-safe; one value may be shared by the folds of a model running on several threads.
/// Models check it once per iteration, epoch or tree, never in inner loops:
///
///     try data.interruption?.check()                     // in a throwing fit loop
///     if Interruption.current?.isInterrupted == true { break }   // in a non-throwing solver loop
///
/// `Interruption.current` is the one the cross-validation loop bound around `fit` on this thread
/// (a task-local), so solvers that are called without the `TrainingData` can still see it.
/// Without an interruption nothing depends on timing.
public final class Interruption: @unchecked Sendable {
    /// The interruption bound around the current `fit` (task-local; `nil` outside compare).
    @TaskLocal public static var current: Interruption?

    /// Why work stops when the deadline passes ("time budget", "model timeout (20 s)").
    public let reason: String
    /// The deadline in `DispatchTime.now().uptimeNanoseconds`, or `nil` for none.
    public let deadlineNanoseconds: UInt64?
    /// An interruption that also stops this one.
    public let parent: Interruption?
    private var cancelled = false
    private var lock = pthread_mutex_t()

    /// An interruption that expires `seconds` from now (`nil`: only on `cancel()` or the parent).
    /// - Parameter reason: the words `check()` reports ("time budget").
    public init(seconds: Double?, reason: String, parent: Interruption? = nil) {
        self.reason = reason
        self.parent = parent
        if let seconds {
            let now = DispatchTime.now().uptimeNanoseconds
            let span = seconds.isFinite ? max(0, seconds) * 1e9 : 1e18
            deadlineNanoseconds = now &+ UInt64(min(span, 1e18))
        } else {
            deadlineNanoseconds = nil
        }
        pthread_mutex_init(&lock, nil)
    }

    deinit { pthread_mutex_destroy(&lock) }

    /// Stops the work at its next check.
    public func cancel() {
        pthread_mutex_lock(&lock)
        cancelled = true
        pthread_mutex_unlock(&lock)
    }

    /// True once cancelled.
    public var isCancelled: Bool {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return cancelled
    }

    /// Seconds left before the deadline (`nil` without one; 0 once passed).
    public var secondsRemaining: Double? {
        guard let deadline = deadlineNanoseconds else { return nil }
        let now = DispatchTime.now().uptimeNanoseconds
        return now >= deadline ? 0 : Double(deadline &- now) / 1e9
    }

    /// The reason of the first stop found (this one, then its parents), or `nil` while work may go on.
    public var stopReason: String? {
        if isCancelled { return reason + " (cancelled)" }
        if let deadline = deadlineNanoseconds, DispatchTime.now().uptimeNanoseconds >= deadline { return reason }
        return parent?.stopReason
    }

    /// True when cancelled or past the deadline (here or in a parent).
    public var isInterrupted: Bool { stopReason != nil }

    /// Throws `MLError.budgetExceeded(reason)` when cancelled or past the deadline.
    /// - Complexity: O(depth); one clock read and one lock per level.
    public func check() throws {
        if let why = stopReason { throw MLError.budgetExceeded(why) }
    }

    /// Runs `body` with `self` as `Interruption.current` on this thread.
    public func bind<T>(_ body: () throws -> T) rethrows -> T {
        try Interruption.$current.withValue(self, operation: body)
    }
}

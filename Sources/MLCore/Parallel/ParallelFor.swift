import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Index-split parallel loops whose results never depend on the thread count.
///
/// Work is divided by index: each index writes only its own slot, and reductions are done
/// afterwards in index order. Running with 1 or N threads gives byte-identical results.
public enum Parallel {
    /// The number of active cores.
    public static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// A cap on `defaultThreadCount` for work started on this thread (or task); `nil` means none.
    /// Bound with `withThreadLimit`, it keeps a model that runs inside an already parallel loop
    /// (a cross-validation cell) from starting threads of its own.
    @TaskLocal public static var threadLimit: Int?

    /// The number of worker threads AutoSwiftML uses by default: the number of active cores,
    /// capped by `threadLimit`.
    public static var defaultThreadCount: Int {
        let cores = coreCount
        return threadLimit.map { max(1, min($0, cores)) } ?? cores
    }

    /// Runs `body` with `defaultThreadCount` capped at `limit` on this thread. Results never depend
    /// on it: work is split by index.
    public static func withThreadLimit<T>(_ limit: Int, _ body: () throws -> T) rethrows -> T {
        try $threadLimit.withValue(limit) { try body() }
    }

    /// Computes `body(i)` for every `i` in `0..<count` on up to `threads` threads and returns the
    /// results in index order.
    public static func map<T: Sendable>(_ count: Int, threads: Int = Parallel.defaultThreadCount,
                                        _ body: @Sendable (Int) -> T) -> [T] {
        if count == 0 { return [] }
        let workers = max(1, min(threads, count))
        if workers == 1 { return (0..<count).map(body) }
        let box = ResultBox<T>(count: count)
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.increment()
                if i >= count { break }
                box.set(i, body(i))
            }
        }
        return box.values()
    }

    /// Runs `body(i)` for every `i` in `0..<count` on up to `threads` threads.
    public static func forEach(_ count: Int, threads: Int = Parallel.defaultThreadCount, _ body: @Sendable (Int) -> Void) {
        _ = map(count, threads: threads) { body($0) }
    }
}

/// A lock-protected fetch-and-add counter handing out indices to workers.
final class AtomicCounter: @unchecked Sendable {
    private var value = 0
    private var lock = pthread_mutex_t()
    init() { pthread_mutex_init(&lock, nil) }
    deinit { pthread_mutex_destroy(&lock) }
    func increment() -> Int {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        let v = value
        value += 1
        return v
    }
}

/// Slots written once each, by index, from several threads.
final class ResultBox<T>: @unchecked Sendable {
    private var slots: [T?]
    private var lock = pthread_mutex_t()
    init(count: Int) {
        slots = Array(repeating: nil, count: count)
        pthread_mutex_init(&lock, nil)
    }
    deinit { pthread_mutex_destroy(&lock) }
    func set(_ i: Int, _ v: T) {
        pthread_mutex_lock(&lock)
        slots[i] = v
        pthread_mutex_unlock(&lock)
    }
    func values() -> [T] {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return slots.map { $0! }
    }
}

import AutoSwiftML
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Progress of `automl compare` on standard error, rewritten in place with `\r`: the current
/// model and fold, the elapsed time and, after the first finished cell, an estimate of the time
/// left. Only when standard error is a terminal (`isatty(2)`); pipes and files get nothing.
final class CompareProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var width = 0

    /// A progress line, or `nil` when standard error is not a terminal.
    static func forTerminal() -> CompareProgressLine? {
        isatty(2) == 1 ? CompareProgressLine() : nil
    }

    /// The text for one progress report (no `\r`).
    static func text(_ p: CompareProgress) -> String {
        var line = "\(p.displayName) (\(p.modelID))"
        if p.foldCount > 1 { line += ", fold \(p.foldIndex + 1)/\(p.foldCount)" }
        line += " [\(p.finishedCells)/\(p.totalCells)] \(duration(p.elapsedSeconds)) elapsed"
        if let eta = p.estimatedSecondsRemaining { line += ", ~\(duration(eta)) left" }
        return line
    }

    /// `m:ss` or `h:mm:ss`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let h = s / 3600, m = (s % 3600) / 60, r = s % 60
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return h > 0 ? "\(h):\(two(m)):\(two(r))" : "\(m):\(two(r))"
    }

    /// Rewrites the line with `p`.
    func report(_ p: CompareProgress) {
        let text = Self.text(p)
        lock.lock()
        defer { lock.unlock() }
        let padding = String(repeating: " ", count: max(0, width - text.count))
        width = text.count
        FileHandle.standardError.write(Data(("\r" + text + padding).utf8))
    }

    /// Clears the line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        guard width > 0 else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: width) + "\r").utf8))
        width = 0
    }
}

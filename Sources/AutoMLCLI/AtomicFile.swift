import Foundation

/// Writes files so that a reader never sees a half-written one: a temporary file in the same
/// folder, then a rename over the destination.
enum AtomicFile {
    /// Writes `text` to `url` atomically.
    /// - Throws: `CLIError` naming the file when it cannot be written.
    static func write(_ text: String, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(text.utf8).write(to: temp)
            if FileManager.default.fileExists(atPath: url.path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temp)
            } else {
                try FileManager.default.moveItem(at: temp, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw CLIError(description: "cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}

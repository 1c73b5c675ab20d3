import Foundation
import MLCore
import MLModels

/// What identifies a `compare` run for resuming: everything that changes a cell's scores.
struct RunIdentity: Codable {
    var version = 1
    var trainDigest: String
    var holdoutDigest: String
    var seed: UInt64
    var folds: [Fold]
    var preprocessing: PreprocessingConfig
    var models: [String]
    var estimators: [String]
    var metrics: [Metric]
    var crossValidates: Bool
    var classWeights: ClassWeights?

    /// The SHA-256 of the identity's sorted-key JSON.
    func hash() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return SHA256.hexDigest(Array(try encoder.encode(self)))
    }
}

/// One line of `cells.jsonl`: the header (`run` set) or a finished cell.
struct CellLogLine: Codable {
    var run: String?
    var model: String?
    var fold: Int?
    var result: FoldResult?
}

/// The resume log of `compare` (`CompareOptions.outputDirectory`): `DIR/cells.jsonl` holds a header
/// line with the run's identity hash, then one JSON line per finished (model, fold) cell, each
/// appended and flushed as the cell finishes. A rerun with the same identity reads the finished
/// cells back instead of fitting them; a different identity moves the old log aside
/// (`cells.previous-N.jsonl`) and starts a new one. A truncated last line is ignored.
final class CellLog: @unchecked Sendable {
    /// Finished cells read back, by "model\u{0}fold".
    let finished: [String: FoldResult]
    /// A note for the leaderboard about what happened to an existing log, or `nil`.
    let note: String?
    private let handle: FileHandle
    private let lock = NSLock()

    /// Opens (or starts) the log in `directory` for the run `identity`.
    /// - Throws: `MLError.invalidInput` naming the directory when it cannot be created or written.
    init(directory: String, identity: String) throws {
        let fm = FileManager.default
        let dir = URL(fileURLWithPath: directory)
        let url = dir.appendingPathComponent("cells.jsonl")
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw MLError.invalidInput("Cannot create the output directory '\(directory)': \(error.localizedDescription)")
        }
        var loaded: [String: FoldResult] = [:]
        var note: String?
        if let data = fm.contents(atPath: url.path), !data.isEmpty {
            let decoder = JSONDecoder()
            let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            let header = lines.first.flatMap { try? decoder.decode(CellLogLine.self, from: Data($0)) }
            if header?.run == identity {
                for line in lines.dropFirst() {
                    guard let cell = try? decoder.decode(CellLogLine.self, from: Data(line)),
                          let model = cell.model, let fold = cell.fold, let result = cell.result else { continue }
                    loaded[CellLog.key(model, fold)] = result
                }
                note = "Resumed from \(url.path): \(loaded.count) finished cell(s) read back."
            } else {
                var n = 1
                while fm.fileExists(atPath: dir.appendingPathComponent("cells.previous-\(n).jsonl").path) { n += 1 }
                let aside = dir.appendingPathComponent("cells.previous-\(n).jsonl")
                do { try fm.moveItem(at: url, to: aside) } catch {
                    throw MLError.invalidInput("Cannot move the old log '\(url.path)' aside: \(error.localizedDescription)")
                }
                note = "The log in \(directory) was from a different run (data or options changed); moved it to \(aside.lastPathComponent) and started a new one."
            }
        }
        if !fm.fileExists(atPath: url.path) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var header = try encoder.encode(CellLogLine(run: identity))
            header.append(UInt8(ascii: "\n"))
            guard fm.createFile(atPath: url.path, contents: header) else {
                throw MLError.invalidInput("Cannot write '\(url.path)'.")
            }
        } else if let data = fm.contents(atPath: url.path), data.last != UInt8(ascii: "\n") {
            // A truncated last line: end it, so the next line starts clean (it is ignored on read).
            if let h = try? FileHandle(forWritingTo: url) {
                h.seekToEndOfFile()
                h.write(Data("\n".utf8))
                try? h.close()
            }
        }
        guard let handle = try? FileHandle(forWritingTo: url) else {
            throw MLError.invalidInput("Cannot open '\(url.path)' for appending.")
        }
        handle.seekToEndOfFile()
        self.handle = handle
        self.finished = loaded
        self.note = note
    }

    deinit { try? handle.close() }

    static func key(_ model: String, _ fold: Int) -> String { "\(model)\u{0}\(fold)" }

    /// The finished result of (model, fold) from an earlier run, if logged.
    func result(model: String, fold: Int) -> FoldResult? { finished[CellLog.key(model, fold)] }

    /// Appends one finished cell and flushes it to disk.
    func append(model: String, fold: Int, result: FoldResult) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard var line = try? encoder.encode(CellLogLine(model: model, fold: fold, result: result)) else { return }
        line.append(UInt8(ascii: "\n"))
        lock.lock()
        defer { lock.unlock() }
        handle.write(line)
        handle.synchronizeFile()
    }
}

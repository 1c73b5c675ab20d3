import Foundation

/// Why a report could not be written.
public struct ReportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The folder or file concerned.
    public let path: String
    /// The reason, in words.
    public let reason: String

    /// An error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `Cannot write the report to '<path>': <reason>.`
    public var description: String { "Cannot write the report to '\(path)': \(reason)." }
}

/// Writes a `RunReport` into a folder: `report.md`, one `<chart>.svg` per chart (linked from the
/// Markdown) and a self-contained `report.html`. Each file is written atomically (a temporary
/// file in the same folder, then renamed), so a reader never sees half a report file.
public enum ReportWriter {
    /// Writes the report's files into `directory`, creating it (and its parents) when needed.
    /// - Returns: the files written, in order (charts, `report.md`, `report.html`).
    /// - Throws: `ReportError` when the folder cannot be created or a file cannot be written
    ///   (a path that is a file, no permission…), or when two charts share a name.
    public static func write(_ report: RunReport, to directory: URL) throws -> [URL] {
        let names = report.charts.map(\.name)
        if Set(names).count != names.count {
            throw ReportError(path: directory.path, reason: "two charts share a file name (\(names.joined(separator: ", ")))")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw ReportError(path: directory.path, reason: "it is a file, not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw ReportError(path: directory.path, reason: "the folder cannot be created (\(obstacle(to: directory) ?? AtomicFileWriter.reason(error)))")
            }
        }
        guard FileManager.default.isWritableFile(atPath: directory.path) else {
            throw ReportError(path: directory.path, reason: "the folder is not writable")
        }
        var files: [(URL, String)] = report.charts.map { (directory.appendingPathComponent("\($0.name).svg"), $0.svg) }
        files.append((directory.appendingPathComponent("report.md"), report.markdown))
        files.append((directory.appendingPathComponent("report.html"), report.html))
        for (url, text) in files {
            do {
                try AtomicFileWriter.write(Data(text.utf8), to: url)
            } catch let error as ModelFileError {
                if case let .unwritable(_, reason) = error { throw ReportError(path: url.path, reason: reason) }
                throw ReportError(path: url.path, reason: error.description)
            }
        }
        return files.map(\.0)
    }

    /// The nearest existing ancestor of `directory` when it is a file ("'/a/b' is a file"), or `nil`.
    static func obstacle(to directory: URL) -> String? {
        var url = directory.deletingLastPathComponent()
        while url.path != "/" && !url.path.isEmpty {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) {
                return isFolder.boolValue ? nil : "'\(url.path)' is a file"
            }
            url = url.deletingLastPathComponent()
        }
        return nil
    }
}

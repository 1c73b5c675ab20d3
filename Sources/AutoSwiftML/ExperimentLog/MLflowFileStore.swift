import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes runs in the layout of MLflow's file store (`mlflow/store/tracking/file_store.py`), so
/// that `mlflow ui --backend-store-uri DIR` and `MlflowClient` with tracking URI `file:DIR` read them:
///
///     DIR/
///       0/meta.yaml                          the Default experiment
///       <experiment id>/
///         meta.yaml                          name, artifact_location, lifecycle_stage, times
///         <run id>/                          32 hex digits
///           meta.yaml                        run_id, run_name, status, start_time, end_time, …
///           params/<key>                     the value's text, no newline
///           metrics/<key>                    one "<timestamp ms> <value> <step>" line per point
///           tags/<key>                       mlflow.runName, mlflow.user, mlflow.source.*, …
///           artifacts/<path>                 files (the model file, the leaderboard)
///
/// Every file is written atomically (temporary file + rename), and a run's `meta.yaml` last, so a
/// reader never sees a half-written file and a run without `meta.yaml` was interrupted (MLflow
/// skips it with a warning).
public struct MLflowFileStore: Sendable {
    /// One experiment of the store.
    public struct ExperimentInfo: Sendable, Hashable {
        /// Its ID (the folder name, a decimal number).
        public let id: String
        /// Its name.
        public let name: String
    }

    /// The ID and name of the experiment MLflow creates first.
    public static let defaultExperimentID = "0"
    /// The name of experiment `0`.
    public static let defaultExperimentName = "Default"
    /// The longest experiment name MLflow accepts.
    public static let maxExperimentNameLength = 500
    /// The longest parameter value MLflow accepts; longer values are cut.
    public static let maxParamValueLength = 6000
    /// The longest tag value MLflow accepts; longer values are cut.
    public static let maxTagValueLength = 8000
    /// The longest key MLflow accepts.
    public static let maxKeyLength = 250
    /// Folders of the store root that are not experiments.
    static let reservedRootFolders: Set<String> = [".trash", "models"]

    /// The store's root folder (the tracking URI is `file:` + its path).
    public let root: URL

    /// A store rooted at `root` (made absolute against the current folder); nothing is written yet.
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    // MARK: - Experiments

    /// The active experiments: every folder of the root with a readable `meta.yaml` that is not
    /// marked deleted, sorted by numeric ID.
    /// - Throws: `ExperimentLogError.unreadable` when the root exists but cannot be listed.
    public func experiments() throws -> [ExperimentInfo] {
        let fm = FileManager.default
        guard fm.fileExists(atPath: root.path) else { return [] }
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: root.path) } catch {
            throw ExperimentLogError.unreadable(path: root.path, reason: AtomicFileWriter.reason(error))
        }
        var out: [ExperimentInfo] = []
        for folder in names where !Self.reservedRootFolders.contains(folder) && !folder.hasPrefix(".") {
            let meta = root.appendingPathComponent(folder).appendingPathComponent("meta.yaml")
            guard let data = fm.contents(atPath: meta.path) else { continue }
            let fields = MLflowYAML.parseFlatMapping(String(decoding: data, as: UTF8.self))
            guard let name = fields["name"], (fields["lifecycle_stage"] ?? "active") == "active",
                  (fields["experiment_id"] ?? folder) == folder else { continue }
            out.append(ExperimentInfo(id: folder, name: name))
        }
        return out.sorted { a, b in
            let x = Int(a.id), y = Int(b.id)
            if let x, let y, x != y { return x < y }
            return a.id < b.id
        }
    }

    /// The ID of the active experiment called `name` (`nil`: `Default`), created when missing.
    ///
    /// A new store first gets experiment `0` named `Default`, as MLflow makes it. A new experiment
    /// gets the smallest free ID above every existing numeric ID; folders are claimed with
    /// `mkdir`, so two processes never take the same ID.
    /// - Parameter now: the creation time to record, in milliseconds since 1970.
    /// - Throws: `ExperimentLogError.invalidExperimentName` for an empty or too long name;
    ///   `.unwritable` when a folder or file cannot be made.
    public func experimentID(named name: String?, now: Int64) throws -> String {
        let name = name ?? Self.defaultExperimentName
        try Self.validateExperimentName(name)
        try makeDirectory(root, mayExist: true, intermediate: true)
        var existing = try experiments()
        if !FileManager.default.fileExists(atPath: root.appendingPathComponent(Self.defaultExperimentID).path) {
            if try createExperiment(id: Self.defaultExperimentID, name: Self.defaultExperimentName, now: now) {
                existing = try experiments()
            }
        }
        if let found = existing.first(where: { $0.name == name }) { return found.id }
        var next = (existing.compactMap { Int($0.id) }.max() ?? 0) + 1
        while true {
            if try createExperiment(id: String(next), name: name, now: now) { return String(next) }
            next += 1
        }
    }

    /// Checks an experiment name as MLflow does.
    /// - Throws: `ExperimentLogError.invalidExperimentName`.
    public static func validateExperimentName(_ name: String) throws {
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ExperimentLogError.invalidExperimentName(name, reason: "it is empty")
        }
        if name.count > maxExperimentNameLength {
            throw ExperimentLogError.invalidExperimentName(
                String(name.prefix(40)) + "…", reason: "it is longer than \(maxExperimentNameLength) characters")
        }
    }

    /// Creates experiment folder `id` with its `meta.yaml`; false when the folder already exists.
    private func createExperiment(id: String, name: String, now: Int64) throws -> Bool {
        let folder = root.appendingPathComponent(id)
        guard try makeDirectory(folder, mayExist: false) else { return false }
        let meta = MLflowYAML.document([
            ("artifact_location", .string(folder.absoluteString.trimmingTrailingSlash)),
            ("creation_time", .integer(now)),
            ("effective_trace_archival_retention", .null),
            ("experiment_id", .string(id)),
            ("last_update_time", .integer(now)),
            ("lifecycle_stage", .string("active")),
            ("name", .string(name)),
            ("trace_location", .null),
            ("workspace", .string("default")),
        ])
        try writeFile(Data(meta.utf8), to: folder.appendingPathComponent("meta.yaml"))
        return true
    }

    // MARK: - Runs

    /// The folder of run `runID` of experiment `experimentID`.
    public func runDirectory(experimentID: String, runID: String) -> URL {
        root.appendingPathComponent(experimentID).appendingPathComponent(runID)
    }

    /// Claims the folder of `runID` in `experimentID`; false when it already exists (pick another ID).
    /// - Throws: `ExperimentLogError.unwritable` when it cannot be made.
    public func reserveRun(experimentID: String, runID: String) throws -> Bool {
        try makeDirectory(runDirectory(experimentID: experimentID, runID: runID), mayExist: false)
    }

    /// Writes `run` into its folder (reserved with `reserveRun`, or made here): parameters,
    /// metrics, tags and artifacts first, `meta.yaml` last.
    ///
    /// Keys are made safe for MLflow (`safeKey`); values longer than MLflow's limits are cut. The
    /// tags `mlflow.runName`, `mlflow.user`, `mlflow.source.type` are added when absent.
    /// - Throws: `ExperimentLogError.unwritable` naming the file.
    public func write(_ run: MLflowRunRecord) throws {
        let folder = runDirectory(experimentID: run.experimentID, runID: run.runID)
        try makeDirectory(folder, mayExist: true)
        for sub in ["params", "metrics", "tags", "artifacts"] {
            try makeDirectory(folder.appendingPathComponent(sub), mayExist: true)
        }
        for (key, value) in run.params.sorted(by: { $0.key < $1.key }) {
            let text = String(value.prefix(Self.maxParamValueLength))
            try writeFile(Data(text.utf8), to: folder.appendingPathComponent("params").appendingPathComponent(Self.safeKey(key)))
        }
        var order: [String] = []
        var lines: [String: [String]] = [:]
        for m in run.metrics where m.value.isFinite {
            let key = Self.safeKey(m.key)
            if lines[key] == nil { order.append(key) }
            lines[key, default: []].append(m.line)
        }
        for key in order {
            let text = (lines[key] ?? []).joined(separator: "\n") + "\n"
            try writeFile(Data(text.utf8), to: folder.appendingPathComponent("metrics").appendingPathComponent(key))
        }
        var tags = run.tags
        tags["mlflow.runName"] = tags["mlflow.runName"] ?? run.name
        tags["mlflow.user"] = tags["mlflow.user"] ?? run.userID
        tags["mlflow.source.type"] = tags["mlflow.source.type"] ?? "LOCAL"
        for (key, value) in tags.sorted(by: { $0.key < $1.key }) {
            let text = String(value.prefix(Self.maxTagValueLength))
            try writeFile(Data(text.utf8), to: folder.appendingPathComponent("tags").appendingPathComponent(Self.safeKey(key)))
        }
        let artifacts = folder.appendingPathComponent("artifacts")
        for artifact in run.artifacts {
            let parts = artifact.path.split(separator: "/").map { Self.safeKey(String($0)) }
            guard let fileName = parts.last else { continue }
            var dir = artifacts
            for part in parts.dropLast() {
                dir = dir.appendingPathComponent(part)
                try makeDirectory(dir, mayExist: true)
            }
            try writeFile(artifact.data, to: dir.appendingPathComponent(fileName))
        }
        let meta = MLflowYAML.document([
            ("artifact_uri", .string(artifacts.absoluteString.trimmingTrailingSlash)),
            ("end_time", .integer(run.endTime)),
            ("entry_point_name", .string("")),
            ("experiment_id", .string(run.experimentID)),
            ("lifecycle_stage", .string("active")),
            ("run_id", .string(run.runID)),
            ("run_name", .string(run.name)),
            ("source_name", .string("")),
            ("source_type", .integer(4)),          // SourceType.LOCAL
            ("source_version", .string("")),
            ("start_time", .integer(run.startTime)),
            ("status", .integer(Int64(run.status.rawValue))),
            ("tags", .emptyList),
            ("user_id", .string(run.userID)),
        ])
        try writeFile(Data(meta.utf8), to: folder.appendingPathComponent("meta.yaml"))
    }

    /// `key` as a name MLflow accepts and that is one file name: letters, digits, `_ - . space`
    /// (ASCII) kept, anything else (including `/` and `:`) replaced by `_`; `.` and `..` become
    /// `_`; at most 250 characters.
    public static func safeKey(_ key: String) -> String {
        var out = String(String.UnicodeScalarView(key.unicodeScalars.map { s -> Unicode.Scalar in
            let v = s.value
            let ok = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                || s == "_" || s == "-" || s == "." || s == " "
            return ok ? s : "_"
        }))
        if out.isEmpty || out == "." || out == ".." { out = "_" }
        return String(out.prefix(maxKeyLength))
    }

    // MARK: - Files

    /// Makes `url` a folder. Returns false when it already existed and `mayExist` is false.
    @discardableResult
    private func makeDirectory(_ url: URL, mayExist: Bool, intermediate: Bool = false) throws -> Bool {
        if intermediate {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw ExperimentLogError.unwritable(path: url.path, reason: AtomicFileWriter.reason(error))
            }
            return true
        }
        if mkdir(url.path, 0o755) == 0 { return true }
        let code = errno
        var isDirectory: ObjCBool = false
        if code == EEXIST, FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return mayExist
        }
        throw ExperimentLogError.unwritable(path: url.path, reason: String(cString: strerror(code)))
    }

    /// Writes `data` to `url` atomically.
    private func writeFile(_ data: Data, to url: URL) throws {
        do {
            try AtomicFileWriter.write(data, to: url)
        } catch let ModelFileError.unwritable(file, reason) {
            throw ExperimentLogError.unwritable(path: file, reason: reason)
        }
    }
}

extension String {
    /// The text without one trailing `/` (folder URLs end with one; MLflow's URIs do not).
    fileprivate var trimmingTrailingSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}

import Foundation
import MLCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a logged run came from: the command, its data file, when it started and how it was called.
public struct RunContext: Sendable, Hashable {
    /// The command (`compare`, `train`, `tune`), logged as the `command` parameter.
    public var command: String
    /// The data file's path as given, if any (the `file` parameter; its SHA-256 becomes a tag).
    public var dataFile: String?
    /// When the command started (the parent run's `start_time`).
    public var startTime: Date
    /// The full command line (the `automl.commandLine` tag; it shows every option used).
    public var commandLine: [String]
    /// The user (`user_id`, `mlflow.user`).
    public var userID: String

    /// A context; by default started now, with this process's command line and user.
    public init(command: String, dataFile: String? = nil, startTime: Date = Date(),
                commandLine: [String] = CommandLine.arguments, userID: String = RunContext.currentUser) {
        self.command = command
        self.dataFile = dataFile
        self.startTime = startTime
        self.commandLine = commandLine
        self.userID = userID
    }

    /// `$LOGNAME`, `$USER`, else the login name of the process's user, else `unknown`, as
    /// MLflow's `getpass.getuser()` finds it.
    public static var currentUser: String {
        let env = ProcessInfo.processInfo.environment
        for name in ["LOGNAME", "USER", "LNAME", "USERNAME"] {
            if let value = env[name], !value.isEmpty { return value }
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name {
            let text = String(cString: name)
            if !text.isEmpty { return text }
        }
        return "unknown"
    }
}

/// What was logged: where to find the parent run and its children.
public struct LoggedRun: Sendable, Hashable {
    /// The experiment's ID.
    public let experimentID: String
    /// The experiment's name.
    public let experimentName: String
    /// The parent run's ID.
    public let runID: String
    /// The child runs' IDs (one per compared model or tuning trial), in leaderboard or trial order.
    public let childRunIDs: [String]
    /// The parent run's folder.
    public let directory: URL

    /// One line for the user: `Logged run <id> to experiment 'name' (id N) in DIR.`
    public var summary: String {
        let children = childRunIDs.isEmpty ? "" : " with \(childRunIDs.count) child run(s)"
        return "Logged MLflow run \(runID)\(children) to experiment '\(experimentName)' (id \(experimentID)) in \(directory.deletingLastPathComponent().deletingLastPathComponent().path)."
    }
}

/// Records `compare`, `train` and `tune` runs in an MLflow file store (`MLflowFileStore`), so that
/// `mlflow ui` and MLflow's Python client show them: one parent run per command, and for `compare`
/// one nested child run per model, for `tune` one per trial (tag `mlflow.parentRunId`).
///
///     var logger = try ExperimentLogger(directory: URL(fileURLWithPath: "mlruns"), experimentName: "titanic", seed: 123)
///     let run = try logger.logCompare(board, experiment: experiment, options: options,
///                                     context: RunContext(command: "compare", dataFile: "titanic.csv"))
///
/// Metrics, parameters and artifacts come from the results only; the wall clock gives just the
/// timestamps and the run IDs (see `RunIDGenerator`), so a logged run's numbers are the same on
/// every repetition with the same seed.
public struct ExperimentLogger: Sendable {
    /// The store written to.
    public let store: MLflowFileStore
    /// The experiment's name.
    public let experimentName: String
    /// The experiment's ID (existing one of that name, or new).
    public let experimentID: String
    private var ids: RunIDGenerator

    /// A logger writing into the file store at `directory` (created when missing), into the
    /// experiment `experimentName` (`nil`: `Default`, ID 0), reused when one of that name exists.
    /// - Parameter seed: the experiment seed; run IDs are drawn from a stream rooted at it.
    /// - Throws: `ExperimentLogError` when the store cannot be read or written or the name is invalid.
    public init(directory: URL, experimentName: String? = nil, seed: UInt64) throws {
        store = MLflowFileStore(root: directory)
        let name = experimentName ?? MLflowFileStore.defaultExperimentName
        self.experimentName = name
        experimentID = try store.experimentID(named: name, now: Self.milliseconds(Date()))
        ids = RunIDGenerator(seed: seed, clockNanoseconds: UInt64(max(0, Date().timeIntervalSince1970 * 1e9)),
                             processID: ProcessInfo.processInfo.processIdentifier)
    }

    /// `date` in milliseconds since 1970, as MLflow stores times.
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// A new run ID whose folder has been claimed in the experiment.
    /// - Throws: `ExperimentLogError.unwritable` when no folder can be made.
    mutating func reserveRunID() throws -> String {
        for _ in 0..<64 {
            let id = ids.next()
            if try store.reserveRun(experimentID: experimentID, runID: id) { return id }
        }
        throw ExperimentLogError.unwritable(path: store.root.appendingPathComponent(experimentID).path,
                                            reason: "no free run ID after 64 attempts")
    }

    /// A run record in this experiment with the system tags every run gets: source name,
    /// command line, AutoSwiftML version, and the data file's name and SHA-256 when readable.
    func record(runID: String, name: String, context: RunContext, endTime: Int64) -> MLflowRunRecord {
        var run = MLflowRunRecord(runID: runID, experimentID: experimentID, name: name, userID: context.userID,
                                  startTime: Self.milliseconds(context.startTime), endTime: endTime)
        run.tags["mlflow.source.name"] = "automl \(context.command)"
        run.tags["mlflow.source.type"] = "LOCAL"
        run.tags["automl.command"] = context.command
        run.tags["automl.commandLine"] = context.commandLine.map(Self.shellQuoted).joined(separator: " ")
        run.tags["automl.version"] = AutoSwiftMLVersion.string
        if let file = context.dataFile {
            run.params["file"] = file
            if let data = FileManager.default.contents(atPath: file) {
                run.tags["automl.file.sha256"] = SHA256.hexDigest(data)
            }
        }
        run.params["command"] = context.command
        return run
    }

    /// The bytes of the model file at `url`, or `model` encoded as a model file when there is none.
    static func modelFileBytes(savedAt url: URL?, model: TrainedModel?) throws -> Data? {
        if let url, let data = FileManager.default.contents(atPath: url.path) { return data }
        guard let model else { return nil }
        return try ModelFile.encode(model)
    }

    /// `word` quoted for a POSIX shell when it holds anything but safe characters.
    static func shellQuoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { s in
            (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0x41 && s.value <= 0x5A)
                || (s.value >= 0x61 && s.value <= 0x7A) || "-_./=,:@+%".unicodeScalars.contains(s)
        }
        if safe && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

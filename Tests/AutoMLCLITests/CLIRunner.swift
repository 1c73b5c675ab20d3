import Foundation
import TestSupport

/// The result of running the built `automl` binary.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the `automl` executable that `swift build` put beside the test bundle.
enum CLIRunner {
    static var executable: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("automl"),
            RepositoryPaths.root.appendingPathComponent(".build/debug/automl"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }

    static func run(_ arguments: [String], currentDirectory: URL = RepositoryPaths.root) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = currentDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes `contents` to a fresh temporary file and returns its URL.
    static func temporaryFile(named name: String, contents: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("automl-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }
}

import Foundation

/// Locations in the repository, found from this file's path so tests need no bundle resources.
public enum RepositoryPaths {
    /// The repository root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `datasets/` at the root.
    public static let datasets: URL = root.appendingPathComponent("datasets")
    /// `Tests/` at the root.
    public static let tests: URL = root.appendingPathComponent("Tests")
    /// A dataset file by name.
    public static func dataset(_ name: String) -> URL { datasets.appendingPathComponent(name) }
}

/// A fresh, empty folder under the system's temporary folder, named `prefix-<UUID>`.
public func makeTemporaryFolder(_ prefix: String) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

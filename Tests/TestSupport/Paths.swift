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

import Foundation
import Testing
import TestSupport
import AutoSwiftML

/// The "Use from Swift" example of README.md, kept compiling and true.
@Suite struct ReadmeExampleTests {
    @Test func readmeExampleRuns() throws {
        let table = try CSVReader.readTable(at: RepositoryPaths.dataset("titanic.csv"))
        var config = ExperimentConfig(seed: 123)
        config.folds.count = 3   // the README uses 10; 3 keeps the debug-build test quick
        let experiment = try Experiment(table: table, targetColumn: "Survived", config: config)
        let leaderboard = try compare(experiment, options: CompareOptions(exclude: ["mlp"]))
        let best = try #require(leaderboard.best)
        #expect(best.modelID != "dummy")
        #expect((best.mean(.accuracy) ?? 0) > 0.75)
    }
}

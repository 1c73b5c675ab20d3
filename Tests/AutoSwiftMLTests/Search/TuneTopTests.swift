import Foundation
import Testing
import TestSupport
@testable import AutoSwiftML

@Suite struct TuneTopTests {
    /// Titanic, 3 folds, seed `seed`, and its leaderboard over four fast models.
    static func titanic(seed: UInt64 = 123) throws -> (Experiment, Leaderboard) {
        let (table, _) = try CSVReader.read(at: RepositoryPaths.dataset("titanic.csv"))
        var config = ExperimentConfig(seed: seed)
        config.folds.count = 3
        config.threadCount = 2
        let experiment = try Experiment(table: table, targetColumn: "Survived", config: config)
        let board = try compare(experiment, options: CompareOptions(include: ["lr", "dt", "ridge", "dummy"],
                                                                     scoresHoldout: false))
        return (experiment, board)
    }

    static let options = TuneOptions(search: SearchOptions(method: .tpe, trials: 6, startupTrials: 3))

    @Test func tunesTheTopTwoInLeaderboardOrderAndNeverLosesWithChooseBetter() throws {
        let (experiment, board) = try Self.titanic()
        let results = try tuneTop(2, of: board, experiment: experiment, options: Self.options)
        #expect(results.map(\.modelID) == board.rows.prefix(2).map(\.modelID))
        for (result, row) in zip(results, board.rows) {
            #expect(result.history.count == 6)
            #expect(result.metric == board.sortMetric)
            // The untuned score is the leaderboard's, and choose-better never returns worse.
            #expect(result.defaultScore == row.mean(board.sortMetric))
            let untuned = try #require(result.defaultScore)
            let tuned = try #require(result.bestScore)
            #expect(tuned >= untuned)
            #expect(result.keptDefault == (tuned == untuned && result.bestParameters.isEmpty))
        }

        let summary = TunedLeaderboard(leaderboard: board, k: 2, results: results)
        #expect(summary.rows.map(\.modelID) == results.map(\.modelID))
        #expect(summary.notes.isEmpty)
        let text = summary.rendered()
        #expect(text.hasPrefix("Tuned top 2 (tpe search, 6 trials each, 3-fold cross-validation, metric Accuracy):"))
        for r in results { #expect(text.contains("(\(r.modelID))")) }
        #expect(text.contains("Kept default"))
    }

    @Test func sameSeedSameResultsOtherSeedOtherHistory() throws {
        let (experiment, board) = try Self.titanic()
        let a = try tuneTop(2, of: board, experiment: experiment, options: Self.options)
        let b = try tuneTop(2, of: board, experiment: experiment, options: Self.options)
        #expect(a.map(TuneTests.withoutTimes) == b.map(TuneTests.withoutTimes))
        #expect(a.map(\.bestParameters) == b.map(\.bestParameters))
        let summaryA = TunedLeaderboard(leaderboard: board, k: 2, results: a)
        #expect(summaryA == TunedLeaderboard(leaderboard: board, k: 2, results: b))

        let (otherExperiment, otherBoard) = try Self.titanic(seed: 124)
        let c = try tuneTop(1, of: otherBoard, experiment: otherExperiment, options: Self.options)
        #expect(c.count == 1)
        #expect(TuneTests.withoutTimes(c[0]) != TuneTests.withoutTimes(a[0]))
    }

    @Test func skipsModelsWithoutASpaceAndChecksItsInputs() throws {
        let (experiment, board) = try Self.titanic()
        #expect(try tuneTop(0, of: board, experiment: experiment, options: Self.options).isEmpty)
        #expect(throws: MLError.self) { try tuneTop(-1, of: board, experiment: experiment, options: Self.options) }
        let (otherExperiment, _) = try Self.titanic(seed: 7)
        #expect(throws: MLError.self) { try tuneTop(1, of: board, experiment: otherExperiment, options: Self.options) }

        // A row whose model has no default space is skipped and noted; failed rows are never tuned.
        var edited = board
        let template = board.rows[0]
        edited.rows.insert(LeaderboardRow(modelID: "nospace", displayName: "No Space", scores: template.scores,
                                          fitSeconds: nil, error: nil), at: 0)
        edited.rows.append(LeaderboardRow(modelID: "lr", displayName: "Failed", scores: [], fitSeconds: nil, error: "boom"))
        let options = TuneOptions(search: SearchOptions(method: .random, trials: 2))
        let results = try tuneTop(2, of: edited, experiment: experiment, options: options)
        #expect(results.map(\.modelID) == [board.rows[0].modelID])
        let summary = TunedLeaderboard(leaderboard: edited, k: 2, results: results)
        #expect(summary.notes == ["No Space (nospace) was not tuned: it has no default search space."])
        #expect(summary.rendered().contains("Note: No Space (nospace) was not tuned"))
    }

    @Test func numberFormatting() {
        #expect(formatFixed(0.80254, decimals: 4) == "0.8025")
        #expect(formatFixed(-0.00004, decimals: 4) == "0.0000")
        #expect(formatFixed(-1.5, decimals: 2) == "-1.50")
        #expect(formatSignificant(0.0012345) == "0.001234" || formatSignificant(0.0012345) == "0.001235")
        #expect(formatSignificant(123.456) == "123.5")
        #expect(formatSignificant(2.0) == "2")
    }
}

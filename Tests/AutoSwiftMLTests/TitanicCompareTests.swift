import Foundation
import Testing
import TestSupport
import AutoSwiftML

/// End to end on `datasets/titanic.csv` (891 rows) with the registered lr and dummy models.
@Suite("Titanic compare")
struct TitanicCompareTests {
    func titanic() throws -> DataTable {
        try CSVReader.readTable(at: RepositoryPaths.dataset("titanic.csv"))
    }

    @Test func logisticRegressionBeatsDummy() throws {
        var config = ExperimentConfig()        // seed 123, 70/30 stratified, 10 stratified folds
        config.threadCount = 2
        let experiment = try Experiment(table: titanic(), targetColumn: "Survived", config: config)
        #expect(experiment.task == .binary)
        #expect(experiment.trainTable.rowCount == 623)   // floor(0.7 × 891)
        let board = try compare(experiment, options: CompareOptions(include: ["lr", "dummy"]))
        #expect(board.rows.map(\.modelID) == ["lr", "dummy"])
        let lr = try #require(board.rows.first)
        let accuracy = try #require(lr.mean(.accuracy))
        // PyCaret 3.3 setup(session_id=123) + compare_models() reports about 0.79–0.80 for lr here.
        #expect(accuracy > 0.77 && accuracy < 0.82, "lr CV accuracy \(accuracy)")
        #expect((lr.mean(.auc) ?? 0) > 0.8)
        let dummy = board.rows[1]
        #expect(isClose(dummy.mean(.accuracy) ?? 0, 0.6164, rel: 0, abs: 0.01))   // majority share of the training part
        #expect((board.holdout?.scores.first ?? nil).map { $0 > 0.74 } == true)
        let dropped = Set(board.droppedColumns.map(\.name))
        #expect(dropped.contains("PassengerId") && dropped.contains("Name"))
        #expect(board.featureNames.contains("Sex_male"))
    }
}

import AutoSwiftML
import Foundation
import Testing
import TestSupport

/// finalize, train, predict and evaluate on small tables and on titanic.
@Suite struct LifecycleTests {
    static func titanicExperiment() throws -> Experiment {
        let table = try CSVReader.readTable(at: RepositoryPaths.dataset("titanic.csv"))
        var config = ExperimentConfig(seed: 123)
        config.folds.count = 3
        return try Experiment(table: table, targetColumn: "Survived", config: config)
    }

    @Test func finalizeFitsEveryRowInFileOrder() throws {
        let experiment = try Self.titanicExperiment()
        let model = try finalize(experiment, modelID: "lr")
        #expect(model.fingerprint.rows == .all)
        #expect(model.fingerprint.rowCount == experiment.trainTable.rowCount + experiment.holdoutTable.rowCount)
        #expect(model.schema["PassengerId"]?.isIDLike == true)   // still a counter in file order
        #expect(model.classNames == ["0", "1"])
        #expect(model.entry == EstimatorEntry(kind: .classification, id: "lr", typeName: "LogisticRegression"))
        let table = try CSVReader.readTable(at: RepositoryPaths.dataset("titanic.csv"))
        let predictions = try model.predict(table)
        #expect(predictions.count == table.rowCount)
        let p = try #require(predictions.probabilities)
        for i in 0..<p.rowCount { #expect(abs(p[i, 0] + p[i, 1] - 1) < 1e-12) }
        // Deterministic: the same experiment gives the same file.
        #expect(try ModelFile.encode(finalize(experiment, modelID: "lr")) == ModelFile.encode(model))
    }

    /// `train` scores the holdout with the same streams as `compare`'s holdout row.
    @Test func trainHoldoutMatchesCompare() throws {
        let experiment = try Self.titanicExperiment()
        let report = try train(experiment, modelID: "nb")
        let board = try compare(experiment, options: CompareOptions(include: ["nb"]))
        let holdout = try #require(board.holdout)
        let evaluation = try #require(report.holdout)
        #expect(evaluation.scores == holdout.scores)
        #expect(report.model.fingerprint.rows == .trainingPart)
        #expect(report.model.fingerprint.holdoutRowCount == experiment.holdoutTable.rowCount)
        #expect(report.model.fingerprint.holdoutMetrics["accuracy"] == evaluation.score(.accuracy))
        let confusion = try #require(evaluation.confusionMatrix)
        #expect(confusion.counts.flatMap { $0 }.reduce(0, +) == experiment.holdoutTable.rowCount)
    }

    @Test func unseenCategoryWarnsAndPredicts() throws {
        let model = try LifecycleTestData.logisticModel()
        var table = try LifecycleTestData.table()
        try table.setColumn(Column(name: "colour", data: .categorical(codes: (0..<40).map { $0 == 5 ? 1 : 0 },
                                                                        levels: ["blue", "purple"])))
        let predictions = try model.predict(table)
        #expect(predictions.count == 40)
        #expect(predictions.warnings.count == 1)
        #expect(predictions.warnings.first?.contains("'purple'") == true)
    }

    @Test func extraColumnsIgnoredAndTypesConverted() throws {
        let model = try LifecycleTestData.logisticModel()
        let full = try LifecycleTestData.table()
        let expected = try model.predict(full)
        // A small file: 'flag' read as categorical text, numbers as text, an extra column, no 'id'.
        var table = full.dropping(["id"])
        let flag = try #require(table.column(named: "flag"))
        let words = (0..<flag.count).map { flag.string(at: $0) == "true" ? "yes" : "no" }
        try table.setColumn(Column(name: "flag", data: .text(words)))
        let x1 = try #require(table.column(named: "x1"))
        try table.setColumn(Column(name: "x1", data: .text((0..<x1.count).map { x1.string(at: $0) })))
        try table.setColumn(Column(name: "extra", data: .text((0..<x1.count).map { _ in "z" })))
        let got = try model.predict(table)
        #expect(got.prediction == expected.prediction)
        var bad = table
        try bad.setColumn(Column(name: "flag", data: .text(words.enumerated().map { $0.offset == 2 ? "maybe" : $0.element })))
        #expect(throws: MLError.self) { try model.predict(bad) }
    }

    @Test func evaluateOnLabelledRegressionData() throws {
        let table = try LifecycleTestData.table(rows: 40, regression: true)
        let model = try TrainedModel.fit(table: table, targetColumn: "y", estimator: Ridge()).model
        let evaluation = try model.evaluate(table)
        #expect(evaluation.rowCount == 40)
        #expect(evaluation.confusionMatrix == nil)
        let residuals = try #require(evaluation.residuals)
        #expect(abs(residuals.mean) < 1e-8)           // least squares with an intercept
        #expect(residuals.minimum <= residuals.median && residuals.median <= residuals.maximum)
        #expect((evaluation.score(.r2) ?? 0) > 0.5)
    }

    @Test func evaluateRejectsUnknownClassAndMissingTarget() throws {
        let model = try LifecycleTestData.logisticModel()
        let table = try LifecycleTestData.table()
        #expect(throws: MLError.self) { try model.evaluate(table.dropping(["y"])) }
        var relabelled = table
        try relabelled.setColumn(Column(name: "y", data: .categorical(codes: (0..<40).map { Int32($0 % 2) }, levels: ["maybe", "no"])))
        do {
            _ = try model.evaluate(relabelled)
            Issue.record("an unknown class should be refused")
        } catch let error as MLError {
            #expect(error.description.contains("'maybe'"))
        }
    }

    @Test func hyperparameterOverrides() throws {
        let spec = try ModelRegistry.requireSpec(id: "lr", kind: .classification)
        let estimator = try spec.estimator(overriding: [("c", "0.25"), ("maxIterations", "50"), ("fitsIntercept", "false")])
        let lr = try #require(estimator as? LogisticRegression)
        #expect(lr.c == 0.25)
        #expect(lr.maxIterations == 50)
        #expect(lr.fitsIntercept == false)
        do {
            _ = try spec.estimator(overriding: [("C", "1")])
            Issue.record("an unknown key should be refused")
        } catch let error as MLError {
            #expect(error.description.contains("'C'"))
            #expect(error.description.contains("maxIterations"))
        }
        #expect(throws: MLError.self) { try spec.estimator(overriding: [("c", "abc")]) }
        #expect(throws: MLError.self) { try spec.estimator(overriding: [("maxIterations", "2.5")]) }
        #expect(throws: MLError.self) { try spec.estimator(overriding: [("fitsIntercept", "maybe")]) }
        #expect(throws: MLError.self) { try spec.estimator(overriding: [("penalty", "nonsense")]) }
        #expect(throws: MLError.self) { try spec.estimator(overriding: [("c", "-1")]) }   // constraint
    }

    @Test func unregisteredEstimatorCannotBeTrained() throws {
        let table = try LifecycleTestData.table()
        #expect(throws: MLError.self) {
            try TrainedModel.fit(table: table, targetColumn: "y", estimator: Ridge())   // regression model, class target
        }
    }
}

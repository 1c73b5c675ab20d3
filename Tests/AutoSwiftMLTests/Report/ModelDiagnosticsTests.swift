import Foundation
import Testing
import TestSupport
@testable import AutoSwiftML

@Suite("Model diagnostics")
struct ModelDiagnosticsTests {
    @Test func boostingLearningCurveEndsAtTheHoldoutError() throws {
        let table = try CSVReader.readTable(at: RepositoryPaths.dataset("diabetes.csv"))
        var config = ExperimentConfig()
        config.folds.count = 2
        config.threadCount = 1
        let target = try #require(table.columnNames.last)
        let experiment = try Experiment(table: table, targetColumn: target, task: .regression, config: config)
        var booster = LightGBM()
        booster.estimatorCount = 15
        let training = try train(experiment, estimator: booster)
        let mse = try #require(training.holdout?.score(.mse))
        let charts = try ModelDiagnostics.charts(model: training.model, table: experiment.holdoutTable,
                                                 target: experiment.holdoutTarget)
        #expect(charts.map(\.name) == ["residuals", "feature_importance", "learning_curve"])
        #expect(try #require(charts.last).svg.contains("Learning curve (holdout mean squared error)"))
        // The loss after the last iteration is the holdout MSE of the model's own predictions.
        let features = try training.model.pipeline.transform(training.model.schema.prepare(experiment.holdoutTable).table)
        let curve = try #require(BoostingLearningCurve.losses(model: training.model.model, features: features,
                                                             target: experiment.holdoutTarget))
        #expect(curve.losses.count == 15)
        #expect(isClose(try #require(curve.losses.last), mse, rel: 1e-9, abs: 1e-9))
    }

    @Test func binaryBoostingLearningCurveEndsAtTheHoldoutLogLoss() throws {
        let table = try CSVReader.readTable(at: RepositoryPaths.dataset("titanic.csv"))
        var config = ExperimentConfig()
        config.folds.count = 2
        config.threadCount = 1
        let experiment = try Experiment(table: table, targetColumn: "Survived", config: config)
        var booster = LightGBM()
        booster.estimatorCount = 10
        let training = try train(experiment, estimator: booster)
        let predictions = try training.model.predict(experiment.holdoutTable)
        let logLoss = try Metric.logLoss.evaluate(truth: experiment.holdoutTarget, prediction: predictions.prediction,
                                                  probabilities: predictions.probabilities)
        let features = try training.model.pipeline.transform(training.model.schema.prepare(experiment.holdoutTable).table)
        let curve = try #require(BoostingLearningCurve.losses(model: training.model.model, features: features,
                                                             target: experiment.holdoutTarget))
        #expect(curve.name == "log loss" && curve.losses.count == 10)
        #expect(isClose(try #require(curve.losses.last), logLoss, rel: 1e-9, abs: 1e-9))
        #expect(curve.losses[9] < curve.losses[0])
    }

    @Test func linearClassifierImportancesAreAbsoluteCoefficients() throws {
        let table = try CSVReader.readTable(at: RepositoryPaths.dataset("titanic.csv"))
        var config = ExperimentConfig()
        config.folds.count = 2
        let experiment = try Experiment(table: table, targetColumn: "Survived", config: config)
        let training = try train(experiment, modelID: "lr")
        let (values, source) = try #require(ModelDiagnostics.importances(training.model.model))
        #expect(source == "|coefficient|")   // binary: one coefficient column
        #expect(values.count == training.model.pipeline.featureNames.count)
        #expect(values.allSatisfy { $0 >= 0 })
    }
}

import Foundation
import Testing
import TestSupport
import AutoSwiftML

/// End to end: a tiny titanic compare (3 folds; lr, dummy, dt) written as a report folder.
@Suite("Run report", .serialized)
struct RunReportTests {
    static func experiment() throws -> (Experiment, DataTable, Schema) {
        let (table, schema) = try CSVReader.read(at: RepositoryPaths.dataset("titanic.csv"))
        var config = ExperimentConfig()
        config.folds.count = 3
        config.threadCount = 1
        return (try Experiment(table: table, targetColumn: "Survived", config: config), table, schema)
    }

    static func compareReport() throws -> (RunReport, Experiment) {
        let (experiment, table, schema) = try experiment()
        let board = try compare(experiment, options: CompareOptions(include: ["lr", "dummy", "dt"]))
        let data = DataSummary(file: "datasets/titanic.csv", table: table, schema: schema, experiment: experiment,
                               droppedColumns: board.droppedColumns)
        let warning = DataWarning(kind: .leakingColumn, severity: .warning, column: "Sex",
                                  message: "Column 'Sex' <alone> predicts & \"leaks\".", hint: "--drop Sex")
        return (try RunReport.compare(board, experiment: experiment, data: data, warnings: [warning]), experiment)
    }

    static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("autoswiftml-report-tests-\(ProcessInfo.processInfo.processIdentifier)")
            .appendingPathComponent(name)
    }

    @Test func compareReportWritesEveryFile() throws {
        let (report, _) = try Self.compareReport()
        let names = report.charts.map(\.name)
        #expect(names == ["leaderboard", "roc", "precision_recall", "confusion_matrix", "feature_importance"]
                || names == ["leaderboard", "roc", "precision_recall", "confusion_matrix"], "\(names)")
        let folder = Self.temporaryFolder("compare/nested")
        try? FileManager.default.removeItem(at: folder)
        let files = try ReportWriter.write(report, to: folder)
        #expect(files.map(\.lastPathComponent) == names.map { "\($0).svg" } + ["report.md", "report.html"])
        for file in files { #expect(FileManager.default.fileExists(atPath: file.path), "\(file.path)") }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)

        let markdown = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# Compare: titanic.csv → Survived\n"))
        for name in names { #expect(markdown.contains("](\(name).svg)")) }
        #expect(markdown.contains("| Logistic Regression | lr |"))
        #expect(markdown.contains("WARNING: Column 'Sex' \\<alone\\> predicts & \"leaks\". (hint: --drop Sex)"))
        #expect(markdown.contains("| PassengerId | numeric |") || markdown.contains("| PassengerId |"))
        for svgFile in files where svgFile.pathExtension == "svg" {
            let svg = try String(contentsOf: svgFile, encoding: .utf8)
            #expect(SVGValidation.parse(svg)?.root == "svg", "\(svgFile.lastPathComponent)")
        }
    }

    @Test func htmlIsSelfContained() throws {
        let (report, _) = try Self.compareReport()
        let html = report.html
        for chart in report.charts { #expect(html.contains(chart.svg), "\(chart.name) not inlined") }
        #expect(html.contains("Column &apos;Sex&apos; &lt;alone&gt; predicts &amp; &quot;leaks&quot;."))
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"))
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("<script") && !html.contains("url("))
        #expect(html.contains("<h2>Leaderboard</h2>") && html.contains("<h2>Holdout</h2>"))
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        let (a, _) = try Self.compareReport()
        let (b, _) = try Self.compareReport()
        #expect(a.markdown == b.markdown)
        #expect(a.html == b.html)
    }

    @Test func rocLegendAgreesWithTheHoldoutAUC() throws {
        let (experiment, _, _) = try Self.experiment()
        let training = try train(experiment, modelID: "lr")
        let auc = try #require(training.holdout?.score(.auc))
        let predictions = try training.model.predict(experiment.holdoutTable)
        let p = try #require(predictions.probabilities)
        guard case let .classes(truth, _) = experiment.holdoutTarget else { Issue.record("not classes"); return }
        let curve = try #require(ClassificationCurve.roc(scores: (0..<p.rowCount).map { p[$0, 1] }, positives: truth.map { $0 == 1 }))
        #expect(isClose(curve.area, auc, rel: 1e-9, abs: 1e-12))
    }

    @Test func unwritableFolderIsAClearError() throws {
        let (experiment, table, schema) = try Self.experiment()
        let report = RunReport(title: "t", data: DataSummary(file: "x.csv", table: table, schema: schema, experiment: experiment))
        let base = Self.temporaryFolder("unwritable")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let file = base.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        #expect(throws: ReportError.self) { try ReportWriter.write(report, to: file) }
        do {
            _ = try ReportWriter.write(report, to: file.appendingPathComponent("below"))
            Issue.record("expected an error")
        } catch let error as ReportError {
            #expect(error.description == "Cannot write the report to '\(file.appendingPathComponent("below").path)': the folder cannot be created ('\(file.path)' is a file).")
        }
    }

    @Test func trainReportOnASeparateTestTable() throws {
        let table = try CSVReader.readTable(at: RepositoryPaths.dataset("titanic.csv"))
        let trainPart = table.gatheringRows(Array(0..<400)), testPart = table.gatheringRows(Array(400..<table.rowCount))
        let training = try TrainedModel.fit(table: trainPart, targetColumn: "Survived", estimator: DecisionTreeClassifier())
        let model = training.model
        let data = DataSummary(file: "train.csv", rowCount: trainPart.rowCount, columnCount: trainPart.columnCount,
                               targetName: "Survived", task: model.task, columns: Schema(of: trainPart).columns,
                               droppedColumns: model.pipeline.droppedColumns, droppedTargetRowCount: 0,
                               trainRowCount: 400, holdoutRowCount: testPart.rowCount, foldCount: 0, seed: 123)
        let report = try RunReport.train(training, labelled: testPart, scoredOn: "491 rows of test.csv", data: data)
        #expect(report.charts.map(\.name) == ["roc", "precision_recall", "confusion_matrix", "feature_importance"])
        #expect(report.markdown.contains("Decision Tree Classifier (dt), fitted on every row of train.csv and scored on 491 rows of test.csv."))
        let evaluation = try model.evaluate(testPart)
        #expect(report.holdout?.scores == evaluation.scores)
    }

    @Test func tuneReportStartsWithTheTrialHistory() throws {
        let (experiment, table, schema) = try Self.experiment()
        let result = try tune("dt", in: experiment, trials: 4)
        let report = try RunReport.tune(result, experiment: experiment,
                                        data: DataSummary(file: "titanic.csv", table: table, schema: schema, experiment: experiment))
        #expect(report.charts.first?.name == "tuning_history")
        #expect(report.charts.map(\.name).contains("confusion_matrix"))
        #expect(report.markdown.contains("## Tuning"))
        #expect(report.markdown.contains("4 trials"))
    }
}

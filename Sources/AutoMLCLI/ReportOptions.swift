import ArgumentParser
import AutoSwiftML
import Foundation

/// `--report DIR`, shared by `compare`, `train` and `tune`: writes `report.md` (with one SVG file
/// per chart beside it) and a self-contained `report.html` into DIR, created when needed.
struct ReportOptions: ParsableArguments {
    @Option(name: .customLong("report"), help: ArgumentHelp(
        "Write a run report into this folder: report.md, report.html and the charts as SVG.",
        valueName: "dir"))
    var directory: String?

    /// True when `--report` was given.
    var isRequested: Bool { directory != nil }

    /// After `compare`: the leaderboard, its chart, and the best model refitted on the training
    /// part with its holdout charts. Does nothing without `--report`.
    /// - Parameters:
    ///   - table: the table as read (before `--drop`, or after: its columns are listed).
    ///   - schema: the reader's schema (`nil` infers it).
    ///   - warnings: the data-check findings (before and after training).
    func writeCompareReport(_ board: Leaderboard, experiment: Experiment, table: DataTable, schema: Schema?,
                            file: String, warnings: [DataWarning]) throws {
        guard let directory else { return }
        let data = DataSummary(file: file, table: table, schema: schema, experiment: experiment,
                               droppedColumns: board.droppedColumns)
        try write(RunReport.compare(board, experiment: experiment, data: data, warnings: warnings), to: directory)
    }

    /// After `train` without `--test`: the model's holdout scores and charts.
    func writeTrainReport(_ training: TrainingReport, experiment: Experiment, table: DataTable, file: String,
                          warnings: [DataWarning] = []) throws {
        guard let directory else { return }
        let data = DataSummary(file: file, table: table, schema: nil, experiment: experiment,
                               droppedColumns: training.model.pipeline.droppedColumns, usesFolds: false)
        try write(RunReport.train(training, experiment: experiment, data: data, warnings: warnings), to: directory)
    }

    /// After `train --test FILE`: the model (fitted on every row of `table`) scored on `test`.
    func writeTrainReport(_ training: TrainingReport, test: DataTable, testFile: String, table: DataTable, file: String,
                          warnings: [DataWarning] = []) throws {
        guard let directory else { return }
        let model = training.model
        let data = DataSummary(file: file, rowCount: table.rowCount, columnCount: table.columnCount,
                               targetName: model.targetName, task: model.task, columns: Schema(of: table).columns,
                               droppedColumns: model.pipeline.droppedColumns, droppedTargetRowCount: 0,
                               trainRowCount: model.fingerprint.rowCount, holdoutRowCount: test.rowCount, foldCount: 0,
                               seed: model.fingerprint.seed)
        try write(RunReport.train(training, labelled: test, scoredOn: "\(test.rowCount) rows of \(testFile)", data: data,
                                  warnings: warnings), to: directory)
    }

    /// After `tune`: the tuning summary and history chart, then the tuned model's holdout charts.
    func writeTuneReport(_ result: TuneResult, experiment: Experiment, table: DataTable, file: String,
                         warnings: [DataWarning] = []) throws {
        guard let directory else { return }
        let data = DataSummary(file: file, table: table, schema: nil, experiment: experiment,
                               droppedColumns: result.pipeline.droppedColumns)
        try write(RunReport.tune(result, experiment: experiment, data: data, warnings: warnings), to: directory)
    }

    /// Writes the files and says where on standard error.
    private func write(_ report: RunReport, to directory: String) throws {
        let url = URL(fileURLWithPath: directory)
        _ = try ReportWriter.write(report, to: url)
        AutoMLMain.writeError("Report written to \(url.appendingPathComponent("report.html").path) and report.md")
    }
}

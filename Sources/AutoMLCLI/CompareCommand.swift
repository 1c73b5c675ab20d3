import ArgumentParser
import AutoSwiftML
import Foundation

/// `automl compare`: cross-validates every model on a CSV file and prints a leaderboard, like
/// PyCaret's `setup(...)` followed by `compare_models()`.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Cross-validate every model on a CSV file and print a leaderboard.",
        discussion: """
        The data is split into a training part (70% by default, stratified for classification) and a
        holdout part. Each model is cross-validated on the training part with preprocessing fitted
        inside each fold; the best model is then refitted on the training part and scored on the
        holdout. The best value of each column is marked with '*'.

        Examples:
          automl compare datasets/titanic.csv --target Survived
          automl compare datasets/titanic.csv --target Survived --folds 5 --seed 7 --format markdown
          automl compare data.csv --target price --task regression --include lr,ridge,dummy
          automl compare data.csv --target y --drop leaky_column --scaling standard
          automl compare datasets/titanic.csv --target Survived --save-best model.json
        """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Number of cross-validation folds.")
    var folds: Int = 10

    @Option(help: "Seed of every random choice (split, folds, models).")
    var seed: UInt64 = 123

    @Option(name: .customLong("train-size"), help: "Fraction of rows in the training part (the rest is the holdout).")
    var trainSize: Double = 0.7

    @Option(name: .customLong("fold-strategy"), help: "stratified (classification default) or kfold.")
    var foldStrategy: FoldStrategy = .stratified

    @Option(help: "Feature scaling after encoding: none (PyCaret's default), standard, minMax or robust.")
    var scaling: Scaling = .none

    @Option(help: "Columns to leave out, comma-separated (e.g. a leaking column).")
    var drop: String?

    @Option(help: "The metric to sort by (e.g. Accuracy, AUC, F1, R2, MAE).")
    var sort: String?

    @Option(help: "Only these model IDs, comma-separated (see `automl models`).")
    var include: String?

    @Option(help: "Leave out these model IDs, comma-separated.")
    var exclude: String?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Option(help: "Output format: table, markdown, json or csv.")
    var format: OutputFormatArgument = .table

    @Option(help: "Write the leaderboard to this file instead of standard output.")
    var output: String?

    @Flag(name: [.short, .long], help: "Print only the leaderboard.")
    var quiet = false

    @Option(name: .customLong("save-best"), help: "Refit the best model on every row and save it to this model file.")
    var saveBest: String?

    func validate() throws {
        guard (2...100).contains(folds) else { throw ValidationError("--folds must be between 2 and 100; got \(folds).") }
        guard trainSize > 0, trainSize < 1 else { throw ValidationError("--train-size must be in (0, 1); got \(trainSize).") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1; got \(threads).") }
        if let sort, Metric(name: sort) == nil {
            throw ValidationError("Unknown metric '\(sort)' for --sort. Choose one of: \(Metric.allCases.map(\.displayName).joined(separator: ", ")).")
        }
    }

    func run() throws {
        let start = Date()
        var (table, _) = try data.read()
        if let names = Self.ids(drop) {
            for name in names where table.column(named: name) == nil {
                throw CLIError(description: "--drop: no column named '\(name)'. Available columns: \(table.columnNames.joined(separator: ", ")).")
            }
            table = table.dropping(Set(names))
        }
        var config = ExperimentConfig(seed: seed)
        config.split.trainFraction = trainSize
        config.folds.count = folds
        config.folds.strategy = foldStrategy
        config.preprocessing.scaling = scaling
        config.threadCount = threads
        let experiment = try Experiment(table: table, targetColumn: data.target, kind: data.task, config: config)
        let options = CompareOptions(include: Self.ids(include), exclude: Self.ids(exclude) ?? [],
                                     sortMetric: sort.flatMap { Metric(name: $0) })
        let board = try compare(experiment, options: options)

        var text = ""
        if !quiet && format.value == .table {
            text += summary(board, file: data.file, table: table) + "\n\n"
        }
        text += try LeaderboardRenderer.render(board, format: format.value) + "\n"
        if !quiet && format.value == .table {
            for row in board.rows { if let error = row.error { text += "\n\(row.displayName) (\(row.modelID)) failed: \(error)" } }
            if board.rows.contains(where: { $0.error != nil }) { text += "\n" }
            if let holdout = LeaderboardRenderer.holdoutSummary(board) { text += "\n" + holdout + "\n" }
        }
        if let saveBest {
            let note = try LifecycleSupport.saveBest(board, experiment: experiment, dataFile: data.file, to: saveBest)
            if !quiet && format.value == .table { text += "\n" + note + "\n" }
        }
        if !quiet && format.value == .table {
            text += String(format: "\nTotal time: %.2f s\n", Date().timeIntervalSince(start))
        }
        if let output {
            try AtomicFile.write(text, to: URL(fileURLWithPath: output))
        } else {
            print(text, terminator: "")
        }
    }

    func summary(_ board: Leaderboard, file: String, table: DataTable) -> String {
        var lines = [
            "Data: \(file) (\(table.rowCount) rows, \(table.columnCount) columns); target '\(board.targetName)', task \(board.task.rawValue)",
            "Split: \(board.trainRowCount) training rows, \(board.holdoutRowCount) holdout rows; \(board.foldCount)-fold cross-validation; seed \(board.seed)",
        ]
        if board.droppedTargetRowCount > 0 {
            lines.append("Note: \(board.droppedTargetRowCount) rows with a missing target were dropped.")
        }
        for note in board.notes where !note.hasPrefix("Model '") { lines.append("Note: \(note)") }
        return lines.joined(separator: "\n")
    }

    static func ids(_ list: String?) -> [String]? {
        list.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }
}

/// `--format` values.
struct OutputFormatArgument: ExpressibleByArgument {
    let value: OutputFormat
    init(_ value: OutputFormat) { self.value = value }
    init?(argument: String) {
        guard let v = OutputFormat(rawValue: argument.lowercased()) else { return nil }
        value = v
    }
    static let table = OutputFormatArgument(.table)
    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
    var defaultValueDescription: String { value.rawValue }
}

extension FoldStrategy: ExpressibleByArgument {}
extension Scaling: ExpressibleByArgument {}

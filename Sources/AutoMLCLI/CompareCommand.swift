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
          automl compare data.csv --target y --fold-strategy group --group patient_id
          automl compare data.csv --target y --fold-strategy timeseries --no-cv
          automl compare datasets/titanic.csv --target Survived --budget 5m --model-timeout 30s

        Time limits: --budget stops the whole comparison (models still running are cut, models not
        started are skipped); --model-timeout stops one model (its folds summed). Both are listed
        under the table. Durations take an s, m or h suffix (plain numbers are seconds).
        """
    )

    @OptionGroup var data: DataOptions

    @OptionGroup var reportOptions: ReportOptions

    @OptionGroup var experimentLog: LogOptions

    @OptionGroup var tuning: TuneTopOptions

    @Option(help: "Number of cross-validation folds.")
    var folds: Int = 10

    @Option(help: "Seed of every random choice (split, folds, models).")
    var seed: UInt64 = 123

    @Option(name: .customLong("train-size"), help: "Fraction of rows in the training part (the rest is the holdout).")
    var trainSize: Double = 0.7

    @Option(name: .customLong("fold-strategy"), help: "stratified (classification default), kfold, group (with --group) or timeseries (row order, no shuffling).")
    var foldStrategy: FoldStrategy = .stratified

    @Option(help: "The column naming the groups for --fold-strategy group; a group is never split across folds.")
    var group: String?

    @Flag(name: .customLong("no-cv"), help: "No cross-validation: fit each model on the training part and score it on the holdout.")
    var noCrossValidation = false

    @Option(name: .customLong("class-weights"), help: "balanced: weigh classes inversely to their frequency (models with sample weights).")
    var classWeights: ClassWeights?

    @Option(help: "Time budget for the whole comparison (e.g. 90, 60s, 5m, 1h).")
    var budget: DurationArgument?

    @Option(name: .customLong("model-timeout"), help: "Time limit per model, summed over its folds (e.g. 20s).")
    var modelTimeout: DurationArgument?

    @Option(name: .customLong("output-dir"), help: "Log every finished (model, fold) cell to DIR/cells.jsonl; rerunning with the same data and options resumes from it.")
    var outputDirectory: String?

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

    @Flag(inversion: .prefixedNo, help: "Leave out models that scale badly with rows (rbfsvm, gpc, mlp), as PyCaret's turbo does; a model named in --include always runs.")
    var turbo = true

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Option(help: "Output format: table, markdown, json or csv.")
    var format: OutputFormatArgument = .table

    @Option(help: "Write the leaderboard to this file instead of standard output.")
    var output: String?

    @Flag(help: "Stop with an error (exit 1) when a column leaks the target instead of warning.")
    var strict = false

    @Flag(name: [.short, .long], help: "Print only the leaderboard.")
    var quiet = false

    @Option(name: .customLong("save-best"), help: "Refit the best model on every row and save it to this model file.")
    var saveBest: String?

    func validate() throws {
        guard (2...100).contains(folds) else { throw ValidationError("--folds must be between 2 and 100; got \(folds).") }
        guard trainSize > 0, trainSize < 1 else { throw ValidationError("--train-size must be in (0, 1); got \(trainSize).") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1; got \(threads).") }
        if foldStrategy == .group && group == nil {
            throw ValidationError("--fold-strategy group needs --group COLUMN.")
        }
        if group != nil && foldStrategy != .group {
            throw ValidationError("--group is only used with --fold-strategy group.")
        }
        if let sort, Metric(name: sort) == nil {
            throw ValidationError("Unknown metric '\(sort)' for --sort. Choose one of: \(Metric.allCases.map(\.displayName).joined(separator: ", ")).")
        }
    }

    func run() throws {
        let start = Date()
        var (table, schema) = try data.read()
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
        config.folds.groupColumn = group
        config.preprocessing.scaling = scaling
        config.threadCount = threads
        let experiment = try Experiment(table: table, targetColumn: data.target, kind: data.task, config: config)
        let report = try runDataChecks(table: table, schema: schema, task: experiment.task)
        let options = CompareOptions(include: Self.ids(include), exclude: Self.ids(exclude) ?? [],
                                     sortMetric: sort.flatMap { Metric(name: $0) }, turbo: turbo,
                                     crossValidates: !noCrossValidation, classWeights: classWeights,
                                     budgetSeconds: budget?.seconds, modelTimeoutSeconds: modelTimeout?.seconds,
                                     outputDirectory: outputDirectory)
        let progress = CompareProgressLine.forTerminal()
        let board: Leaderboard
        let result: CompareResult
        do {
            result = try compareModels(experiment, options: options, progress: progress.map { line in { line.report($0) } })
            board = result.leaderboard
            progress?.finish()
        } catch {
            progress?.finish()
            throw error
        }
        var after = DataCheckOptions()
        after.isStrict = strict
        let afterWarnings = try DataChecks.afterCompare(experiment, leaderboard: board, options: after)
        for warning in afterWarnings { AutoMLMain.writeError(warning.renderedLine) }
        if strict, afterWarnings.contains(where: { $0.severity == .error }) {
            throw CLIError(description: "--strict: the leaderboard looks too good to be true; see the warnings above.")
        }
        try reportOptions.writeCompareReport(board, experiment: experiment, table: table, schema: schema, file: data.file,
                                             warnings: report.warnings + afterWarnings)

        var text = ""
        if !quiet && format.value == .table {
            text += summary(board, file: data.file, table: table)
            if let note = result.logNote { text += "\nNote: " + note }
            text += "\n\n"
        }
        text += try LeaderboardRenderer.render(board, format: format.value) + "\n"
        if !quiet && format.value == .table {
            for row in board.rows {
                guard let error = row.error else { continue }
                if error.hasPrefix("skipped: ") {
                    text += "\n\(row.displayName) (\(row.modelID)) skipped: the time budget ran out before it started"
                } else if error.hasPrefix("cut: ") {
                    text += "\n\(row.displayName) (\(row.modelID)) cut: \(error.dropFirst(5)) ran out"
                } else {
                    text += "\n\(row.displayName) (\(row.modelID)) failed: \(error)"
                }
            }
            if board.rows.contains(where: { $0.error != nil }) { text += "\n" }
            if let holdout = LeaderboardRenderer.holdoutSummary(board) { text += "\n" + holdout + "\n" }
        }
        if let tuned = try tuning.run(leaderboard: board, experiment: experiment, threads: threads, quiet: quiet),
           format.value == .table {
            text += "\n" + tuned + "\n"
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
        try experimentLog.logCompare(board, experiment: experiment, options: options, dataFile: data.file, started: start,
                                     savedModel: saveBest)
    }

    /// Runs the before-training leakage and sanity checks, prints what they find on standard error
    /// (notes only unless --quiet), and stops under --strict when they find an error.
    func runDataChecks(table: DataTable, schema: Schema, task: Task) throws -> DataCheckReport {
        var options = DataCheckOptions()
        options.isStrict = strict
        options.threadCount = threads
        var rng = RandomStream(seed: seed).split(RandomKeys.checks)
        let idLike = Set(schema.idLikeColumnNames).subtracting([data.target]).filter { table.column(named: $0) != nil }
        let report = try DataChecks.run(table: table, target: data.target, task: task, idLikeColumns: idLike,
                                        options: options, using: &rng)
        for warning in report.warnings.sorted(by: { $0.severity > $1.severity })
        where (warning.severity != .note || !quiet) && warning.kind != .idLikeColumn {   // ID-like: listed with the dropped columns
            AutoMLMain.writeError(warning.renderedLine)
        }
        if report.hasErrors {
            throw CLIError(description: "the data checks found errors (see above)" + (strict ? "; --strict turns leakage warnings into errors." : "."))
        }
        return report
    }

    func summary(_ board: Leaderboard, file: String, table: DataTable) -> String {
        var lines = [
            "Data: \(file) (\(table.rowCount) rows, \(table.columnCount) columns); target '\(board.targetName)', task \(board.task.rawValue)",
            "Split: \(board.trainRowCount) training rows, \(board.holdoutRowCount) holdout rows; "
                + (board.isHoldoutOnly == true ? "no cross-validation (holdout scores)" : "\(board.foldCount)-fold cross-validation")
                + "; seed \(board.seed)",
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
extension ClassWeights: ExpressibleByArgument {}

extension Scaling: ExpressibleByArgument {}

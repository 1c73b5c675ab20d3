import ArgumentParser
import AutoSwiftML
import Foundation

/// `automl tune`: searches one model's hyperparameters with cross-validation, like PyCaret's
/// `setup(...)` followed by `tune_model(create_model(ID))`.
struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Tune one model's hyperparameters by cross-validated search.",
        discussion: """
        Every candidate is cross-validated on the training part with preprocessing fitted inside each fold. \
        The untuned model is scored the same way; unless --no-choose-better is given it is kept when no \
        candidate beats it. The chosen model is refitted on the training part and scored on the holdout. \
        The default search spaces follow PyCaret's tune distributions (--list-space shows one).

        --param NAME=KIND:SPEC replaces a dimension or switches on an available one, with KIND:SPEC one of \
        uniform:A..B, log:A..B, int:A..B or cat:a,b,c. For example: --param c=log:0.001..100, \
        --param max_iterations=int:100..500, --param penalty=cat:l1,l2.

        Examples:
          automl tune titanic.csv --target Survived --model lr --search tpe --trials 30
          automl tune titanic.csv --target Survived --model knn --metric AUC --folds 5
          automl tune data.csv --target price --model en --search gp --budget 2m
        """
    )

    @OptionGroup var data: DataOptions

    @OptionGroup var reportOptions: ReportOptions

    @OptionGroup var experimentLog: LogOptions

    @Option(help: "The model ID to tune (see `automl models`).")
    var model: String

    @Option(help: "The searcher: random, tpe, gp or halving (successive halving over random candidates).")
    var search: SearchMethod = .random

    @Option(help: "The number of trials (for halving: candidates in the first round).")
    var trials: Int = 50

    @Option(help: "Stop starting new trials after this time (e.g. 90, 60s, 5m, 1h).")
    var budget: DurationArgument?

    @Option(help: "Stop after this many trials in a row without improvement.")
    var patience: Int?

    @Option(help: "The metric to optimise (default: Accuracy for classification, R2 for regression).")
    var metric: String?

    @Option(name: .customLong("param"), help: "Replace or add a search dimension: NAME=KIND:SPEC (repeatable).")
    var params: [String] = []

    @Option(help: "Seed of every random choice (split, folds, models, search).")
    var seed: UInt64 = 123

    @Option(help: "Number of cross-validation folds.")
    var folds: Int = 10

    @Option(name: .customLong("train-size"), help: "Fraction of rows in the training part (the rest is the holdout).")
    var trainSize: Double = 0.7

    @Option(name: .customLong("batch-size"), help: "Trials proposed together and run in parallel (results depend on it, not on --threads).")
    var batchSize: Int = 2

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Flag(inversion: .prefixedNo, help: "Keep the untuned model when tuning does not beat it.")
    var chooseBetter = true

    @Option(help: "Output format: table or json.")
    var format: TuneFormat = .table

    @Option(help: "Write the trial history (parameters, fold scores, mean, seconds) to this CSV file.")
    var history: String?

    @Flag(name: .customLong("list-space"), help: "Print the search space (after --param) and exit.")
    var listSpace = false

    @Option(name: .customLong("save"), help: "Refit the chosen model on every row and save it to this model file.")
    var save: String?

    func validate() throws {
        guard trials >= 1 else { throw ValidationError("--trials must be at least 1; got \(trials).") }
        guard (2...100).contains(folds) else { throw ValidationError("--folds must be between 2 and 100; got \(folds).") }
        guard trainSize > 0, trainSize < 1 else { throw ValidationError("--train-size must be in (0, 1); got \(trainSize).") }
        if let patience, patience < 1 { throw ValidationError("--patience must be at least 1; got \(patience).") }
        guard batchSize >= 1 else { throw ValidationError("--batch-size must be at least 1; got \(batchSize).") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1; got \(threads).") }
        for p in params {
            do { _ = try ParameterOverride(parsing: p) } catch { throw ValidationError(String(describing: error)) }
        }
        if let metric, Metric(name: metric) == nil {
            throw ValidationError("Unknown metric '\(metric)' for --metric. Choose one of: \(Metric.allCases.map(\.displayName).joined(separator: ", ")).")
        }
    }

    func run() throws {
        let started = Date()
        let overrides = try params.map { try ParameterOverride(parsing: $0) }
        let (table, _) = try data.read()
        var config = ExperimentConfig(seed: seed)
        config.split.trainFraction = trainSize
        config.folds.count = folds
        config.threadCount = threads
        let experiment = try Experiment(table: table, targetColumn: data.target, kind: data.task, config: config)

        if listSpace {
            guard let spec = ModelRegistry.spec(id: model, kind: experiment.kind),
                  var space = DefaultSearchSpaces.space(id: spec.id, for: experiment) else {
                throw CLIError(description: "Unknown \(experiment.kind.rawValue) model '\(model)'. Available models: \(ModelRegistry.models(for: experiment.kind).map(\.id).joined(separator: ", ")).")
            }
            for o in overrides { space = try space.settingDomain(o.name, to: o.domain) }
            try space.validate()
            print(Self.describe(space))
            return
        }

        let options = TuneOptions(
            search: SearchOptions(method: search, trials: trials, budgetSeconds: budget?.seconds, patience: patience,
                                  batchSize: batchSize, threadCount: threads),
            metric: metric.flatMap { Metric(name: $0) }, overrides: overrides, choosesBetter: chooseBetter)
        let showsProgress = isatty(fileno(stderr)) != 0
        let result = try tune(modelID: model, experiment: experiment, options: options,
                              progress: showsProgress ? Self.reportProgress : nil)
        if showsProgress { fputs("\r\u{1B}[K", stderr) }
        try reportOptions.writeTuneReport(result, experiment: experiment, table: table, file: data.file)

        if let history {
            try AtomicFile.write(result.historyCSV(), to: URL(fileURLWithPath: history))
        }
        let saved = try save.map { try LifecycleSupport.saveTuned(result, experiment: experiment, dataFile: data.file, to: $0) }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            print(String(decoding: try encoder.encode(result.summary), as: UTF8.self))
        case .table:
            print(Self.renderTable(result, file: data.file, table: table, experiment: experiment))
            if let saved { print("\n" + saved) }
        }
        try experimentLog.logTune(result, experiment: experiment, options: options, dataFile: data.file, started: started,
                                  savedModel: save)
    }

    /// Progress on standard error (a terminal only): trials done and the best score so far.
    @Sendable static func reportProgress(_ p: TuneProgress) {
        let best = p.bestScore.map { String(format: "%.4f", $0) } ?? "-"
        let base = p.defaultScore.map { String(format: "%.4f", $0) } ?? "-"
        fputs("\r\u{1B}[Ktrial \(p.completed)/\(p.planned)  best \(best)  (untuned \(base))", stderr)
    }

    /// The dimensions, one per line.
    static func describe(_ space: AnySearchSpace) -> String {
        var lines = ["Search space of \(space.displayName) (\(space.modelID)):"]
        for d in space.dimensions {
            lines.append("  \(d.name) = \(d.domain)" + (d.condition.map { "   (only when \($0))" } ?? ""))
        }
        let others = space.tunableNames.filter { n in !space.dimensions.contains { $0.name == n } }
        if !others.isEmpty { lines.append("Also tunable with --param: \(others.joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }

    /// The human-readable report.
    static func renderTable(_ r: TuneResult, file: String, table: DataTable, experiment: Experiment) -> String {
        func score(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "-" }
        let metric = r.metric.displayName
        var lines = [
            "Data: \(file) (\(table.rowCount) rows, \(table.columnCount) columns); target '\(experiment.targetName)', task \(experiment.task.rawValue)",
            "Tuning: \(r.displayName) (\(r.modelID)), \(r.method.rawValue) search, \(r.history.count) trials (stopped: \(r.stopReason.rawValue)), \(r.foldCount)-fold cross-validation, metric \(metric), seed \(r.seed)",
            "Searched: " + r.dimensions.map { "\($0.name) = \($0.domain)" + ($0.condition.map { " when \($0)" } ?? "") }.joined(separator: "; "),
            "",
            "Untuned \(metric): \(score(r.defaultScore))",
            "Best \(metric):    \(score(r.bestScore))" + (r.keptDefault ? " (untuned model kept: no trial beat it)" : " (trial \(r.bestTrialIndex.map(String.init) ?? "-"))"),
        ]
        if !r.bestParameters.isEmpty {
            lines.append("Best parameters: " + r.bestParameters.map(\.description).joined(separator: ", "))
        }
        lines.append("Holdout \(metric) of the chosen model: \(score(r.holdoutScore))")
        lines.append("")

        let names = r.dimensions.map(\.name)
        let ranked = r.history.filter { $0.mean != nil }.sorted { a, b in
            a.mean! != b.mean! ? (r.metric.higherIsBetter ? a.mean! > b.mean! : a.mean! < b.mean!) : a.index < b.index
        }
        let showsShare = r.history.contains { $0.resource < 1 }
        let rows: [[String]] = ranked.prefix(10).map { t in
            [String(t.index)] + names.map { n in t.parameters.first { $0.name == n }.map { shortValue($0.value) } ?? "" }
                + (showsShare ? [String(format: "%.3f", t.resource)] : []) + [score(t.mean), String(format: "%.2f", t.seconds)]
        }
        lines.append("Top trials:")
        lines.append(TextTable.render(header: ["Trial"] + names + (showsShare ? ["Rows share"] : []) + [metric, "Sec"], rows: rows))
        let failed = r.history.filter { $0.mean == nil }
        if !failed.isEmpty {
            lines.append("")
            lines.append("\(failed.count) trial(s) failed; first: trial \(failed[0].index): \(failed[0].error ?? "no score")")
        }
        return lines.joined(separator: "\n")
    }

    static func shortValue(_ v: ParameterValue) -> String {
        if case let .real(x) = v { return String(format: "%.4g", x) }
        return v.description
    }
}

/// `--format` values of `tune`.
enum TuneFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension SearchMethod: ExpressibleByArgument {}

import ArgumentParser
import AutoSwiftML
import Foundation

/// `automl train`: fits one model (PyCaret's `create_model` without cross-validation), scores it on
/// a holdout part or a test file, and optionally saves it as a model file.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Fit one model, print its holdout metrics and fit time, and optionally save it.",
        discussion: """
        The data is split into a training part and a holdout part (--holdout, 0.3 by
        default as in `compare`, stratified for classification); preprocessing and
        the model are fitted on the training part and scored on the holdout. With
        --test FILE, every row of the data is used for training and FILE is scored
        instead. --params sets hyperparameters by their JSON names (see the model
        file's "hyperparameters"); an unknown name lists the valid ones.

        Examples:
          automl train datasets/titanic.csv --target Survived --model lr --save model.json
          automl train datasets/titanic.csv --target Survived --model lr --params c=0.5,maxIterations=200
          automl train train.csv --target price --model ridge --test test.csv
        """
    )

    @OptionGroup var data: DataOptions

    @OptionGroup var reportOptions: ReportOptions

    @OptionGroup var experimentLog: LogOptions

    @Option(help: "The model ID (see `automl models`).")
    var model: String

    @Option(help: "Hyperparameters as key=value pairs, comma-separated (repeatable).")
    var params: [String] = []

    @Option(help: "Fraction of rows held out for scoring (default 0.3).")
    var holdout: Double?

    @Option(help: "Score this labelled CSV file instead of a holdout part (trains on every row).")
    var test: String?

    @Option(help: "Seed of every random choice (split, preprocessing, model).")
    var seed: UInt64 = 123

    @Option(help: "Feature scaling after encoding: none, standard, minMax or robust.")
    var scaling: Scaling = .none

    @Option(help: "Columns to leave out, comma-separated.")
    var drop: String?

    @Option(help: "Write the trained model to this model file (JSON).")
    var save: String?

    func validate() throws {
        if holdout != nil && test != nil { throw ValidationError("Give either --holdout or --test, not both.") }
        if let holdout, !(holdout > 0 && holdout < 1) {
            throw ValidationError("--holdout must be in (0, 1); got \(holdout).")
        }
        _ = try LifecycleSupport.parameters(params)
    }

    func run() throws {
        let started = Date()
        var (table, _) = try data.read()
        if let names = CompareCommand.ids(drop) {
            for name in names where table.column(named: name) == nil {
                throw CLIError(description: "--drop: no column named '\(name)'. Available columns: \(table.columnNames.joined(separator: ", ")).")
            }
            table = table.dropping(Set(names))
        }
        var config = ExperimentConfig(seed: seed)
        config.split.trainFraction = 1 - (holdout ?? 0.3)
        config.folds.count = 2                 // folds are not used by `train`; keep their checks lenient
        config.folds.strategy = .kfold
        config.preprocessing.scaling = scaling
        let overrides = try LifecycleSupport.parameters(params)

        let report: TrainingReport
        let evaluation: Evaluation?
        var scoredOn: String
        if let test {
            let kind = try data.task ?? LabelEncoder.encode(try table.requireColumn(data.target)).task.kind
            let estimator = try ModelRegistry.requireSpec(id: model, kind: kind).estimator(overriding: overrides)
            report = try TrainedModel.fit(table: table, targetColumn: data.target, kind: kind, estimator: estimator,
                                          config: config)
            let testTable = try DataOptions.read(file: test, delimiter: data.delimiter).table
            let scored = try report.model.evaluate(testTable)
            evaluation = scored
            try reportOptions.writeTrainReport(report, test: testTable, testFile: test, table: table, file: data.file)
            scoredOn = "\(scored.rowCount) rows of \(test)"
        } else {
            let experiment = try Experiment(table: table, targetColumn: data.target, kind: data.task, config: config)
            let estimator = try ModelRegistry.requireSpec(id: model, kind: experiment.kind).estimator(overriding: overrides)
            report = try train(experiment, estimator: estimator)
            try reportOptions.writeTrainReport(report, experiment: experiment, table: table, file: data.file)
            evaluation = report.holdout
            scoredOn = "\(experiment.holdoutTable.rowCount) holdout rows"
        }
        var trained = report.model
        LifecycleSupport.warn(evaluation?.warnings ?? [])
        if let evaluation {
            trained.fingerprint.holdoutMetrics = evaluation.metricDictionary
            trained.fingerprint.holdoutRowCount = evaluation.rowCount
        }
        let spec = trained.entry.spec
        var lines = [
            "Data: \(data.file) (\(table.rowCount) rows, \(table.columnCount) columns); target '\(trained.targetName)', task \(trained.task.rawValue)",
            "Model: \(spec?.displayName ?? trained.entry.typeName) (\(trained.entry.id))"
                + (overrides.isEmpty ? "" : " with " + overrides.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")),
            "Trained on \(trained.fingerprint.rowCount) rows; scored on \(scoredOn); seed \(seed)",
        ]
        for d in trained.pipeline.droppedColumns { lines.append("Note: dropped column '\(d.name)': \(d.reason.description).") }
        var text = lines.joined(separator: "\n") + "\n\n"
        if let evaluation {
            text += LifecycleSupport.metricsTable(evaluation, heading: test == nil ? "Holdout" : "Test") + "\n"
        }
        text += String(format: "\nFit time: %.3f s\n", report.fitSeconds)
        if let save {
            trained.createdBy = "automl train"
            trained.fingerprint.file = try LifecycleSupport.fileFingerprint(data.file)
            try ModelFile.save(trained, to: URL(fileURLWithPath: save))
            text += "Saved the model to \(save).\n"
        }
        print(text, terminator: "")
        try experimentLog.logTrain(trained, evaluation: evaluation, fitSeconds: report.fitSeconds, dataFile: data.file,
                                   started: started, savedModel: save, test: test, holdout: holdout)
    }
}

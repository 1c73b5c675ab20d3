import ArgumentParser
import AutoSwiftML
import Foundation

/// `automl predict`: applies a saved model to new rows (PyCaret's `predict_model` on unseen data).
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict new rows with a saved model file; writes CSV.",
        discussion: """
        The new file must hold every feature column the model was trained with
        (extra columns, including the target, are ignored). A category not seen in
        training is encoded as in training, with a warning on standard error. The
        output has one row per input row, in order: the --keep columns,
        `prediction_label`, and with --proba one `prediction_score_<class>` column
        per class.

        Examples:
          automl predict model.json new.csv
          automl predict model.json new.csv --proba --keep PassengerId --output predictions.csv
        """
    )

    @Argument(help: "The model file (from `automl train --save` or `automl compare --save-best`).")
    var model: String

    @Argument(help: "The CSV file with the rows to predict.")
    var file: String

    @Option(help: "Write the predictions to this CSV file (atomically) instead of standard output.")
    var output: String?

    @Flag(help: "Add one probability column per class.")
    var proba = false

    @Option(help: "Input columns to copy into the output, comma-separated (e.g. an ID).")
    var keep: String?

    @Option(help: "The field delimiter of the input: ',' ';' or 'tab' (default: detected).")
    var delimiter: String?

    func run() throws {
        let trained = try LifecycleSupport.loadModel(model)
        let table = try DataOptions.read(file: file, delimiter: delimiter).table
        let kept = try (CompareCommand.ids(keep) ?? []).map { name -> Column in
            guard let c = table.column(named: name) else {
                throw CLIError(description: "--keep: no column named '\(name)' in \(file). Available columns: \(table.columnNames.joined(separator: ", ")).")
            }
            return c
        }
        if proba && !trained.task.isClassification {
            throw CLIError(description: "--proba: the model is a regression model; it gives no class probabilities.")
        }
        let predictions = try trained.predict(table, includingProbabilities: proba)
        if proba && predictions.probabilities == nil {
            throw CLIError(description: "--proba: the model '\(trained.entry.id)' gives no class probabilities.")
        }
        LifecycleSupport.warn(predictions.warnings)
        var header = kept.map(\.name) + ["prediction_label"]
        if proba { header += trained.classNames.map { "prediction_score_\($0)" } }
        let labels = predictions.labels
        var rows: [[String?]] = []
        rows.reserveCapacity(predictions.count)
        for i in 0..<predictions.count {
            var row: [String?] = kept.map { $0.isMissing(i) ? nil : $0.string(at: i) }
            row.append(labels[i])
            if proba, let p = predictions.probabilities {
                for k in 0..<p.columnCount { row.append("\(p[i, k])") }
            }
            rows.append(row)
        }
        if let output {
            try CSVWriter.write(header: header, rows: rows, to: URL(fileURLWithPath: output))
        } else {
            print(CSVWriter.string(header: header, rows: rows), terminator: "")
        }
    }
}

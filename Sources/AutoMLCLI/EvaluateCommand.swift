import ArgumentParser
import AutoSwiftML
import Foundation

/// `automl evaluate`: scores a saved model on labelled data.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a saved model on a labelled CSV file: leaderboard metrics plus a confusion matrix or residual summary.",
        discussion: """
        The file must hold the model's target column and every feature column. Rows
        with a missing target are skipped.

        Examples:
          automl evaluate model.json datasets/titanic.csv
          automl evaluate model.json labelled.csv --format json
        """
    )

    @Argument(help: "The model file.")
    var model: String

    @Argument(help: "The labelled CSV file.")
    var file: String

    @Option(help: "The field delimiter: ',' ';' or 'tab' (default: detected).")
    var delimiter: String?

    @Option(help: "Output format: table or json.")
    var format: InspectFormat = .table

    func run() throws {
        let trained = try LifecycleSupport.loadModel(model)
        let table = try DataOptions.read(file: file, delimiter: delimiter).table
        let evaluation = try trained.evaluate(table)
        LifecycleSupport.warn(evaluation.warnings)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(
                positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
            print(String(decoding: try encoder.encode(evaluation), as: UTF8.self))
        case .table:
            let name = trained.entry.spec?.displayName ?? trained.entry.typeName
            var text = "Model: \(name) (\(trained.entry.id)) from \(model); target '\(trained.targetName)', task \(trained.task.rawValue)\n"
            text += "Data: \(file): \(evaluation.rowCount) rows scored"
            if evaluation.droppedTargetRowCount > 0 {
                text += ", \(evaluation.droppedTargetRowCount) without a target skipped"
            }
            text += "\n\n" + LifecycleSupport.metricsTable(evaluation, heading: "Value") + "\n\n"
            text += LifecycleSupport.details(evaluation) + "\n"
            print(text, terminator: "")
        }
    }
}

import ArgumentParser
import AutoSwiftML
import Foundation

/// `automl inspect`: what AutoSwiftML sees in a CSV file before any model is fitted.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the columns of a CSV file: inferred types, missing values, cardinality, ID-like flags, and the task for a target.",
        discussion: """
        Examples:
          automl inspect datasets/titanic.csv
          automl inspect datasets/titanic.csv --target Survived
        """
    )

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "A target column: adds the suggested task.")
    var target: String?

    @Option(help: "The field delimiter: ',' ';' or 'tab' (default: detected).")
    var delimiter: String?

    @Option(help: "Seed of the leakage checks' folds.")
    var seed: UInt64 = 123

    @Option(help: "Output format: table or json.")
    var format: InspectFormat = .table

    func run() throws {
        let (table, schema) = try DataOptions.read(file: file, delimiter: delimiter)
        var suggested: InferredTask?
        var checks: DataCheckReport?
        if let target {
            guard let column = table.column(named: target) else {
                throw CLIError(description: "No column named '\(target)'. Available columns: \(table.columnNames.joined(separator: ", ")).")
            }
            let inferred = try TaskInference.infer(target: column)
            suggested = inferred
            // The leakage and sanity checks `compare` runs before training.
            if let task = Task(rawValue: inferred.rawValue) {
                var rng = RandomStream(seed: seed).split(RandomKeys.checks)
                let idLike = Set(schema.idLikeColumnNames).subtracting([target])
                checks = try DataChecks.run(table: table, target: target, task: task, idLikeColumns: idLike, using: &rng)
            }
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            struct Report: Encodable {
                let file: String; let schema: Schema; let target: String?; let task: InferredTask?; let warnings: [DataWarning]?
            }
            let report = Report(file: file, schema: schema, target: target, task: suggested, warnings: checks?.warnings)
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .table:
            print("\(file): \(schema.rowCount) rows, \(schema.columns.count) columns")
            print("")
            let rows = schema.columns.map { c -> [String] in
                [c.name, c.type.rawValue, "\(c.missingCount)", "\(c.distinctCount)",
                 c.isIDLike ? "yes" : "", c.idLikeReason ?? (c.name == target ? "target" : "")]
            }
            print(TextTable.render(header: ["Column", "Type", "Missing", "Distinct", "ID-like", "Note"], rows: rows))
            if let target, let suggested {
                print("")
                print("Target '\(target)': suggested task \(suggested.rawValue).")
            }
            if let checks {
                let lines = checks.warnings.sorted { $0.severity > $1.severity }.map(\.renderedLine)
                print("")
                print(lines.isEmpty ? "Leakage and sanity checks: nothing found." : "Leakage and sanity checks:")
                for line in lines { print(line) }
            }
        }
    }
}

/// `automl inspect --format` values.
enum InspectFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

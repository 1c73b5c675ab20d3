import ArgumentParser
import AutoSwiftML
import Foundation

/// Options shared by every command that reads a CSV file with a target column.
struct DataOptions: ParsableArguments {
    @Argument(help: "The CSV file (header row; `,` `;` or tab, detected).")
    var file: String

    @Option(help: "The target column to predict.")
    var target: String

    @Option(help: "The field delimiter: ',' ';' or 'tab' (default: detected).")
    var delimiter: String?

    @Option(help: "The kind of problem: classification or regression (default: inferred from the target).")
    var task: ProblemKind?

    /// The dialect the options describe.
    func dialect() throws -> CSVDialect {
        guard let d = delimiter else { return CSVDialect() }
        switch d {
        case ",", ";": return CSVDialect(delimiter: d)
        case "tab", "\\t", "\t": return CSVDialect(delimiter: "\t")
        default: throw ValidationError("--delimiter must be ',', ';' or 'tab'; got '\(d)'.")
        }
    }

    /// Reads the file into a typed table and its schema.
    func read() throws -> (table: DataTable, schema: Schema) {
        let url = URL(fileURLWithPath: file)
        return try CSVReader.read(at: url, dialect: try dialect())
    }
}

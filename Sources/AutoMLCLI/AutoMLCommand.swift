import ArgumentParser
import AutoSwiftML
#if canImport(Glibc)
import Glibc
#endif

/// The `automl` command: subcommands for each step of the workflow.
struct AutoMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "automl",
        abstract: "Automated machine learning on tabular data: compare models on a CSV file.",
        discussion: """
        Examples:
          automl compare datasets/titanic.csv --target Survived
          automl compare data.csv --target price --task regression --folds 5 --seed 42
          automl models --task classification
          automl compare datasets/titanic.csv --target Survived --save-best model.json
          automl train datasets/titanic.csv --target Survived --model lr --save model.json
          automl predict model.json new.csv --proba
          automl evaluate model.json labelled.csv

        Exit codes: 0 success, 1 a data or model error, 2 a usage error.
        """,
        version: AutoSwiftMLVersion.string,
        subcommands: [CompareCommand.self, TuneCommand.self, InspectCommand.self, ModelsCommand.self, TrainCommand.self,
                      PredictCommand.self, EvaluateCommand.self]
    )
}

/// Entry point: maps errors to exit codes (0 success, 1 data/model error, 2 usage error) and
/// never prints a stack trace.
@main
enum AutoMLMain {
    static func main() {
        BLAS.setThreadCount(1)
        var command: ParsableCommand
        do {
            command = try AutoMLCommand.parseAsRoot()
        } catch {
            exitForUsage(error)
        }
        do {
            try command.run()
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = AutoMLCommand.exitCode(for: error)
            if code == .success || code == .validationFailure { exitForUsage(error) }
            // Data and model errors (CSV, MLError, CLIError) carry a message meant for the user.
            writeError("error: \(String(describing: error))")
            exit(1)
        }
    }

    /// `--help` and `--version` exit 0; anything else the parser rejected exits 2.
    static func exitForUsage(_ error: Error) -> Never {
        if AutoMLCommand.exitCode(for: error) == .success {
            AutoMLCommand.exit(withError: error)
        }
        writeError(AutoMLCommand.fullMessage(for: error))
        exit(2)
    }

    static func writeError(_ message: String) {
        var text = message
        if !text.hasSuffix("\n") { text += "\n" }
        fputs(text, stderr)
    }
}

/// An error of the command line itself (not a usage error): printed and exits with status 1.
struct CLIError: Error, CustomStringConvertible {
    /// The message.
    let description: String
}

import ArgumentParser
import AutoSwiftML

@main
struct AutoMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "automl",
        abstract: "Automated machine learning on tabular data.",
        subcommands: []
    )
}

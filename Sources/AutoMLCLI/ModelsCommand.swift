import ArgumentParser
import AutoSwiftML

/// `automl models`: the model registry, as PyCaret's `models()`.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the available models with their IDs.",
        discussion: """
        Examples:
          automl models
          automl models --task regression
        """
    )

    @Option(help: "Only models for this kind of problem (classification or regression).")
    var task: ProblemKind?

    func run() throws {
        let kinds = task.map { [$0] } ?? ProblemKind.allCases
        for kind in kinds {
            let specs = ModelRegistry.models(for: kind)
            print("\(kind.rawValue.capitalized) models (\(specs.count)):")
            let rows = specs.map { spec -> [String] in
                [spec.id, spec.displayName, spec.capabilities.isSlowOnLargeData ? "False" : "True"]
            }
            print(TextTable.render(header: ["ID", "Name", "Turbo"], rows: rows))
            print("")
        }
    }
}

extension ProblemKind: ExpressibleByArgument {}

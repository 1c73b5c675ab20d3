import MLCore
import MLData
import MLModels

extension Task {
    /// The task for a forced problem kind (`nil` leaves it to inference): classification becomes
    /// binary or multiclass from the number of distinct values in `target`.
    public static func forcing(_ kind: ProblemKind?, target: Column?) -> Task? {
        switch kind {
        case .regression?: return .regression
        case .classification?: return target.map { SchemaInference.distinctCount($0) > 2 ? .multiclass : .binary }
        case nil: return nil
        }
    }
}

extension Experiment {
    /// Sets up an experiment with the problem kind forced (`nil` infers it), as `automl --task` does:
    /// classification becomes binary or multiclass from the number of distinct target values.
    /// - Throws: as `init(table:targetColumn:task:config:)`.
    public init(table: DataTable, targetColumn: String, kind: ProblemKind?,
                config: ExperimentConfig = ExperimentConfig()) throws {
        try self.init(table: table, targetColumn: targetColumn,
                      task: Task.forcing(kind, target: table.column(named: targetColumn)), config: config)
    }
}

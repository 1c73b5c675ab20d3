import MLCore
import MLData
import MLModels

extension Experiment {
    /// Sets up an experiment with the problem kind forced (`nil` infers it), as `automl --task` does:
    /// classification becomes binary or multiclass from the number of distinct target values.
    /// - Throws: as `init(table:targetColumn:task:config:)`.
    public init(table: DataTable, targetColumn: String, kind: ProblemKind?,
                config: ExperimentConfig = ExperimentConfig()) throws {
        var task: Task?
        switch kind {
        case .regression?: task = .regression
        case .classification?:
            if let column = table.column(named: targetColumn) {
                task = Experiment.distinctValueCount(column) > 2 ? .multiclass : .binary
            }
        case nil: task = nil
        }
        try self.init(table: table, targetColumn: targetColumn, task: task, config: config)
    }

    /// The number of distinct non-missing values in `column`.
    static func distinctValueCount(_ column: Column) -> Int {
        switch column.data {
        case let .numeric(values, missing):
            var seen = Set<Double>()
            for i in values.indices where !missing[i] { seen.insert(values[i]) }
            return seen.count
        case let .categorical(codes, _):
            return Set(codes.filter { $0 >= 0 }).count
        case let .boolean(values, missing):
            var seen = Set<Bool>()
            for i in values.indices where !missing[i] { seen.insert(values[i]) }
            return seen.count
        case let .text(strings):
            return Set(strings.compactMap { $0 }).count
        }
    }
}

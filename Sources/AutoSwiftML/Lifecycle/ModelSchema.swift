import MLCore
import MLData
import MLModels

/// The input columns a trained model expects, as seen at training time: what `predict` checks new
/// data against.
public struct ModelSchema: Sendable, Codable, Hashable {
    /// One input column at training time.
    public struct Column: Sendable, Codable, Hashable {
        /// The header name.
        public let name: String
        /// The type inferred when training (`numeric`, `categorical`, `boolean`, `text`).
        public let type: ColumnType
        /// `nil` when the column is a feature; else why preprocessing left it out (`idLike`, `text`,
        /// `constant`, `allMissing`, `ignored`). Such columns are not needed to predict.
        public let droppedReason: DroppedColumn.Reason?
        /// For a categorical feature, the levels seen in training (sorted, including the fill level
        /// used for missing entries); `nil` otherwise.
        public let levels: [String]?

        /// True when preprocessing uses the column.
        public var isFeature: Bool { droppedReason == nil }
        /// True when the column was recognised as an identifier and dropped.
        public var isIDLike: Bool { droppedReason == .idLike }

        /// A schema column.
        public init(name: String, type: ColumnType, droppedReason: DroppedColumn.Reason?, levels: [String]?) {
            self.name = name
            self.type = type
            self.droppedReason = droppedReason
            self.levels = levels
        }
    }

    /// Every column of the training table except the target, in table order.
    public let columns: [Column]

    /// A schema from its columns.
    public init(columns: [Column]) {
        self.columns = columns
    }

    /// The schema of a fitted pipeline: its input columns, which were dropped and why, and the
    /// levels of each categorical feature.
    public init(pipeline: FittedPipeline) {
        var reasons: [String: DroppedColumn.Reason] = [:]
        for d in pipeline.droppedColumns { reasons[d.name] = d.reason }
        var levels: [String: [String]] = [:]
        for e in pipeline.encodings {
            switch e {
            case let .binary(c, l, _), let .oneHot(c, l, _): levels[c] = l
            case let .target(c, l, _, _, _, _): levels[c] = l
            case .numeric, .boolean: break
            }
        }
        columns = pipeline.inputColumns.map { c in
            Column(name: c.name, type: c.type, droppedReason: reasons[c.name], levels: levels[c.name])
        }
    }

    /// The names of the columns `predict` needs (the features), in table order.
    public var requiredColumnNames: [String] { columns.filter(\.isFeature).map(\.name) }

    /// The column called `name`, if any.
    public subscript(name: String) -> Column? { columns.first { $0.name == name } }
}

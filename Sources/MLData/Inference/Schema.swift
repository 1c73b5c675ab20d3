import MLCore

/// What inference found about one column.
public struct ColumnSchema: Codable, Sendable, Hashable {
    /// The header name.
    public var name: String
    /// The inferred type.
    public var type: ColumnType
    /// True when the column identifies rows rather than describing them (see `SchemaInference`);
    /// such columns are dropped from the features by default.
    public var isIDLike: Bool
    /// Why the column is ID-like, in words (`nil` when it is not).
    public var idLikeReason: String?
    /// Number of missing cells.
    public var missingCount: Int
    /// Number of distinct present values.
    public var distinctCount: Int

    /// A column description.
    public init(name: String, type: ColumnType, isIDLike: Bool, idLikeReason: String?, missingCount: Int, distinctCount: Int) {
        self.name = name
        self.type = type
        self.isIDLike = isIDLike
        self.idLikeReason = idLikeReason
        self.missingCount = missingCount
        self.distinctCount = distinctCount
    }
}

/// The inferred schema of a table: one `ColumnSchema` per column, in table order.
public struct Schema: Codable, Sendable, Hashable {
    /// Number of rows of the described table.
    public var rowCount: Int
    /// The columns, in table order.
    public var columns: [ColumnSchema]

    /// A schema from its parts.
    public init(rowCount: Int, columns: [ColumnSchema]) {
        self.rowCount = rowCount
        self.columns = columns
    }

    /// Describes every column of `table` with `SchemaInference.describe`.
    /// - Complexity: O(rows × columns) expected (hashing distinct values).
    public init(of table: DataTable, options: SchemaInference.Options = SchemaInference.Options()) {
        rowCount = table.rowCount
        let tableColumns = table.columns
        columns = Parallel.map(tableColumns.count) { SchemaInference.describe(tableColumns[$0], options: options) }
    }

    /// The description of the column called `name`, if any.
    public subscript(name: String) -> ColumnSchema? { columns.first { $0.name == name } }

    /// The names of the ID-like columns, in table order.
    public var idLikeColumnNames: [String] { columns.filter(\.isIDLike).map(\.name) }
}

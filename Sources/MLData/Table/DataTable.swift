import MLCore

/// A typed, column-oriented table: what the CSV reader produces and preprocessing consumes.
public struct DataTable: Sendable, Equatable, Hashable, Codable {
    /// The columns, in file order.
    public private(set) var columns: [Column]
    /// Number of rows.
    public private(set) var rowCount: Int

    /// A table from columns of equal length.
    /// - Throws: `MLError.invalidInput` when lengths differ or two columns share a name.
    public init(columns: [Column]) throws {
        let n = columns.first?.count ?? 0
        var seen = Set<String>()
        for c in columns {
            guard c.count == n else {
                throw MLError.invalidInput("Column '\(c.name)' has \(c.count) rows; expected \(n).")
            }
            guard seen.insert(c.name).inserted else {
                throw MLError.invalidInput("Duplicate column name '\(c.name)'.")
            }
        }
        self.columns = columns
        self.rowCount = n
    }

    /// The column names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The number of columns.
    public var columnCount: Int { columns.count }

    /// The column called `name`, if any.
    public func column(named name: String) -> Column? { columns.first { $0.name == name } }

    /// The index of the column called `name`, if any.
    public func index(of name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// The column called `name`.
    /// - Throws: `MLError.invalidInput` naming the missing column and listing those available.
    public func requireColumn(_ name: String) throws -> Column {
        guard let c = column(named: name) else {
            throw MLError.invalidInput("No column named '\(name)'. Available columns: \(columnNames.joined(separator: ", ")).")
        }
        return c
    }

    /// The rows at `indices`, in that order.
    public func gatheringRows(_ indices: [Int]) -> DataTable {
        var t = self
        t.columns = columns.map { $0.gathering(indices) }
        t.rowCount = indices.count
        return t
    }

    /// The table without the named columns (unknown names are ignored).
    public func dropping(_ names: Set<String>) -> DataTable {
        var t = self
        t.columns = columns.filter { !names.contains($0.name) }
        if t.columns.isEmpty { t.rowCount = rowCount }
        return t
    }

    /// Only the named columns, in the order given.
    /// - Throws: `MLError.invalidInput` for an unknown name.
    public func selecting(_ names: [String]) throws -> DataTable {
        var t = self
        t.columns = try names.map { try requireColumn($0) }
        return t
    }

    /// Replaces the column with the same name, or appends it.
    /// - Throws: `MLError.invalidInput` when its length differs from `rowCount`.
    public mutating func setColumn(_ column: Column) throws {
        guard columns.isEmpty || column.count == rowCount else {
            throw MLError.invalidInput("Column '\(column.name)' has \(column.count) rows; expected \(rowCount).")
        }
        if columns.isEmpty { rowCount = column.count }
        if let i = index(of: column.name) { columns[i] = column } else { columns.append(column) }
    }
}

/// A CSV file split into fields but not yet typed: the header and every cell as text.
///
/// Missing cells (see `CSVDialect.missingMarkers`) are `nil`; quoted fields are unescaped.
public struct RawTable: Sendable, Equatable, Hashable {
    /// The column names, in file order (empty header names auto-named `Unnamed: <index>`).
    public var header: [String]
    /// `columns[j][i]` is the cell of column `j`, row `i`; `nil` when missing.
    public var columns: [[String?]]
    /// The 1-based physical line where each data row starts (a cell's line, for messages).
    public var rowLines: [Int]
    /// The delimiter used (given or detected).
    public var delimiter: String

    /// Number of data rows.
    public var rowCount: Int { rowLines.count }

    /// A raw table; `columns` must all have `rowLines.count` cells.
    public init(header: [String], columns: [[String?]], rowLines: [Int], delimiter: String) {
        self.header = header
        self.columns = columns
        self.rowLines = rowLines
        self.delimiter = delimiter
    }
}

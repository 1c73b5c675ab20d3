import MLCore
import MLData
import MLModels

/// A preprocessing pipeline fitted on training rows: turns a table with the training columns into
/// the numeric feature matrix models take.
///
/// `Codable`, so it goes into model files beside the fitted model.
public struct FittedPipeline: Sendable, Codable, Hashable {
    /// The configuration it was fitted from.
    public let config: PreprocessingConfig
    /// Every column seen at fit time (kept or dropped), in order.
    public let inputColumns: [InputColumn]
    /// How each kept column is encoded, in output order.
    public let encodings: [ColumnEncoding]
    /// The scaling applied after encoding.
    public let scaler: FittedScaler
    /// The output feature names, one per matrix column.
    public let featureNames: [String]
    /// The columns left out, with reasons.
    public let droppedColumns: [DroppedColumn]

    /// The number of output features.
    public var featureCount: Int { featureNames.count }

    /// Encodes and scales `table` with the fitted statistics.
    ///
    /// The table must hold exactly the columns seen at fit time (in any order); dropped ones may be
    /// absent. Unseen categories give zeros (one-hot, binary) or the training target mean (target
    /// encoding); missing entries get the fitted fill values.
    /// - Throws: `MLError.invalidInput` naming an unknown column, a missing column or a column whose
    ///   type cannot be encoded as at fit time.
    /// - Complexity: O(rows × output columns).
    public func transform(_ table: DataTable) throws -> Matrix {
        let known = Set(inputColumns.map(\.name))
        let unknown = table.columnNames.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw MLError.invalidInput("Unknown column(s) \(unknown.map { "'\($0)'" }.joined(separator: ", ")) not seen when the pipeline was fitted; expected columns: \(inputColumns.map(\.name).joined(separator: ", ")).")
        }
        var out = Matrix(rowCount: table.rowCount, columnCount: 0)
        var columns: [[Double]] = []
        columns.reserveCapacity(featureCount)
        for encoding in encodings {
            guard let column = table.column(named: encoding.columnName) else {
                throw MLError.invalidInput("Column '\(encoding.columnName)' is missing from the data; the pipeline was fitted with it.")
            }
            columns.append(contentsOf: try encoding.encode(column))
        }
        if table.rowCount == 0 {
            out = Matrix(rowCount: 0, columnCount: featureCount)
        } else {
            out = try Matrix(columns: columns)
        }
        scaler.apply(&out)
        return out
    }
}

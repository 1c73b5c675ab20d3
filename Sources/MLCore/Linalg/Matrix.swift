/// A dense, column-major matrix of `Double`.
///
/// Element `(i, j)` lives at `storage[i + j * rowCount]`, the layout BLAS and LAPACK expect, so
/// columns are contiguous and a whole column can be handed to a kernel without a copy.
///
///     var m = Matrix(rowCount: 2, columnCount: 3)
///     m[1, 2] = 4
///
/// - Complexity: element access is O(1); `gatheringRows` is O(rows × columns).
public struct Matrix: Sendable, Equatable, Hashable, Codable {
    /// Number of rows.
    public private(set) var rowCount: Int
    /// Number of columns.
    public private(set) var columnCount: Int
    /// The column-major elements, `rowCount * columnCount` of them.
    public var storage: [Double]

    /// A matrix filled with `value`.
    public init(rowCount: Int, columnCount: Int, repeating value: Double = 0) {
        precondition(rowCount >= 0 && columnCount >= 0, "negative matrix dimension")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.storage = [Double](repeating: value, count: rowCount * columnCount)
    }

    /// A matrix over existing column-major storage.
    /// - Throws: `MLError.shapeMismatch` when `storage.count != rowCount * columnCount`.
    public init(rowCount: Int, columnCount: Int, columnMajor storage: [Double]) throws {
        guard rowCount >= 0, columnCount >= 0, storage.count == rowCount * columnCount else {
            throw MLError.shapeMismatch(expected: "\(rowCount)×\(columnCount) = \(rowCount * columnCount) elements",
                                        got: "\(storage.count) elements")
        }
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.storage = storage
    }

    /// A matrix from rows given as arrays (convenient in tests and small examples).
    /// - Throws: `MLError.shapeMismatch` when the rows differ in length.
    public init(rows: [[Double]]) throws {
        let r = rows.count
        let c = rows.first?.count ?? 0
        var s = [Double](repeating: 0, count: r * c)
        for (i, row) in rows.enumerated() {
            guard row.count == c else {
                throw MLError.shapeMismatch(expected: "\(c) columns in every row", got: "\(row.count) in row \(i)")
            }
            for j in 0..<c { s[i + j * r] = row[j] }
        }
        self.rowCount = r
        self.columnCount = c
        self.storage = s
    }

    /// A matrix from columns given as arrays.
    /// - Throws: `MLError.shapeMismatch` when the columns differ in length.
    public init(columns: [[Double]]) throws {
        let c = columns.count
        let r = columns.first?.count ?? 0
        var s = [Double]()
        s.reserveCapacity(r * c)
        for (j, col) in columns.enumerated() {
            guard col.count == r else {
                throw MLError.shapeMismatch(expected: "\(r) rows in every column", got: "\(col.count) in column \(j)")
            }
            s.append(contentsOf: col)
        }
        self.rowCount = r
        self.columnCount = c
        self.storage = s
    }

    /// The identity matrix of size `n`.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rowCount: n, columnCount: n)
        for i in 0..<n { m.storage[i + i * n] = 1 }
        return m
    }

    /// Element `(row, column)`.
    @inlinable
    public subscript(row: Int, column: Int) -> Double {
        get { storage[row &+ column &* rowCount] }
        set { storage[row &+ column &* rowCount] = newValue }
    }

    /// A copy of column `j`.
    @inlinable
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rowCount)..<((j + 1) * rowCount)])
    }

    /// A copy of row `i`.
    @inlinable
    public func row(_ i: Int) -> [Double] {
        var out = [Double](repeating: 0, count: columnCount)
        for j in 0..<columnCount { out[j] = storage[i &+ j &* rowCount] }
        return out
    }

    /// Calls `body` with a read-only pointer to column `j`'s contiguous elements.
    @inlinable
    public func withColumn<R>(_ j: Int, _ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[(j * rowCount)..<((j + 1) * rowCount)]))
        }
    }

    /// Replaces column `j` with `values`.
    @inlinable
    public mutating func setColumn(_ j: Int, _ values: [Double]) {
        precondition(values.count == rowCount, "column length mismatch")
        let base = j * rowCount
        for i in 0..<rowCount { storage[base &+ i] = values[i] }
    }

    /// The rows at `indices`, in that order (indices may repeat, as in a bootstrap).
    ///
    /// Cross-validation gathers each fold once with this; models then work on contiguous data.
    /// - Complexity: O(`indices.count` × `columnCount`).
    public func gatheringRows(_ indices: [Int]) -> Matrix {
        let n = indices.count
        var out = Matrix(rowCount: n, columnCount: columnCount)
        storage.withUnsafeBufferPointer { src in
            out.storage.withUnsafeMutableBufferPointer { dst in
                for j in 0..<columnCount {
                    let s = j &* rowCount
                    let d = j &* n
                    for (k, i) in indices.enumerated() { dst[d &+ k] = src[s &+ i] }
                }
            }
        }
        return out
    }

    /// The columns at `indices`, in that order.
    public func gatheringColumns(_ indices: [Int]) -> Matrix {
        var s = [Double]()
        s.reserveCapacity(indices.count * rowCount)
        for j in indices { s.append(contentsOf: storage[(j * rowCount)..<((j + 1) * rowCount)]) }
        var out = Matrix(rowCount: rowCount, columnCount: 0)
        out.columnCount = indices.count
        out.storage = s
        return out
    }

    /// The transpose.
    public var transposed: Matrix {
        var out = Matrix(rowCount: columnCount, columnCount: rowCount)
        for j in 0..<columnCount {
            for i in 0..<rowCount { out.storage[j &+ i &* columnCount] = storage[i &+ j &* rowCount] }
        }
        return out
    }

    /// The rows as arrays (for printing and tests; slow on big matrices).
    public var rows: [[Double]] { (0..<rowCount).map { row($0) } }

    /// True when every element is finite (no NaN, no infinity).
    public var isFinite: Bool {
        storage.withUnsafeBufferPointer { b in
            for v in b where !v.isFinite { return false }
            return true
        }
    }

    /// Appends a column on the right.
    public mutating func appendColumn(_ values: [Double]) {
        precondition(values.count == rowCount || columnCount == 0, "column length mismatch")
        if columnCount == 0 { rowCount = values.count }
        storage.append(contentsOf: values)
        columnCount += 1
    }
}

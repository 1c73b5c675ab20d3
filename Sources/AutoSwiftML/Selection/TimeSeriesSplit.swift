import MLCore

/// Expanding-window cross-validation for rows in time order, as scikit-learn's `TimeSeriesSplit`:
/// fold `i` validates on the `i`-th of `foldCount` consecutive blocks at the end of the data and
/// trains on every row before it. No shuffling; every training row comes before every validation row.
///
/// With `n` rows, each validation block has `n / (foldCount + 1)` rows and the first block starts at
/// `n − foldCount × blockSize` (the first rows only ever train).
///
///     let folds = try TimeSeriesSplit(foldCount: 3).folds(rowCount: 8)
///     // train 0..<2 / validate 2..<4, train 0..<4 / validate 4..<6, train 0..<6 / validate 6..<8
public struct TimeSeriesSplit: Sendable, Codable, Hashable {
    /// The number of folds (default 5, as scikit-learn's `n_splits`).
    public var foldCount: Int

    /// A time-series splitter.
    public init(foldCount: Int = 5) {
        self.foldCount = foldCount
    }

    /// The folds over rows `0..<rowCount`, in row order.
    /// - Throws: `MLError` when `foldCount < 2` or there are fewer than `foldCount + 1` rows.
    /// - Complexity: O(`rowCount` × `foldCount`).
    public func folds(rowCount: Int) throws -> [Fold] {
        try checkFoldCount(foldCount, rowCount: rowCount)
        guard rowCount > foldCount else {
            throw MLError.invalidInput("A time-series split into \(foldCount) folds needs more than \(foldCount) rows; got \(rowCount).")
        }
        let block = rowCount / (foldCount + 1)
        let first = rowCount - foldCount * block
        return (0..<foldCount).map { i in
            let start = first + i * block
            return Fold(train: Array(0..<start), validation: Array(start..<(start + block)))
        }
    }
}

import MLCore

/// K-fold cross-validation, as scikit-learn's `KFold`: rows (shuffled when `shuffles`) are cut into
/// `foldCount` consecutive chunks; the first `rowCount % foldCount` chunks get one extra row.
///
///     var rng = RandomStream(seed: 123).split(RandomKeys.folds)
///     let folds = try KFold(foldCount: 5).folds(rowCount: 100, using: &rng)
public struct KFold: Sendable, Codable, Hashable {
    /// The number of folds (default 10, as PyCaret).
    public var foldCount: Int
    /// Whether rows are shuffled before cutting (default true).
    public var shuffles: Bool

    /// A K-fold splitter.
    public init(foldCount: Int = 10, shuffles: Bool = true) {
        self.foldCount = foldCount
        self.shuffles = shuffles
    }

    /// The folds over rows `0..<rowCount`.
    /// - Throws: `MLError` when `foldCount < 2` or there are fewer rows than folds.
    /// - Complexity: O(`rowCount` × `foldCount`).
    public func folds(rowCount: Int, using rng: inout RandomStream) throws -> [Fold] {
        try checkFoldCount(foldCount, rowCount: rowCount)
        let order = shuffles ? rng.permutation(rowCount) : Array(0..<rowCount)
        var assignment = [Int](repeating: 0, count: rowCount)
        var start = 0
        for f in 0..<foldCount {
            let size = rowCount / foldCount + (f < rowCount % foldCount ? 1 : 0)
            for p in start..<(start + size) { assignment[order[p]] = f }
            start += size
        }
        return foldsFromAssignment(assignment, foldCount: foldCount)
    }
}

import MLCore

/// K-fold cross-validation that never splits a group, as scikit-learn's `GroupKFold`: every row of
/// a group lands in the same validation fold, so a model is never scored on a group it saw.
///
/// Groups are dealt largest first (ties: first appearance first) to the fold with the fewest rows
/// so far (ties: the lowest fold), which balances fold sizes like scikit-learn's greedy allocation.
/// Deterministic: no random stream.
///
///     let folds = try GroupKFold(foldCount: 3).folds(groups: ["a", "a", "b", "c", "c", "d"])
public struct GroupKFold: Sendable, Codable, Hashable {
    /// The number of folds (default 5).
    public var foldCount: Int

    /// A group K-fold splitter.
    public init(foldCount: Int = 5) {
        self.foldCount = foldCount
    }

    /// The folds over the rows of `groups` (one group key per row).
    /// - Throws: `MLError` when `foldCount < 2` or there are fewer distinct groups than folds.
    /// - Complexity: O(`rowCount` × `foldCount` + groups × `foldCount`).
    public func folds<Key: Hashable>(groups: [Key]) throws -> [Fold] {
        try checkFoldCount(foldCount, rowCount: groups.count)
        var index: [Key: Int] = [:]
        var sizes: [Int] = []
        var groupOfRow = [Int](repeating: 0, count: groups.count)
        for (row, key) in groups.enumerated() {
            if let g = index[key] {
                groupOfRow[row] = g
                sizes[g] += 1
            } else {
                index[key] = sizes.count
                groupOfRow[row] = sizes.count
                sizes.append(1)
            }
        }
        guard sizes.count >= foldCount else {
            throw MLError.invalidInput("Cannot make \(foldCount) group folds from \(sizes.count) distinct group(s); use at most \(sizes.count) folds.")
        }
        let order = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        var foldOfGroup = [Int](repeating: 0, count: sizes.count)
        var load = [Int](repeating: 0, count: foldCount)
        for g in order {
            var lightest = 0
            for f in 1..<foldCount where load[f] < load[lightest] { lightest = f }
            foldOfGroup[g] = lightest
            load[lightest] += sizes[g]
        }
        return foldsFromAssignment(groupOfRow.map { foldOfGroup[$0] }, foldCount: foldCount)
    }
}

import MLCore

/// Stratified K-fold cross-validation, as scikit-learn's `StratifiedKFold`: every fold keeps the
/// class proportions of the whole.
///
/// The members of each class (shuffled when `shuffles`) are dealt round-robin to the folds; the
/// dealing position carries on from one class to the next, so fold sizes differ by at most one.
/// This is scikit-learn's allocation (`bincount(y_sorted[i::k])`).
public struct StratifiedKFold: Sendable, Codable, Hashable {
    /// The number of folds (default 10, as PyCaret).
    public var foldCount: Int
    /// Whether each class's rows are shuffled before dealing (default true).
    public var shuffles: Bool

    /// A stratified K-fold splitter.
    public init(foldCount: Int = 10, shuffles: Bool = true) {
        self.foldCount = foldCount
        self.shuffles = shuffles
    }

    /// The folds over the rows of `classes` (one class index per row).
    /// - Throws: `MLError` when `foldCount < 2`, there are fewer rows than folds, or a class has
    ///   fewer members than folds.
    /// - Complexity: O(`rowCount` × `foldCount`).
    public func folds(classes: [Int32], classNames: [String]? = nil, using rng: inout RandomStream) throws -> [Fold] {
        try checkFoldCount(foldCount, rowCount: classes.count)
        let members = try groupByClass(classes)
        for (c, rows) in members.enumerated() where !rows.isEmpty && rows.count < foldCount {
            let name = classNames.flatMap { c < $0.count ? $0[c] : nil } ?? "\(c)"
            throw MLError.invalidInput("Class '\(name)' has only \(rows.count) member(s), fewer than the \(foldCount) folds; use at most \(rows.count) folds.")
        }
        var assignment = [Int](repeating: 0, count: classes.count)
        var position = 0
        for var rows in members {
            if shuffles { rng.shuffle(&rows) }
            for r in rows {
                assignment[r] = position % foldCount
                position += 1
            }
        }
        return foldsFromAssignment(assignment, foldCount: foldCount)
    }
}

/// The rows of each class, ascending, indexed by class (classes `0...max`).
func groupByClass(_ classes: [Int32]) throws -> [[Int]] {
    guard let maxClass = classes.max() else { return [] }
    guard classes.allSatisfy({ $0 >= 0 }) else {
        throw MLError.invalidInput("Class indices must be non-negative.")
    }
    var members = [[Int]](repeating: [], count: Int(maxClass) + 1)
    for (i, c) in classes.enumerated() { members[Int(c)].append(i) }
    return members
}

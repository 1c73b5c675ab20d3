import MLCore

/// One cross-validation fold: row indices (into the table being cross-validated) used to fit, and
/// the disjoint rows used to score.
public struct Fold: Sendable, Codable, Hashable {
    /// The training rows, ascending.
    public let train: [Int]
    /// The validation rows, ascending.
    public let validation: [Int]

    /// A fold from two disjoint index lists (they are sorted).
    public init(train: [Int], validation: [Int]) {
        self.train = train.sorted()
        self.validation = validation.sorted()
    }
}

/// Builds folds from a per-row fold assignment (`assignment[i]` is the validation fold of row `i`).
func foldsFromAssignment(_ assignment: [Int], foldCount: Int) -> [Fold] {
    var validation = [[Int]](repeating: [], count: foldCount)
    for (row, f) in assignment.enumerated() { validation[f].append(row) }
    return (0..<foldCount).map { f in
        var train: [Int] = []
        train.reserveCapacity(assignment.count - validation[f].count)
        for (row, g) in assignment.enumerated() where g != f { train.append(row) }
        return Fold(train: train, validation: validation[f])
    }
}

/// Throws unless `foldCount` is at least 2 and at most `rowCount`.
func checkFoldCount(_ foldCount: Int, rowCount: Int) throws {
    guard foldCount >= 2 else {
        throw MLError.invalidParameter(estimator: "cross-validation", name: "foldCount", value: "\(foldCount)",
                                       expected: "an integer ≥ 2")
    }
    guard rowCount >= foldCount else {
        throw MLError.invalidInput("Cannot make \(foldCount) folds from \(rowCount) rows; use at most \(rowCount) folds or more data.")
    }
}

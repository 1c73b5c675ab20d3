import MLCore

/// Input checks shared by the metric functions: every bad input becomes an `MLError`, never a trap.
enum MetricInputChecks {
    /// Throws unless `count` is positive and `other` (when given) has the same length.
    static func checkLengths(metric: String, truthCount: Int, otherCount: Int, otherName: String) throws {
        guard truthCount > 0 else {
            throw MLError.invalidInput("\(metric): no rows to score.")
        }
        guard otherCount == truthCount else {
            throw MLError.shapeMismatch(expected: "\(truthCount) \(otherName) for \(metric)", got: "\(otherCount)")
        }
    }

    /// Throws unless the weights (when given) are one per row, finite, non-negative and not all zero.
    static func checkWeights(metric: String, _ weights: [Double]?, count: Int) throws {
        guard let w = weights else { return }
        guard w.count == count else {
            throw MLError.shapeMismatch(expected: "\(count) sample weights for \(metric)", got: "\(w.count)")
        }
        guard w.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw MLError.invalidInput("\(metric): sample weights must be finite and non-negative.")
        }
        guard w.contains(where: { $0 > 0 }) else {
            throw MLError.invalidInput("\(metric): the sample weights are all zero.")
        }
    }

    /// Throws unless every label lies in `0..<classCount`.
    static func checkLabels(metric: String, _ labels: [Int32], classCount: Int, what: String) throws {
        for (i, c) in labels.enumerated() where c < 0 || Int(c) >= classCount {
            throw MLError.invalidInput("\(metric): \(what) class index \(c) at row \(i) is outside 0..<\(classCount).")
        }
    }

    /// Throws unless every value is finite.
    static func checkFinite(metric: String, _ values: [Double], what: String) throws {
        if let i = values.firstIndex(where: { !$0.isFinite }) {
            throw MLError.invalidInput("\(metric): the \(what) value at row \(i) is \(values[i]); it must be finite.")
        }
    }

    /// Throws unless `probabilities` has one row per sample, `classCount` columns and values in [0, 1].
    static func checkProbabilities(metric: String, _ probabilities: Matrix, rowCount: Int, classCount: Int) throws {
        guard probabilities.rowCount == rowCount else {
            throw MLError.shapeMismatch(expected: "\(rowCount) probability rows for \(metric)", got: "\(probabilities.rowCount)")
        }
        guard probabilities.columnCount == classCount else {
            throw MLError.shapeMismatch(expected: "\(classCount) probability columns (one per class) for \(metric)",
                                        got: "\(probabilities.columnCount)")
        }
        if let k = probabilities.storage.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
            throw MLError.invalidInput("\(metric): probability \(probabilities.storage[k]) at row \(k % max(rowCount, 1)), "
                + "column \(k / max(rowCount, 1)) is not in [0, 1].")
        }
    }

    /// The weight of row `i` (1 when unweighted).
    @inline(__always)
    static func weight(_ w: [Double]?, _ i: Int) -> Double { w?[i] ?? 1 }
}

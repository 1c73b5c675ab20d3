import Foundation
import MLCore

extension ClassificationMetrics {
    /// Area under the ROC curve as PyCaret 3.3 scores it (`roc_auc_score`).
    ///
    /// - Two classes (`probabilities.columnCount == 2`): the binary AUC of column 1, the class encoded 1.
    /// - Three or more: one-vs-rest AUC per class, averaged with weights equal to each class's
    ///   (weighted) support in the truth — PyCaret passes `average="weighted", multi_class="ovr"`.
    ///   Classes absent from the truth get weight 0 and are skipped (scikit-learn would raise there
    ///   and PyCaret would score 0).
    ///
    /// - Returns: NaN when the truth holds fewer than two classes (scikit-learn warns and returns NaN).
    /// - Throws: `MLError` for empty input, mismatched shapes, labels outside the columns, or
    ///   probabilities outside [0, 1].
    /// - Complexity: O(k · n log n) for k classes.
    public static func auc(truth: [Int32], probabilities: Matrix, sampleWeights: [Double]? = nil) throws -> Double {
        let k = probabilities.columnCount
        try checkProbabilityInput("AUC", truth, probabilities, sampleWeights)
        var support = [Double](repeating: 0, count: k)
        for i in 0..<truth.count { support[Int(truth[i])] += MetricInputChecks.weight(sampleWeights, i) }
        let present = support.filter { $0 > 0 }.count
        if present < 2 { return .nan }
        if k == 2 {
            return rankAUC(truth.map { $0 == 1 }, probabilities.column(1), sampleWeights)
        }
        var sum = 0.0, weightSum = 0.0
        for c in 0..<k where support[c] > 0 {
            let score = rankAUC(truth.map { Int($0) == c }, probabilities.column(c), sampleWeights)
            sum += support[c] * score
            weightSum += support[c]
        }
        return sum / weightSum
    }

    /// The binary ROC AUC of `scores` for the rows marked positive, with tied scores counted as
    /// half a correct ordering (the area under scikit-learn's trapezoidal ROC curve).
    ///
    /// Rank-based: sorts once, then walks groups of tied scores, adding for each group
    /// `positive weight × (negative weight below + ½ negative weight in the group)`.
    /// - Returns: NaN when either class has zero total weight.
    /// - Throws: `MLError` for empty input, mismatched lengths, NaN scores or bad weights.
    /// - Complexity: O(n log n).
    public static func rocAUC(isPositive: [Bool], scores: [Double], sampleWeights: [Double]? = nil) throws -> Double {
        try MetricInputChecks.checkLengths(metric: "AUC", truthCount: isPositive.count, otherCount: scores.count,
                                           otherName: "scores")
        if let i = scores.firstIndex(where: { $0.isNaN }) {
            throw MLError.invalidInput("AUC: the score at row \(i) is NaN.")
        }
        try MetricInputChecks.checkWeights(metric: "AUC", sampleWeights, count: scores.count)
        return rankAUC(isPositive, scores, sampleWeights)
    }

    /// The rank-based AUC on validated input.
    static func rankAUC(_ isPositive: [Bool], _ scores: [Double], _ sampleWeights: [Double]?) -> Double {
        let n = scores.count
        let order = (0..<n).sorted { scores[$0] < scores[$1] }
        var negativeBelow = 0.0, area = 0.0, positiveTotal = 0.0
        var g = 0
        while g < n {
            let s = scores[order[g]]
            var groupPositive = 0.0, groupNegative = 0.0
            var e = g
            while e < n && scores[order[e]] == s {
                let i = order[e]
                let w = MetricInputChecks.weight(sampleWeights, i)
                if isPositive[i] { groupPositive += w } else { groupNegative += w }
                e += 1
            }
            area += groupPositive * (negativeBelow + 0.5 * groupNegative)
            negativeBelow += groupNegative
            positiveTotal += groupPositive
            g = e
        }
        let denominator = positiveTotal * negativeBelow
        return denominator > 0 ? area / denominator : .nan
    }

    /// Cross-entropy (`log_loss` with `labels=range(classCount)`): the (weighted) mean of
    /// −log p(true class), with probabilities clipped to [ε, 1 − ε], ε = `Double.ulpOfOne`, as
    /// scikit-learn 1.9.1 clips them. Rows are not renormalised (scikit-learn only warns).
    /// - Throws: `MLError` for empty input, mismatched shapes, labels outside the columns, or
    ///   probabilities outside [0, 1].
    /// - Complexity: O(n).
    public static func logLoss(truth: [Int32], probabilities: Matrix, sampleWeights: [Double]? = nil) throws -> Double {
        try checkProbabilityInput("Log Loss", truth, probabilities, sampleWeights)
        let eps = Double.ulpOfOne
        var sum = 0.0, total = 0.0
        for i in 0..<truth.count {
            let w = MetricInputChecks.weight(sampleWeights, i)
            let p = min(max(probabilities[i, Int(truth[i])], eps), 1 - eps)
            sum += w * -log(p)
            total += w
        }
        return sum / total
    }

    static func checkProbabilityInput(_ metric: String, _ truth: [Int32], _ probabilities: Matrix,
                                      _ weights: [Double]?) throws {
        guard truth.count > 0 else { throw MLError.invalidInput("\(metric): no rows to score.") }
        guard probabilities.columnCount > 0 else {
            throw MLError.invalidInput("\(metric): the probability matrix has no columns.")
        }
        try MetricInputChecks.checkProbabilities(metric: metric, probabilities, rowCount: truth.count,
                                                 classCount: probabilities.columnCount)
        try MetricInputChecks.checkLabels(metric: metric, truth, classCount: probabilities.columnCount, what: "true")
        try MetricInputChecks.checkWeights(metric: metric, weights, count: truth.count)
    }
}

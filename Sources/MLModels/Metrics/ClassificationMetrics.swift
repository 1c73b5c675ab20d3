import MLCore

/// Classification metrics computed as PyCaret 3.3 computes them through scikit-learn 1.9.1.
///
/// Labels are class indices in `0..<classCount` (the order of `Target.classes(names:)`); optional
/// sample weights weight each row, as scikit-learn's `sample_weight`. Every function throws
/// `MLError` for empty input, mismatched lengths, out-of-range labels or bad weights; none traps.
///
/// Undefined and zero-denominator cases follow scikit-learn's defaults:
/// - precision, recall and F1 with a zero denominator count as 0 (`zero_division="warn"` → 0);
/// - MCC with a zero denominator is 0;
/// - Cohen's kappa is NaN when it is undefined (truth and prediction share one single class),
///   as `cohen_kappa_score(replace_undefined_by=np.nan)`;
/// - AUC is NaN when the truth holds only one class (scikit-learn warns and returns NaN).
///
///     let f1 = try ClassificationMetrics.f1(truth: [0, 1, 1], predicted: [0, 1, 0], classCount: 2)
public enum ClassificationMetrics {
    /// How per-class precision, recall and F1 are combined into one number.
    public enum Averaging: Sendable, Hashable, Codable {
        /// Only the given class counts as positive (scikit-learn `average="binary"`).
        case binary(positiveClass: Int32)
        /// The mean over classes weighted by their (weighted) support in the truth (`average="weighted"`).
        case weighted
        /// The unweighted mean over classes present in the truth or the prediction (`average="macro"`).
        case macro

        /// PyCaret's choice: binary with the class encoded 1 as positive for two classes,
        /// weighted otherwise (three or more, or a degenerate single listed class).
        public static func pycaret(classCount: Int) -> Averaging {
            classCount == 2 ? .binary(positiveClass: 1) : .weighted
        }
    }

    // MARK: - Label metrics

    /// The (weighted) fraction of rows predicted correctly (`accuracy_score`).
    /// - Complexity: O(n).
    public static func accuracy(truth: [Int32], predicted: [Int32], classCount: Int,
                                sampleWeights: [Double]? = nil) throws -> Double {
        try checkLabelInput("Accuracy", truth, predicted, classCount, sampleWeights)
        var correct = 0.0, total = 0.0
        for i in 0..<truth.count {
            let w = MetricInputChecks.weight(sampleWeights, i)
            total += w
            if truth[i] == predicted[i] { correct += w }
        }
        return correct / total
    }

    /// The (weighted) confusion matrix: `result[t][p]` is the weight of rows of true class `t`
    /// predicted as `p` (`confusion_matrix(labels=range(classCount))`).
    /// - Complexity: O(n + classCount²).
    public static func confusionMatrix(truth: [Int32], predicted: [Int32], classCount: Int,
                                       sampleWeights: [Double]? = nil) throws -> [[Double]] {
        try checkLabelInput("Confusion matrix", truth, predicted, classCount, sampleWeights)
        return counts(truth, predicted, classCount, sampleWeights)
    }

    /// Recall (`recall_score`); `averaging` defaults to PyCaret's choice for `classCount`.
    /// - Complexity: O(n + classCount²).
    public static func recall(truth: [Int32], predicted: [Int32], classCount: Int,
                              averaging: Averaging? = nil, sampleWeights: [Double]? = nil) throws -> Double {
        try averaged("Recall", truth, predicted, classCount, averaging, sampleWeights) { tp, trueSum, _ in
            divide(tp, trueSum)
        }
    }

    /// Precision (`precision_score`); `averaging` defaults to PyCaret's choice for `classCount`.
    /// - Complexity: O(n + classCount²).
    public static func precision(truth: [Int32], predicted: [Int32], classCount: Int,
                                 averaging: Averaging? = nil, sampleWeights: [Double]? = nil) throws -> Double {
        try averaged("Precision", truth, predicted, classCount, averaging, sampleWeights) { tp, _, predSum in
            divide(tp, predSum)
        }
    }

    /// F1 (`f1_score`), computed as scikit-learn 1.9 does: 2·tp / (true count + predicted count);
    /// `averaging` defaults to PyCaret's choice for `classCount`.
    /// - Complexity: O(n + classCount²).
    public static func f1(truth: [Int32], predicted: [Int32], classCount: Int,
                          averaging: Averaging? = nil, sampleWeights: [Double]? = nil) throws -> Double {
        try averaged("F1", truth, predicted, classCount, averaging, sampleWeights) { tp, trueSum, predSum in
            divide(2 * tp, trueSum + predSum)
        }
    }

    /// Cohen's kappa (`cohen_kappa_score`, unweighted agreement); NaN when undefined.
    /// - Complexity: O(n + classCount²).
    public static func kappa(truth: [Int32], predicted: [Int32], classCount: Int,
                             sampleWeights: [Double]? = nil) throws -> Double {
        try checkLabelInput("Kappa", truth, predicted, classCount, sampleWeights)
        let c = counts(truth, predicted, classCount, sampleWeights)
        var predSum = [Double](repeating: 0, count: classCount)
        var trueSum = [Double](repeating: 0, count: classCount)
        var total = 0.0
        for t in 0..<classCount {
            for p in 0..<classCount {
                predSum[p] += c[t][p]; trueSum[t] += c[t][p]; total += c[t][p]
            }
        }
        // scikit-learn: k = Σ w·C / Σ w·E with w = 1 − I and E = outer(sum0, sum1) / total.
        var observed = 0.0, expected = 0.0
        for a in 0..<classCount {
            for b in 0..<classCount where a != b {
                observed += c[a][b]
                expected += predSum[a] * trueSum[b] / total
            }
        }
        if expected == 0 { return .nan }
        return 1 - observed / expected
    }

    /// The Matthews correlation coefficient (`matthews_corrcoef`); 0 when its denominator is 0.
    /// - Complexity: O(n + classCount²).
    public static func mcc(truth: [Int32], predicted: [Int32], classCount: Int,
                           sampleWeights: [Double]? = nil) throws -> Double {
        try checkLabelInput("MCC", truth, predicted, classCount, sampleWeights)
        let c = counts(truth, predicted, classCount, sampleWeights)
        var tSum = [Double](repeating: 0, count: classCount)
        var pSum = [Double](repeating: 0, count: classCount)
        var correct = 0.0
        for t in 0..<classCount {
            correct += c[t][t]
            for p in 0..<classCount { tSum[t] += c[t][p]; pSum[p] += c[t][p] }
        }
        var n = 0.0, tp = 0.0, pp = 0.0, tt = 0.0
        for k in 0..<classCount {
            n += pSum[k]; tp += tSum[k] * pSum[k]; pp += pSum[k] * pSum[k]; tt += tSum[k] * tSum[k]
        }
        let covTP = correct * n - tp
        let covPP = n * n - pp
        let covTT = n * n - tt
        let denominator = covPP * covTT
        if denominator == 0 { return 0 }
        return covTP / denominator.squareRoot()
    }

    // MARK: - Internals

    static func checkLabelInput(_ metric: String, _ truth: [Int32], _ predicted: [Int32], _ classCount: Int,
                                _ weights: [Double]?) throws {
        try MetricInputChecks.checkLengths(metric: metric, truthCount: truth.count, otherCount: predicted.count,
                                           otherName: "predicted labels")
        guard classCount > 0 else { throw MLError.invalidInput("\(metric): classCount must be positive, got \(classCount).") }
        try MetricInputChecks.checkLabels(metric: metric, truth, classCount: classCount, what: "true")
        try MetricInputChecks.checkLabels(metric: metric, predicted, classCount: classCount, what: "predicted")
        try MetricInputChecks.checkWeights(metric: metric, weights, count: truth.count)
    }

    /// Weighted confusion counts; inputs already validated.
    static func counts(_ truth: [Int32], _ predicted: [Int32], _ classCount: Int, _ weights: [Double]?) -> [[Double]] {
        var c = [[Double]](repeating: [Double](repeating: 0, count: classCount), count: classCount)
        for i in 0..<truth.count {
            c[Int(truth[i])][Int(predicted[i])] += MetricInputChecks.weight(weights, i)
        }
        return c
    }

    /// `a / b`, or 0 when `b` is 0 (scikit-learn's `zero_division` default).
    @inline(__always)
    static func divide(_ a: Double, _ b: Double) -> Double { b == 0 ? 0 : a / b }

    /// Computes a per-class score from (tp, true count, predicted count) and averages it.
    static func averaged(_ metric: String, _ truth: [Int32], _ predicted: [Int32], _ classCount: Int,
                         _ averaging: Averaging?, _ weights: [Double]?,
                         _ score: (Double, Double, Double) -> Double) throws -> Double {
        try checkLabelInput(metric, truth, predicted, classCount, weights)
        let mode = averaging ?? .pycaret(classCount: classCount)
        let c = counts(truth, predicted, classCount, weights)
        var tp = [Double](repeating: 0, count: classCount)
        var trueSum = [Double](repeating: 0, count: classCount)
        var predSum = [Double](repeating: 0, count: classCount)
        for t in 0..<classCount {
            tp[t] = c[t][t]
            for p in 0..<classCount { trueSum[t] += c[t][p]; predSum[p] += c[t][p] }
        }
        switch mode {
        case let .binary(positive):
            guard positive >= 0, Int(positive) < classCount else {
                throw MLError.invalidInput("\(metric): positive class \(positive) is outside 0..<\(classCount).")
            }
            let k = Int(positive)
            return score(tp[k], trueSum[k], predSum[k])
        case .weighted:
            var sum = 0.0, weightSum = 0.0
            for k in 0..<classCount where trueSum[k] > 0 {
                sum += trueSum[k] * score(tp[k], trueSum[k], predSum[k])
                weightSum += trueSum[k]
            }
            return divide(sum, weightSum)
        case .macro:
            var sum = 0.0, present = 0
            for k in 0..<classCount where trueSum[k] > 0 || predSum[k] > 0 {
                sum += score(tp[k], trueSum[k], predSum[k])
                present += 1
            }
            return present == 0 ? 0 : sum / Double(present)
        }
    }
}

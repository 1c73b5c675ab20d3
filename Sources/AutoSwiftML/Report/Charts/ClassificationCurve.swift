/// A ROC or precision–recall curve of one class against the rest, computed from scores as
/// scikit-learn's `roc_curve(drop_intermediate=False)` and `precision_recall_curve` do: one point
/// per distinct score (tied scores move together), from the highest threshold down.
public struct ClassificationCurve: Sendable, Hashable {
    /// The points in drawing order: `(x, y)` is (false positive rate, true positive rate) for ROC
    /// and (recall, precision) for precision–recall.
    public let points: [CurvePoint]
    /// The area: trapezoidal ROC AUC, or average precision `Σ (Rₙ − Rₙ₋₁) Pₙ` for precision–recall.
    public let area: Double

    /// One point of a curve.
    public struct CurvePoint: Sendable, Hashable {
        /// The horizontal coordinate.
        public let x: Double
        /// The vertical coordinate.
        public let y: Double
        /// A point.
        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// Cumulative (true positives, false positives) at each distinct score, highest score first.
    static func counts(scores: [Double], positives: [Bool]) -> [(tp: Double, fp: Double)] {
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var out: [(tp: Double, fp: Double)] = []
        var tp = 0.0, fp = 0.0
        for (k, i) in order.enumerated() {
            if positives[i] { tp += 1 } else { fp += 1 }
            let next = k + 1 < order.count ? order[k + 1] : nil
            if next.map({ scores[$0] != scores[i] }) ?? true { out.append((tp, fp)) }
        }
        return out
    }

    /// The ROC curve, starting at (0, 0); `nil` when there are no positives or no negatives, or
    /// the inputs differ in length or hold a non-finite score.
    /// - Complexity: O(n log n).
    public static func roc(scores: [Double], positives: [Bool]) -> ClassificationCurve? {
        guard scores.count == positives.count, scores.allSatisfy(\.isFinite) else { return nil }
        let p = Double(positives.filter { $0 }.count), n = Double(positives.count) - p
        guard p > 0, n > 0 else { return nil }
        var points = [CurvePoint(x: 0, y: 0)]
        var area = 0.0
        for c in counts(scores: scores, positives: positives) {
            let point = CurvePoint(x: c.fp / n, y: c.tp / p)
            let last = points[points.count - 1]
            area += (point.x - last.x) * (point.y + last.y) / 2
            points.append(point)
        }
        return ClassificationCurve(points: points, area: area)
    }

    /// The precision–recall curve, starting at (recall 0, precision 1) as scikit-learn's last point;
    /// `nil` when there are no positives or the inputs are unusable.
    /// - Complexity: O(n log n).
    public static func precisionRecall(scores: [Double], positives: [Bool]) -> ClassificationCurve? {
        guard scores.count == positives.count, scores.allSatisfy(\.isFinite) else { return nil }
        let p = Double(positives.filter { $0 }.count)
        guard p > 0 else { return nil }
        var points = [CurvePoint(x: 0, y: 1)]
        var area = 0.0, lastRecall = 0.0
        for c in counts(scores: scores, positives: positives) {
            let recall = c.tp / p, precision = c.tp / (c.tp + c.fp)
            area += (recall - lastRecall) * precision
            lastRecall = recall
            points.append(CurvePoint(x: recall, y: precision))
        }
        return ClassificationCurve(points: points, area: area)
    }

    private init(points: [CurvePoint], area: Double) {
        self.points = points
        self.area = area
    }
}

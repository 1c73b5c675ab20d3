/// Line charts on the unit square with a legend: ROC and precision–recall curves.
public enum CurveChart {
    /// One labelled curve.
    public struct Series: Sendable, Hashable {
        /// The legend label (for example `"survived (AUC 0.853)"`).
        public let label: String
        /// The curve.
        public let curve: ClassificationCurve
        /// A series.
        public init(label: String, curve: ClassificationCurve) {
            self.label = label
            self.curve = curve
        }
    }

    /// Draws curves on 0…1 × 0…1 with an optional dashed reference line and a legend in the
    /// lower right (ROC) or lower left (precision–recall) corner.
    static func render(title: String, xTitle: String, yTitle: String, series: [Series],
                       reference: (from: (Double, Double), to: (Double, Double))?, legendAtLeft: Bool) -> String {
        let width = 560.0, height = 460.0
        var svg = SVGDocument(width: width, height: height, title: title)
        let frame = PlotFrame(left: 64, top: 40, width: width - 64 - 24, height: height - 40 - 64,
                              x: NiceScale(fixedLower: 0, fixedUpper: 1), y: NiceScale(fixedLower: 0, fixedUpper: 1))
        svg.text(title, x: width / 2, y: 24, anchor: .middle, size: 15, weight: "bold")
        frame.drawAxes(in: &svg, xTitle: xTitle, yTitle: yTitle)
        if let reference {
            svg.line(x1: frame.px(reference.from.0), y1: frame.py(reference.from.1),
                     x2: frame.px(reference.to.0), y2: frame.py(reference.to.1), stroke: "#999", dash: "5 4")
        }
        for (i, s) in series.enumerated() {
            svg.polyline(thinned(s.curve.points).map { (frame.px($0.x), frame.py($0.y)) }, stroke: Palette.color(i))
        }
        drawLegend(in: &svg, labels: series.map(\.label), frame: frame, atLeft: legendAtLeft)
        return svg.rendered
    }

    /// The points worth drawing: the first and last, and every point that moves at least
    /// `step` (in unit-square coordinates) away from the last kept one, so a curve over many rows
    /// stays a small SVG while its shape is kept to within a fraction of a pixel.
    /// - Complexity: O(points).
    static func thinned(_ points: [ClassificationCurve.CurvePoint], step: Double = 0.002) -> [ClassificationCurve.CurvePoint] {
        guard points.count > 2 else { return points }
        var kept = [points[0]]
        for p in points.dropFirst().dropLast() {
            let last = kept[kept.count - 1]
            if abs(p.x - last.x) >= step || abs(p.y - last.y) >= step { kept.append(p) }
        }
        kept.append(points[points.count - 1])
        return kept
    }

    /// A legend box with a coloured line per label, at the bottom of the plotting area.
    static func drawLegend(in svg: inout SVGDocument, labels: [String], frame: PlotFrame, atLeft: Bool) {
        guard !labels.isEmpty else { return }
        let shown = labels.map { shortened($0, 40) }
        let boxWidth = Double(shown.map(\.count).max() ?? 0) * 6.6 + 40
        let boxHeight = Double(shown.count) * 18 + 8
        let x0 = atLeft ? frame.left + 10 : frame.left + frame.width - boxWidth - 10
        let y0 = frame.top + frame.height - boxHeight - 10
        svg.rect(x: x0, y: y0, width: boxWidth, height: boxHeight, fill: "#ffffff", stroke: "#bbb", opacity: 0.9)
        for (i, label) in shown.enumerated() {
            let y = y0 + 16 + Double(i) * 18
            svg.line(x1: x0 + 8, y1: y - 4, x2: x0 + 28, y2: y - 4, stroke: Palette.color(i), width: 3)
            svg.text(label, x: x0 + 34, y: y, size: 11)
        }
    }
}

extension ReportCharts {
    /// The one-vs-rest score columns of a classifier: for a binary task only the positive (second)
    /// class; for more classes every class that has both positive and negative rows.
    static func oneVsRest(classNames: [String], truth: [Int32], probabilities: [[Double]])
        -> [(name: String, scores: [Double], positives: [Bool])] {
        let k = classNames.count
        guard k >= 2, probabilities.count == truth.count, probabilities.allSatisfy({ $0.count == k }) else { return [] }
        let classes = k == 2 ? [1] : Array(0..<k)
        return classes.map { c in
            (classNames[c], probabilities.map { $0[c] }, truth.map { Int($0) == c })
        }
    }

    /// The ROC curve(s) from holdout probabilities (`probabilities[row][class]`): the positive class
    /// for binary, one-vs-rest curves for multiclass; AUC in the legend. `nil` when no class has
    /// both positive and negative rows.
    /// - Complexity: O(k · n log n) for k curves over n rows.
    public static func roc(classNames: [String], truth: [Int32], probabilities: [[Double]]) -> Chart? {
        let series = oneVsRest(classNames: classNames, truth: truth, probabilities: probabilities).compactMap { c in
            ClassificationCurve.roc(scores: c.scores, positives: c.positives).map {
                CurveChart.Series(label: "\(classNames.count == 2 ? "class " : "")\(c.name) (AUC \(NumberText.fixed($0.area, 3)))", curve: $0)
            }
        }
        guard !series.isEmpty else { return nil }
        let svg = CurveChart.render(title: "ROC curve (holdout)", xTitle: "False positive rate", yTitle: "True positive rate",
                                    series: series, reference: ((0, 0), (1, 1)), legendAtLeft: false)
        return Chart(name: "roc", caption: "ROC curve on the holdout part" + (classNames.count > 2 ? ", one class against the rest." : "."), svg: svg)
    }

    /// The precision–recall curve(s), as `roc`, with average precision (AP) in the legend and the
    /// positive share as a dashed baseline for binary tasks.
    /// - Complexity: O(k · n log n) for k curves over n rows.
    public static func precisionRecall(classNames: [String], truth: [Int32], probabilities: [[Double]]) -> Chart? {
        let columns = oneVsRest(classNames: classNames, truth: truth, probabilities: probabilities)
        let series = columns.compactMap { c in
            ClassificationCurve.precisionRecall(scores: c.scores, positives: c.positives).map {
                CurveChart.Series(label: "\(classNames.count == 2 ? "class " : "")\(c.name) (AP \(NumberText.fixed($0.area, 3)))", curve: $0)
            }
        }
        guard !series.isEmpty else { return nil }
        var reference: ((Double, Double), (Double, Double))?
        if columns.count == 1, let c = columns.first, !c.positives.isEmpty {
            let share = Double(c.positives.filter { $0 }.count) / Double(c.positives.count)
            reference = ((0, share), (1, share))
        }
        let svg = CurveChart.render(title: "Precision–recall curve (holdout)", xTitle: "Recall", yTitle: "Precision",
                                    series: series, reference: reference.map { (from: $0.0, to: $0.1) }, legendAtLeft: true)
        return Chart(name: "precision_recall", caption: "Precision against recall on the holdout part" + (classNames.count > 2 ? ", one class against the rest." : "; the dashed line is the share of positives."), svg: svg)
    }
}

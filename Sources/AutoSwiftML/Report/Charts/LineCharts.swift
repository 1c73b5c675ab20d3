extension ReportCharts {
    /// The boosting learning curve: holdout loss after each iteration, with the best iteration
    /// marked. `nil` with fewer than two finite losses.
    /// - Parameter lossName: what the loss is ("log loss", "mean squared error").
    /// - Complexity: O(iterations).
    public static func learningCurve(losses: [Double], lossName: String) -> Chart? {
        let finite = losses.enumerated().filter { $0.element.isFinite }
        guard finite.count >= 2 else { return nil }
        let width = 640.0, height = 400.0
        let title = "Learning curve (holdout \(lossName))"
        var svg = SVGDocument(width: width, height: height, title: title)
        let values = finite.map(\.element)
        let frame = PlotFrame(left: 72, top: 40, width: width - 72 - 24, height: height - 40 - 64,
                              x: NiceScale(minimum: 1, maximum: Double(losses.count)),
                              y: NiceScale(minimum: values.min() ?? 0, maximum: values.max() ?? 1))
        svg.text(title, x: width / 2, y: 24, anchor: .middle, size: 15, weight: "bold")
        frame.drawAxes(in: &svg, xTitle: "Boosting iteration", yTitle: lossName.prefix(1).uppercased() + lossName.dropFirst())
        svg.polyline(finite.map { (frame.px(Double($0.offset + 1)), frame.py($0.element)) }, stroke: Palette.color(0))
        if let best = finite.min(by: { $0.element != $1.element ? $0.element < $1.element : $0.offset < $1.offset }) {
            let x = frame.px(Double(best.offset + 1)), y = frame.py(best.element)
            svg.circle(cx: x, cy: y, r: 4, fill: Palette.color(3))
            // Below the minimum there is no curve, unless the point sits on the axis.
            let labelY = y + 18 <= frame.top + frame.height - 4 ? y + 18 : y - 8
            svg.text("best: iteration \(best.offset + 1), \(NumberText.fixed(best.element, 4))",
                     x: min(x + 8, frame.left + frame.width - 190), y: labelY, size: 11)
        }
        return Chart(name: "learning_curve", caption: "Holdout \(lossName) after each boosting iteration; the dot marks the lowest.", svg: svg.rendered)
    }

    /// The tuning history: each trial's cross-validated score (dots; failed trials left out) and
    /// the best score so far (step line), with the untuned model's score as a dashed line.
    /// `nil` without a scored trial.
    /// - Complexity: O(trials).
    public static func trialHistory(_ trials: [TuneTrial], metric: Metric, defaultScore: Double?) -> Chart? {
        let scored = trials.compactMap { t in t.mean.flatMap { $0.isFinite ? (index: t.index, score: $0) : nil } }
        guard !scored.isEmpty else { return nil }
        let width = 640.0, height = 400.0
        let title = "Tuning history (\(metric.displayName))"
        var svg = SVGDocument(width: width, height: height, title: title)
        var values = scored.map(\.score)
        if let d = defaultScore, d.isFinite { values.append(d) }
        let indices = scored.map { Double($0.index + 1) }
        let frame = PlotFrame(left: 72, top: 60, width: width - 72 - 24, height: height - 60 - 64,
                              x: NiceScale(minimum: min(1, indices.min() ?? 1), maximum: max(2, indices.max() ?? 2)),
                              y: NiceScale(minimum: values.min() ?? 0, maximum: values.max() ?? 1))
        svg.text(title, x: width / 2, y: 24, anchor: .middle, size: 15, weight: "bold")
        frame.drawAxes(in: &svg, xTitle: "Trial", yTitle: "Cross-validated \(metric.displayName)")
        if let d = defaultScore, d.isFinite {
            svg.line(x1: frame.left, y1: frame.py(d), x2: frame.left + frame.width, y2: frame.py(d), stroke: "#999", dash: "5 4")
        }
        var best: Double?
        var steps: [(x: Double, y: Double)] = []
        for s in scored {
            let improved = best.map { metric.higherIsBetter ? s.score > $0 : s.score < $0 } ?? true
            if improved {
                if let b = best { steps.append((frame.px(Double(s.index + 1)), frame.py(b))) }
                best = s.score
            }
            steps.append((frame.px(Double(s.index + 1)), frame.py(best ?? s.score)))
        }
        svg.polyline(steps, stroke: Palette.color(1), width: 2)
        for s in scored {
            svg.circle(cx: frame.px(Double(s.index + 1)), cy: frame.py(s.score), r: 3, fill: Palette.color(0), opacity: 0.8)
        }
        // The legend sits in one row between the title and the plot, so it never hides a trial.
        let labels = ["trial score", "best so far"] + (defaultScore?.isFinite == true ? ["untuned model"] : [])
        var x = frame.left
        for (i, label) in labels.enumerated() {
            let y = 46.0
            switch i {
            case 0: svg.circle(cx: x + 10, cy: y - 4, r: 3, fill: Palette.color(0))
            case 1: svg.line(x1: x, y1: y - 4, x2: x + 20, y2: y - 4, stroke: Palette.color(1), width: 2)
            default: svg.line(x1: x, y1: y - 4, x2: x + 20, y2: y - 4, stroke: "#999", dash: "5 4")
            }
            svg.text(label, x: x + 26, y: y, size: 11)
            x += 26 + Double(label.count) * 6.5 + 24
        }
        return Chart(name: "tuning_history", caption: "Cross-validated \(metric.displayName) of each trial, the best so far" + (defaultScore?.isFinite == true ? ", and the untuned model (dashed)." : "."), svg: svg.rendered)
    }
}

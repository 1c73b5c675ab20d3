/// Horizontal bars with labels on the left, optional ±error whiskers, drawn from a zero line.
enum HorizontalBarChart {
    /// One bar.
    struct Bar {
        let label: String
        let value: Double
        let error: Double?
    }

    static func render(title: String, valueTitle: String, bars: [Bar], color: String, valueDecimals: Int) -> String {
        let labelWidth = min(330, Double(bars.map { shortened($0.label, 46).count }.max() ?? 4) * 7.2 + 24)
        let rowHeight = 24.0
        let width = 720.0
        let height = 44 + Double(bars.count) * rowHeight + 54
        var svg = SVGDocument(width: width, height: height, title: title)
        let lows = bars.map { $0.value - ($0.error ?? 0) }, highs = bars.map { $0.value + ($0.error ?? 0) }
        let scale = NiceScale(minimum: min(0, lows.min() ?? 0), maximum: max(0, highs.max() ?? 1), targetTickCount: 6)
        let frame = PlotFrame(left: labelWidth, top: 44, width: width - labelWidth - 70, height: Double(bars.count) * rowHeight,
                              x: scale, y: NiceScale(fixedLower: 0, fixedUpper: Double(max(1, bars.count))))
        svg.text(title, x: width / 2, y: 24, anchor: .middle, size: 15, weight: "bold")
        for t in scale.ticks {
            let x = frame.px(t)
            svg.line(x1: x, y1: frame.top, x2: x, y2: frame.top + frame.height, stroke: "#e5e5e5")
            svg.text(scale.label(t), x: x, y: frame.top + frame.height + 16, anchor: .middle, size: 11, fill: "#444")
        }
        let zero = frame.px(0)
        for (i, bar) in bars.enumerated() {
            let top = frame.top + Double(i) * rowHeight + 4
            let end = frame.px(bar.value)
            let tip = "\(bar.label): \(NumberText.fixed(bar.value, valueDecimals))"
                + (bar.error.map { " ± \(NumberText.fixed($0, valueDecimals))" } ?? "")
            svg.rect(x: min(zero, end), y: top, width: abs(end - zero), height: rowHeight - 8, fill: color, tooltip: tip)
            svg.text(shortened(bar.label, 46), x: frame.left - 8, y: top + rowHeight / 2, anchor: .end, size: 12)
            if let e = bar.error, e > 0 {
                let a = frame.px(bar.value - e), b = frame.px(bar.value + e), mid = top + (rowHeight - 8) / 2
                svg.line(x1: a, y1: mid, x2: b, y2: mid, stroke: "#222", width: 1.5)
                svg.line(x1: a, y1: mid - 5, x2: a, y2: mid + 5, stroke: "#222", width: 1.5)
                svg.line(x1: b, y1: mid - 5, x2: b, y2: mid + 5, stroke: "#222", width: 1.5)
            }
            // Right of the bar (and its whisker); right of the zero line for a negative bar.
            let textX = max(zero, end, bar.error.map { frame.px(bar.value + $0) } ?? end) + 6
            svg.text(NumberText.fixed(bar.value, valueDecimals), x: textX, y: top + rowHeight / 2, size: 11, fill: "#444")
        }
        svg.line(x1: zero, y1: frame.top, x2: zero, y2: frame.top + frame.height, stroke: "#333")
        svg.text(valueTitle, x: frame.left + frame.width / 2, y: frame.top + frame.height + 38, anchor: .middle, size: 12)
        return svg.rendered
    }
}

extension ReportCharts {
    /// The leaderboard as bars: the cross-validated mean of the sort metric per model, with ±1
    /// standard deviation whiskers, best model on top. `nil` when no row has that metric.
    /// - Complexity: O(models).
    public static func leaderboard(_ board: Leaderboard) -> Chart? {
        let metric = board.sortMetric
        let bars: [HorizontalBarChart.Bar] = board.rows.compactMap { row in
            guard row.succeeded, let mean = row.mean(metric), mean.isFinite else { return nil }
            let sd = row.standardDeviation(metric).flatMap { $0.isFinite ? $0 : nil }
            return HorizontalBarChart.Bar(label: "\(row.displayName) (\(row.modelID))", value: mean, error: sd)
        }
        guard !bars.isEmpty else { return nil }
        let svg = HorizontalBarChart.render(
            title: board.isHoldoutOnly == true ? "\(metric.displayName) by model (holdout)"
                : "\(metric.displayName) by model (\(board.foldCount)-fold cross-validation)",
            valueTitle: "Mean \(metric.displayName) ± 1 standard deviation over folds" + (metric.higherIsBetter ? "" : " (lower is better)"),
            bars: bars, color: Palette.color(0), valueDecimals: 4)
        return Chart(name: "leaderboard", caption: "Cross-validated \(metric.displayName) per model; whiskers show ±1 standard deviation over the folds.", svg: svg)
    }

    /// The 20 most important features as bars, as shares of the total importance. `nil` when
    /// there are no features, the lengths differ or every importance is zero.
    /// - Parameter source: what the numbers are, for the caption ("split counts", "|coefficient|").
    /// - Complexity: O(f log f) for f features.
    public static func featureImportance(names: [String], importances: [Double], source: String) -> Chart? {
        guard !names.isEmpty, names.count == importances.count else { return nil }
        let clean = importances.map { $0.isFinite ? abs($0) : 0 }
        let total = clean.reduce(0, +)
        guard total > 0 else { return nil }
        let order = clean.indices.sorted { clean[$0] != clean[$1] ? clean[$0] > clean[$1] : $0 < $1 }.prefix(20)
        let bars = order.map { HorizontalBarChart.Bar(label: names[$0], value: clean[$0] / total, error: nil) }
        let svg = HorizontalBarChart.render(title: "Feature importance (top \(bars.count) of \(names.count))",
                                            valueTitle: "Share of total importance (\(source))", bars: bars,
                                            color: Palette.color(2), valueDecimals: 3)
        return Chart(name: "feature_importance", caption: "The \(bars.count) most important features (\(source)), as shares of the total.", svg: svg)
    }
}

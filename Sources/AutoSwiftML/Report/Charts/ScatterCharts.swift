extension ReportCharts {
    /// Residuals (`truth − prediction`) against predictions with a zero line (regression). At most
    /// 2,000 points are drawn (every n-th row, in row order). `nil` without finite pairs.
    /// - Complexity: O(n).
    public static func residuals(truth: [Double], predicted: [Double]) -> Chart? {
        guard truth.count == predicted.count else { return nil }
        let pairs = zip(predicted, truth).filter { $0.0.isFinite && $0.1.isFinite }.map { (x: $0.0, r: $0.1 - $0.0) }
        guard !pairs.isEmpty else { return nil }
        let stride = max(1, (pairs.count + 1_999) / 2_000)
        let shown = Swift.stride(from: 0, to: pairs.count, by: stride).map { pairs[$0] }
        let width = 640.0, height = 440.0
        let title = "Residuals against predictions (holdout)"
        var svg = SVGDocument(width: width, height: height, title: title)
        let xs = shown.map(\.x), rs = shown.map(\.r)
        let limit = max(abs(rs.min() ?? 0), abs(rs.max() ?? 0))
        let frame = PlotFrame(left: 72, top: 40, width: width - 72 - 24, height: height - 40 - 64,
                              x: NiceScale(minimum: xs.min() ?? 0, maximum: xs.max() ?? 1),
                              y: NiceScale(minimum: -limit, maximum: limit))
        svg.text(title, x: width / 2, y: 24, anchor: .middle, size: 15, weight: "bold")
        frame.drawAxes(in: &svg, xTitle: "Predicted value", yTitle: "Residual (true − predicted)")
        for p in shown {
            svg.circle(cx: frame.px(p.x), cy: frame.py(p.r), r: 2.5, fill: Palette.color(0), opacity: 0.55)
        }
        svg.line(x1: frame.left, y1: frame.py(0), x2: frame.left + frame.width, y2: frame.py(0), stroke: Palette.color(3),
                 width: 1.5, dash: "6 4")
        let note = shown.count < pairs.count ? " (every \(stride)th of \(pairs.count) rows shown)" : ""
        return Chart(name: "residuals", caption: "Holdout residuals against predicted values; the dashed line is zero\(note).", svg: svg.rendered)
    }
}

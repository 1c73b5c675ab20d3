/// The plotting area of a chart: its place in the SVG, the two scales, and the mapping from data
/// to SVG coordinates (y grows downwards in SVG, upwards in data).
public struct PlotFrame: Sendable {
    /// Left edge of the plotting area.
    public let left: Double
    /// Top edge of the plotting area.
    public let top: Double
    /// Width of the plotting area.
    public let width: Double
    /// Height of the plotting area.
    public let height: Double
    /// The horizontal scale.
    public let x: NiceScale
    /// The vertical scale.
    public let y: NiceScale

    /// A frame.
    public init(left: Double, top: Double, width: Double, height: Double, x: NiceScale, y: NiceScale) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        self.x = x
        self.y = y
    }

    /// The SVG x of data value `v`.
    public func px(_ v: Double) -> Double {
        let span = x.upper - x.lower
        return left + (span > 0 ? (v - x.lower) / span : 0.5) * width
    }

    /// The SVG y of data value `v`.
    public func py(_ v: Double) -> Double {
        let span = y.upper - y.lower
        return top + height - (span > 0 ? (v - y.lower) / span : 0.5) * height
    }

    /// Draws grid lines, both axes with tick labels, and the axis titles.
    public func drawAxes(in svg: inout SVGDocument, xTitle: String, yTitle: String, showsXTicks: Bool = true) {
        for t in y.ticks {
            let yy = py(t)
            svg.line(x1: left, y1: yy, x2: left + width, y2: yy, stroke: "#e5e5e5")
            svg.text(y.label(t), x: left - 6, y: yy + 4, anchor: .end, size: 11, fill: "#444")
        }
        if showsXTicks {
            for t in x.ticks {
                let xx = px(t)
                svg.line(x1: xx, y1: top, x2: xx, y2: top + height, stroke: "#e5e5e5")
                svg.text(x.label(t), x: xx, y: top + height + 16, anchor: .middle, size: 11, fill: "#444")
            }
        }
        svg.line(x1: left, y1: top + height, x2: left + width, y2: top + height, stroke: "#333")
        svg.line(x1: left, y1: top, x2: left, y2: top + height, stroke: "#333")
        svg.text(xTitle, x: left + width / 2, y: top + height + 36, anchor: .middle, size: 12)
        svg.text(yTitle, x: left - 48, y: top + height / 2, anchor: .middle, size: 12, rotation: -90)
    }
}

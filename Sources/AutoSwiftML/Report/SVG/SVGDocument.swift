/// A small SVG document builder: elements are appended as text in order, attribute values and
/// text are escaped, and numbers are written with `NumberText.compact`, so the output is
/// well-formed XML and byte-for-byte deterministic.
///
///     var svg = SVGDocument(width: 640, height: 400)
///     svg.rect(x: 10, y: 10, width: 50, height: 20, fill: "#4c78a8")
///     svg.text("AUC < 1 & \"ok\"", x: 20, y: 30)
///     let xml = svg.rendered
public struct SVGDocument: Sendable, Hashable {
    /// The width in user units (also the viewBox width).
    public let width: Double
    /// The height in user units (also the viewBox height).
    public let height: Double
    /// The accessible title (`<title>`), if any.
    public var title: String?
    private var body: [String] = []

    /// An empty document of the given size.
    public init(width: Double, height: Double, title: String? = nil) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for XML text and attribute values, and drops characters
    /// XML 1.0 does not allow (control characters other than tab, newline and carriage return).
    /// - Complexity: O(length).
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || (0xFFFE...0xFFFF).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `name="value"` pairs, escaped, in the given order.
    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// A number as written in coordinates.
    static func n(_ x: Double) -> String { NumberText.compact(x, 2) }

    /// Appends a raw element built from a tag, attributes and optional text content.
    public mutating func element(_ tag: String, _ attributes: [(String, String)], text: String? = nil) {
        let attrs = Self.attributes(attributes)
        if let text {
            body.append("<\(tag)\(attrs)>\(Self.escape(text))</\(tag)>")
        } else {
            body.append("<\(tag)\(attrs)/>")
        }
    }

    /// Appends a rectangle.
    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                              stroke: String? = nil, opacity: Double? = nil, tooltip: String? = nil) {
        var a = [("x", Self.n(x)), ("y", Self.n(y)), ("width", Self.n(max(0, width))), ("height", Self.n(max(0, height))),
                 ("fill", fill)]
        if let stroke { a.append(("stroke", stroke)) }
        if let opacity { a.append(("fill-opacity", Self.n(opacity))) }
        if let tooltip {
            body.append("<rect\(Self.attributes(a))><title>\(Self.escape(tooltip))</title></rect>")
        } else {
            element("rect", a)
        }
    }

    /// Appends a straight line.
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                              width: Double = 1, dash: String? = nil) {
        var a = [("x1", Self.n(x1)), ("y1", Self.n(y1)), ("x2", Self.n(x2)), ("y2", Self.n(y2)),
                 ("stroke", stroke), ("stroke-width", Self.n(width))]
        if let dash { a.append(("stroke-dasharray", dash)) }
        element("line", a)
    }

    /// Appends an open polyline through `points`.
    public mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 2,
                                  dash: String? = nil) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(Self.n($0.x)),\(Self.n($0.y))" }.joined(separator: " ")
        var a = [("points", list), ("fill", "none"), ("stroke", stroke), ("stroke-width", Self.n(width)),
                 ("stroke-linejoin", "round")]
        if let dash { a.append(("stroke-dasharray", dash)) }
        element("polyline", a)
    }

    /// Appends a circle.
    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, opacity: Double? = nil) {
        var a = [("cx", Self.n(cx)), ("cy", Self.n(cy)), ("r", Self.n(r)), ("fill", fill)]
        if let opacity { a.append(("fill-opacity", Self.n(opacity))) }
        element("circle", a)
    }

    /// Where a text's anchor point sits relative to the text.
    public enum Anchor: String, Sendable {
        /// The text starts at the point.
        case start
        /// The text is centred on the point.
        case middle
        /// The text ends at the point.
        case end
    }

    /// Appends text whose baseline starts (or is anchored) at (`x`, `y`).
    /// - Parameter rotation: degrees, about the anchor point (−90 for a vertical axis title).
    public mutating func text(_ content: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12,
                              weight: String? = nil, fill: String = "#222", rotation: Double? = nil) {
        var a = [("x", Self.n(x)), ("y", Self.n(y)), ("font-size", Self.n(size)), ("fill", fill)]
        if anchor != .start { a.append(("text-anchor", anchor.rawValue)) }
        if let weight { a.append(("font-weight", weight)) }
        if let rotation { a.append(("transform", "rotate(\(Self.n(rotation)) \(Self.n(x)) \(Self.n(y)))")) }
        element("text", a, text: content)
    }

    /// The complete document: an `<svg>` root with `xmlns`, `viewBox`, `width` and `height`.
    public var rendered: String {
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\""
        out += " width=\"\(Self.n(width))\" height=\"\(Self.n(height))\""
        out += " font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n"
        if let title { out += "<title>\(Self.escape(title))</title>\n" }
        out += "<rect x=\"0\" y=\"0\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"#ffffff\"/>\n"
        for element in body { out += element + "\n" }
        out += "</svg>\n"
        return out
    }
}

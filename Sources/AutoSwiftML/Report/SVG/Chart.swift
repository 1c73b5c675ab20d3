/// A chart rendered by the library: a file-friendly name, a caption and the SVG text.
public struct Chart: Sendable, Hashable {
    /// The file name stem (`roc`, `leaderboard`); the Markdown report saves `<name>.svg`.
    public let name: String
    /// A one-line caption.
    public let caption: String
    /// The complete SVG document.
    public let svg: String

    /// A chart.
    public init(name: String, caption: String, svg: String) {
        self.name = name
        self.caption = caption
        self.svg = svg
    }
}

/// Shortens a label to `limit` characters with a trailing ellipsis.
func shortened(_ s: String, _ limit: Int) -> String {
    s.count <= limit ? s : String(s.prefix(max(1, limit - 1))) + "…"
}

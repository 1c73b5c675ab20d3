/// Colours shared by the charts (Tableau 10, readable on white and for most colour-blind readers).
public enum Palette {
    /// Categorical series colours, used in order.
    public static let series = ["#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2",
                                "#b279a2", "#eeca3b", "#ff9da6", "#9d755d", "#bab0ac"]

    /// The colour of series `i` (cycling).
    public static func color(_ i: Int) -> String { series[((i % series.count) + series.count) % series.count] }

    /// A white-to-blue ramp for heat maps; `t` in 0…1.
    public static func heat(_ t: Double) -> String {
        let u = max(0, min(1, t.isFinite ? t : 0))
        let r = Int((247 + (8 - 247) * u).rounded())
        let g = Int((251 + (69 - 251) * u).rounded())
        let b = Int((255 + (148 - 255) * u).rounded())
        return "#" + hex(r) + hex(g) + hex(b)
    }

    private static func hex(_ v: Int) -> String {
        let digits = Array("0123456789abcdef")
        let c = max(0, min(255, v))
        return String(digits[c / 16]) + String(digits[c % 16])
    }
}

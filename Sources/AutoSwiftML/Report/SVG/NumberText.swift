/// Deterministic number formatting for reports and SVG: fixed decimals, `.` as the decimal
/// separator, no locale, no Foundation, so the same inputs always give the same bytes.
public enum NumberText {
    /// `x` with exactly `digits` decimals (`fixed(0.1234, 3)` is `"0.123"`); `"-0.000"` becomes
    /// `"0.000"`; non-finite values are `"NaN"`, `"inf"`, `"-inf"`.
    public static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "inf" : "-inf") }
        let d = max(0, min(digits, 12))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9e15 else { return x < 0 ? "-\(abs(x))" : "\(x)" }
        let n = Int(scaled)
        let p = Int(scale)
        let sign = (x < 0 && n != 0) ? "-" : ""
        guard d > 0 else { return sign + String(n) }
        let fraction = String(n % p)
        return sign + String(n / p) + "." + String(repeating: "0", count: d - fraction.count) + fraction
    }

    /// `x` with at most `digits` decimals and trailing zeros removed (`compact(2.50, 2)` is `"2.5"`):
    /// the form used for SVG coordinates.
    public static func compact(_ x: Double, _ digits: Int = 2) -> String {
        var s = fixed(x, digits)
        guard s.contains("."), x.isFinite else { return s }
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// An optional score with `digits` decimals, or `"–"` when missing.
    public static func score(_ x: Double?, _ digits: Int = 4) -> String {
        guard let x else { return "–" }
        return fixed(x, digits)
    }
}

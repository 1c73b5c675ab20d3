/// Small numerically careful reductions used across layers.
public enum Stats {
    /// The arithmetic mean (0 for an empty array).
    @inlinable
    public static func mean(_ x: [Double]) -> Double {
        if x.isEmpty { return 0 }
        var s = 0.0
        for v in x { s += v }
        return s / Double(x.count)
    }

    /// The population (ddof 0) or sample (ddof 1) standard deviation, by a two-pass algorithm.
    public static func standardDeviation(_ x: [Double], ddof: Int = 0) -> Double {
        let n = x.count
        if n - ddof <= 0 { return 0 }
        let m = mean(x)
        var s = 0.0
        for v in x { s += (v - m) * (v - m) }
        return (s / Double(n - ddof)).squareRoot()
    }

    /// The `q`-quantile (0…1) with linear interpolation between order statistics, as numpy's default.
    public static func quantile(_ x: [Double], _ q: Double) -> Double {
        if x.isEmpty { return .nan }
        let s = x.sorted()
        let pos = q * Double(s.count - 1)
        let lo = Int(pos.rounded(.down))
        let hi = min(lo + 1, s.count - 1)
        let frac = pos - Double(lo)
        return s[lo] + (s[hi] - s[lo]) * frac
    }
}

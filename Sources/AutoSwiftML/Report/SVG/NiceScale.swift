import Foundation

/// "Nice" axis ticks (Heckbert, Graphics Gems, 1990): a step of 1, 2 or 5 × 10ᵏ that covers
/// the data range with about `targetTickCount` ticks, and labels with just enough decimals.
public struct NiceScale: Sendable, Hashable {
    /// The axis start (a multiple of `step`, at or below the data minimum).
    public let lower: Double
    /// The axis end (a multiple of `step`, at or above the data maximum).
    public let upper: Double
    /// The distance between ticks.
    public let step: Double
    /// Decimals needed to tell ticks apart.
    public let decimals: Int

    /// A scale covering `minimum...maximum`. An empty or non-finite range becomes a unit range
    /// around the value.
    public init(minimum: Double, maximum: Double, targetTickCount: Int = 5) {
        var lo = minimum.isFinite ? minimum : 0
        var hi = maximum.isFinite ? maximum : 1
        if lo > hi { swap(&lo, &hi) }
        if hi - lo < 1e-12 * max(1, abs(hi)) {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let step = Self.niceNumber((hi - lo) / Double(max(1, targetTickCount - 1)))
        self.step = step
        lower = (lo / step).rounded(.down) * step
        upper = (hi / step).rounded(.up) * step
        decimals = max(0, min(10, Int(-(log10(step)).rounded(.down))))
    }

    /// A scale with fixed ends and a nice step inside them (for example 0…1 for rates).
    public init(fixedLower: Double, fixedUpper: Double, targetTickCount: Int = 6) {
        let nice = NiceScale(minimum: fixedLower, maximum: fixedUpper, targetTickCount: targetTickCount)
        lower = fixedLower
        upper = fixedUpper
        step = nice.step
        decimals = nice.decimals
    }

    /// The tick values from `lower` to `upper`.
    public var ticks: [Double] {
        guard step > 0, step.isFinite else { return [lower, upper] }
        var out: [Double] = []
        let count = Int(((upper - lower) / step + 1e-9).rounded(.down))
        for i in 0...max(0, min(count, 100)) {
            let v = lower + Double(i) * step
            out.append(abs(v) < step * 1e-9 ? 0 : v)
        }
        return out
    }

    /// A tick label with `decimals` decimals.
    public func label(_ value: Double) -> String { NumberText.fixed(value, decimals) }

    /// Heckbert's rounded nice number: 1, 2, 5 or 10 × 10ᵏ nearest `x`.
    static func niceNumber(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return 1 }
        let power = pow(10, log10(x).rounded(.down))
        let fraction = x / power
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        return nice * power
    }
}

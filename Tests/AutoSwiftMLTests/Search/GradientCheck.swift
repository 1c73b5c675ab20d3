import Testing

/// Expects `gradient` to match central finite differences of `value` at `point`, coordinate by
/// coordinate, within `tolerance` × max(1, |numeric|).
func expectGradientMatchesFiniteDifferences(_ value: ([Double]) -> Double, at point: [Double], gradient: [Double],
                                            step: Double, tolerance: Double) {
    for k in point.indices {
        var up = point, down = point
        up[k] += step
        down[k] -= step
        let numeric = (value(up) - value(down)) / (2 * step)
        #expect(abs(numeric - gradient[k]) < tolerance * max(1, abs(numeric)), "parameter \(k): \(numeric) vs \(gradient[k])")
    }
}

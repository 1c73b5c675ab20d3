/// Relative-or-absolute closeness for tests: |a − b| ≤ max(abs, rel × max(|a|, |b|)).
public func isClose(_ a: Double, _ b: Double, rel: Double = 1e-9, abs absTol: Double = 1e-12) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a == b { return true }
    return Swift.abs(a - b) <= Swift.max(absTol, rel * Swift.max(Swift.abs(a), Swift.abs(b)))
}

/// Element-wise `isClose` for arrays of equal length.
public func allClose(_ a: [Double], _ b: [Double], rel: Double = 1e-9, abs absTol: Double = 1e-12) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, rel: rel, abs: absTol) }
}

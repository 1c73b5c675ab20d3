import MLModels

/// Fraction of predicted classes equal to `truth` (NaN for a value prediction).
public func accuracy(_ p: Prediction, _ truth: [Int32]) -> Double {
    guard case let .classes(c) = p, c.count == truth.count, !truth.isEmpty else { return .nan }
    return Double(zip(c, truth).filter { $0 == $1 }.count) / Double(truth.count)
}

/// The coefficient of determination of predicted values (NaN for a class prediction).
public func r2Score(_ p: Prediction, _ truth: [Double]) -> Double {
    guard case let .values(v) = p, v.count == truth.count, !truth.isEmpty else { return .nan }
    let mean = truth.reduce(0, +) / Double(truth.count)
    var ssRes = 0.0, ssTot = 0.0
    for (a, b) in zip(v, truth) { ssRes += (a - b) * (a - b); ssTot += (b - mean) * (b - mean) }
    return 1 - ssRes / ssTot
}

/// Largest |a − b| / max(|b|, floor) over matching entries: the error relative to the reference `b`,
/// with a floor for reference values near 0 (infinite when the lengths differ).
public func maxRelativeError(_ a: [Double], _ b: [Double], floor: Double = 1e-12) -> Double {
    guard a.count == b.count else { return .infinity }
    var m = 0.0
    for (x, y) in zip(a, b) { m = max(m, abs(x - y) / max(abs(y), floor)) }
    return m
}

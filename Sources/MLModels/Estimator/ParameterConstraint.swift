import MLCore

/// A bound on a real number: which values a parameter may take.
public struct Interval: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The lower bound, if any.
    public var lower: Double?
    /// The upper bound, if any.
    public var upper: Double?
    /// Whether `lower` itself is allowed.
    public var lowerClosed: Bool
    /// Whether `upper` itself is allowed.
    public var upperClosed: Bool

    /// An interval with the given bounds.
    public init(lower: Double?, lowerClosed: Bool, upper: Double?, upperClosed: Bool) {
        self.lower = lower; self.lowerClosed = lowerClosed; self.upper = upper; self.upperClosed = upperClosed
    }
    /// (a, ∞)
    public static func greaterThan(_ a: Double) -> Interval { Interval(lower: a, lowerClosed: false, upper: nil, upperClosed: false) }
    /// [a, ∞)
    public static func atLeast(_ a: Double) -> Interval { Interval(lower: a, lowerClosed: true, upper: nil, upperClosed: false) }
    /// [a, b]
    public static func closed(_ a: Double, _ b: Double) -> Interval { Interval(lower: a, lowerClosed: true, upper: b, upperClosed: true) }
    /// (a, b]
    public static func leftOpen(_ a: Double, _ b: Double) -> Interval { Interval(lower: a, lowerClosed: false, upper: b, upperClosed: true) }
    /// [a, b)
    public static func rightOpen(_ a: Double, _ b: Double) -> Interval { Interval(lower: a, lowerClosed: true, upper: b, upperClosed: false) }
    /// (a, b)
    public static func open(_ a: Double, _ b: Double) -> Interval { Interval(lower: a, lowerClosed: false, upper: b, upperClosed: false) }

    /// True when `x` is finite and inside the interval.
    public func contains(_ x: Double) -> Bool {
        guard x.isFinite else { return false }
        if let l = lower { if lowerClosed ? x < l : x <= l { return false } }
        if let u = upper { if upperClosed ? x > u : x >= u { return false } }
        return true
    }

    /// Values just outside the interval (and NaN), for the conformance tests.
    public var invalidExamples: [Double] {
        var out: [Double] = [.nan]
        if let l = lower { out.append(lowerClosed ? l - max(1, abs(l)) : l) }
        if let u = upper { out.append(upperClosed ? u + max(1, abs(u)) : u) }
        return out
    }

    /// "a number in (0, 1]" style text.
    public var description: String {
        let l = lower.map { "\(lowerClosed ? "[" : "(")\(Interval.format($0)), " } ?? "(-inf, "
        let u = upper.map { "\(Interval.format($0))\(upperClosed ? "]" : ")")" } ?? "inf)"
        return "a number in \(l)\(u)"
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}

/// One declared constraint on one hyperparameter of `E`.
///
/// Declared once beside the parameters; `Estimator.validate()` checks them all, and the conformance
/// suite builds an out-of-range copy of the estimator from each and expects `fit` to reject it.
public struct ParameterConstraint<E>: @unchecked Sendable {
    /// The parameter's name as users write it.
    public let name: String
    /// What is expected, in words ("a number in (0, inf)").
    public let expected: String
    /// True when the estimator's value satisfies the constraint.
    public let isSatisfied: (E) -> Bool
    /// The current value as text, for error messages.
    public let describeValue: (E) -> String
    /// Copies of an estimator with this parameter set to invalid values.
    public let invalidVariants: (E) -> [E]

    /// A general constraint.
    public init(name: String, expected: String, isSatisfied: @escaping (E) -> Bool,
                describeValue: @escaping (E) -> String, invalidVariants: @escaping (E) -> [E]) {
        self.name = name; self.expected = expected; self.isSatisfied = isSatisfied
        self.describeValue = describeValue; self.invalidVariants = invalidVariants
    }

    /// A real-valued parameter that must lie in `interval`.
    public static func real(_ name: String, _ path: WritableKeyPath<E, Double>, _ interval: Interval) -> Self {
        Self(name: name, expected: interval.description,
             isSatisfied: { interval.contains($0[keyPath: path]) },
             describeValue: { "\($0[keyPath: path])" },
             invalidVariants: { e in interval.invalidExamples.map { v in var c = e; c[keyPath: path] = v; return c } })
    }

    /// An integer parameter that must lie in `range`.
    public static func integer(_ name: String, _ path: WritableKeyPath<E, Int>, _ range: ClosedRange<Int>) -> Self {
        let expected = range.upperBound == Int.max ? "an integer ≥ \(range.lowerBound)" : "an integer in \(range.lowerBound)...\(range.upperBound)"
        return Self(name: name, expected: expected,
                    isSatisfied: { range.contains($0[keyPath: path]) },
                    describeValue: { "\($0[keyPath: path])" },
                    invalidVariants: { e in
                        var out: [E] = []
                        if range.lowerBound > Int.min { var c = e; c[keyPath: path] = range.lowerBound - 1; out.append(c) }
                        if range.upperBound < Int.max { var c = e; c[keyPath: path] = range.upperBound + 1; out.append(c) }
                        return out
                    })
    }

    /// An optional integer parameter: `nil` is allowed, any other value must lie in `range`.
    public static func optionalInteger(_ name: String, _ path: WritableKeyPath<E, Int?>, _ range: ClosedRange<Int>) -> Self {
        let expected = "nil or " + (range.upperBound == Int.max ? "an integer ≥ \(range.lowerBound)" : "an integer in \(range.lowerBound)...\(range.upperBound)")
        return Self(name: name, expected: expected,
                    isSatisfied: { $0[keyPath: path].map { range.contains($0) } ?? true },
                    describeValue: { $0[keyPath: path].map { "\($0)" } ?? "nil" },
                    invalidVariants: { e in
                        var out: [E] = []
                        if range.lowerBound > Int.min { var c = e; c[keyPath: path] = range.lowerBound - 1; out.append(c) }
                        if range.upperBound < Int.max { var c = e; c[keyPath: path] = range.upperBound + 1; out.append(c) }
                        return out
                    })
    }
}

/// How many features a CART node looks at (scikit-learn's `max_features`).
public enum MaxFeatures: Codable, Sendable, Hashable {
    /// Every feature (`None` / `1.0`).
    case all
    /// `max(1, ⌊√p⌋)` (`"sqrt"`).
    case sqrt
    /// `max(1, ⌊log₂ p⌋)` (`"log2"`).
    case log2
    /// `max(1, ⌊fraction × p⌋)`, fraction in (0, 1].
    case fraction(Double)
    /// A fixed number (at most p), at least 1.
    case count(Int)

    /// The number of features for `p` columns.
    public func resolve(_ p: Int) -> Int {
        switch self {
        case .all: return p
        case .sqrt: return Swift.max(1, Int(Double(p).squareRoot()))
        case .log2: return Swift.max(1, p > 0 ? Int.bitWidth - p.leadingZeroBitCount - 1 : 0)
        case let .fraction(f): return Swift.max(1, Swift.min(p, Int(f * Double(p))))
        case let .count(c): return Swift.max(1, Swift.min(p, c))
        }
    }

    /// True when the value is usable.
    var isValid: Bool {
        switch self {
        case let .fraction(f): return f > 0 && f <= 1
        case let .count(c): return c >= 1
        default: return true
        }
    }
}

extension ParameterConstraint {
    /// A `max_features` parameter: a fraction in (0, 1] or a count ≥ 1.
    static func maxFeatures(_ name: String, _ path: WritableKeyPath<E, MaxFeatures>) -> Self {
        Self(name: name, expected: "all, sqrt, log2, a fraction in (0, 1] or a count ≥ 1",
             isSatisfied: { $0[keyPath: path].isValid },
             describeValue: { "\($0[keyPath: path])" },
             invalidVariants: { e in
                 [MaxFeatures.fraction(0), .fraction(1.5), .count(0)].map { v in var c = e; c[keyPath: path] = v; return c }
             })
    }
}

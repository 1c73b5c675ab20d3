#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLCore

/// One hyperparameter value as a search sees it: a real number, an integer or a category label.
public enum ParameterValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A real number.
    case real(Double)
    /// An integer.
    case integer(Int)
    /// A category, by its label ("l2", "balanced", "true").
    case category(String)

    /// The value as users write it ("0.25", "12", "l2").
    public var description: String {
        switch self {
        case let .real(x): return "\(x)"
        case let .integer(i): return "\(i)"
        case let .category(s): return s
        }
    }

    /// The value as a number (the index is not known for categories, so they give `nil`).
    public var number: Double? {
        switch self {
        case let .real(x): return x
        case let .integer(i): return Double(i)
        case .category: return nil
        }
    }
}

/// The values a search dimension draws from, as a distribution over them (PyCaret's
/// `UniformDistribution`, `UniformDistribution(log=True)`, `IntUniformDistribution`,
/// `CategoricalDistribution`).
///
/// Every domain maps the unit interval onto its values (`value(atUnit:)`), so searchers work in
/// the unit cube whatever the dimension's kind.
public enum ParameterDomain: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Uniform on `[lower, upper]`.
    case uniform(lower: Double, upper: Double)
    /// Log-uniform on `[lower, upper]` (`0 < lower`).
    case logUniform(lower: Double, upper: Double)
    /// Uniform over the integers `lower...upper`.
    case integer(lower: Int, upper: Int)
    /// One of these labels, each equally likely a priori.
    case categorical([String])

    /// The text form the CLI's `--param` accepts: `uniform:0..1`, `log:0.001..100`, `int:2..16`,
    /// `cat:l1,l2`.
    public var description: String {
        switch self {
        case let .uniform(l, u): return "uniform:\(formatBound(l))..\(formatBound(u))"
        case let .logUniform(l, u): return "log:\(formatBound(l))..\(formatBound(u))"
        case let .integer(l, u): return "int:\(l)..\(u)"
        case let .categorical(labels): return "cat:" + labels.joined(separator: ",")
        }
    }

    /// The number of categories, for a categorical domain.
    public var categoryCount: Int? {
        if case let .categorical(labels) = self { return labels.count }
        return nil
    }

    /// Parses `kind:spec`: `uniform:A..B` (also `real:`, `float:`), `log:A..B` (also
    /// `loguniform:`), `int:A..B` (also `integer:`), `cat:a,b,c` (also `categorical:`).
    /// - Throws: `MLError.invalidInput` naming the text and the accepted forms.
    public init(parsing text: String) throws {
        let usage = "expected one of uniform:A..B, log:A..B, int:A..B or cat:a,b,c"
        guard let colon = text.firstIndex(of: ":") else {
            throw MLError.invalidInput("Cannot read the search domain '\(text)': \(usage).")
        }
        let kind = text[..<colon].lowercased()
        let spec = String(text[text.index(after: colon)...])
        func bounds() throws -> (String, String) {
            guard let range = spec.range(of: "..") else {
                throw MLError.invalidInput("Cannot read the search domain '\(text)': the range needs 'A..B'.")
            }
            return (String(spec[..<range.lowerBound]).trimmed, String(spec[range.upperBound...]).trimmed)
        }
        switch kind {
        case "uniform", "real", "float":
            let (a, b) = try bounds()
            guard let l = Double(a), let u = Double(b) else {
                throw MLError.invalidInput("Cannot read the search domain '\(text)': the bounds must be numbers.")
            }
            self = .uniform(lower: l, upper: u)
        case "log", "loguniform":
            let (a, b) = try bounds()
            guard let l = Double(a), let u = Double(b) else {
                throw MLError.invalidInput("Cannot read the search domain '\(text)': the bounds must be numbers.")
            }
            self = .logUniform(lower: l, upper: u)
        case "int", "integer":
            let (a, b) = try bounds()
            guard let l = Int(a), let u = Int(b) else {
                throw MLError.invalidInput("Cannot read the search domain '\(text)': the bounds must be integers.")
            }
            self = .integer(lower: l, upper: u)
        case "cat", "categorical":
            self = .categorical(spec.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty })
        default:
            throw MLError.invalidInput("Cannot read the search domain '\(text)': unknown kind '\(kind)'; \(usage).")
        }
        try validate()
    }

    /// Checks that the domain is usable: finite ordered bounds, positive bounds for log domains,
    /// distinct non-empty labels.
    /// - Throws: `MLError.invalidInput` naming the domain.
    public func validate() throws {
        switch self {
        case let .uniform(l, u):
            guard l.isFinite, u.isFinite, l <= u else {
                throw MLError.invalidInput("The search domain \(self) needs finite bounds with lower ≤ upper.")
            }
        case let .logUniform(l, u):
            guard l.isFinite, u.isFinite, l > 0, l <= u else {
                throw MLError.invalidInput("The search domain \(self) needs finite bounds with 0 < lower ≤ upper.")
            }
        case let .integer(l, u):
            guard l <= u, u < Int.max / 2, l > Int.min / 2 else {
                throw MLError.invalidInput("The search domain \(self) needs lower ≤ upper.")
            }
        case let .categorical(labels):
            guard !labels.isEmpty else { throw MLError.invalidInput("A categorical search domain needs at least one label.") }
            guard Set(labels).count == labels.count else {
                throw MLError.invalidInput("The search domain \(self) lists a label twice.")
            }
        }
    }

    /// The value at unit coordinate `u` in [0, 1]: linear or logarithmic interpolation for real
    /// domains, equal-width bins for integers and categories.
    public func value(atUnit u: Double) -> ParameterValue {
        let t = min(max(u.isFinite ? u : 0.5, 0), 1)
        switch self {
        case let .uniform(l, h):
            return .real(min(max(l + t * (h - l), l), h))
        case let .logUniform(l, h):
            return .real(min(max(exp(log(l) + t * (log(h) - log(l))), l), h))
        case let .integer(l, h):
            let n = h - l + 1
            return .integer(l + min(n - 1, Int(t * Double(n))))
        case let .categorical(labels):
            return .category(labels[min(labels.count - 1, Int(t * Double(labels.count)))])
        }
    }

    /// The category index at unit coordinate `u` (categorical domains only).
    func categoryIndex(atUnit u: Double) -> Int {
        guard let k = categoryCount else { return 0 }
        let t = min(max(u.isFinite ? u : 0.5, 0), 1)
        return min(k - 1, Int(t * Double(k)))
    }

    /// The unit coordinate of `value` (the bin centre for integers and categories); `nil` when the
    /// value is not in the domain.
    public func unit(of value: ParameterValue) -> Double? {
        switch (self, value) {
        case let (.uniform(l, h), .real(x)):
            guard x >= l, x <= h else { return nil }
            return h > l ? (x - l) / (h - l) : 0.5
        case let (.logUniform(l, h), .real(x)):
            guard x >= l, x <= h else { return nil }
            return h > l ? (log(x) - log(l)) / (log(h) - log(l)) : 0.5
        case let (.integer(l, h), .integer(i)):
            guard i >= l, i <= h else { return nil }
            return (Double(i - l) + 0.5) / Double(h - l + 1)
        case let (.categorical(labels), .category(s)):
            guard let k = labels.firstIndex(of: s) else { return nil }
            return (Double(k) + 0.5) / Double(labels.count)
        default:
            return nil
        }
    }

    /// The domain's end points (for checking them against an estimator's constraints).
    var extremes: [ParameterValue] {
        switch self {
        case let .uniform(l, u), let .logUniform(l, u): return [.real(l), .real(u)]
        case let .integer(l, u): return [.integer(l), .integer(u)]
        case let .categorical(labels): return labels.map { .category($0) }
        }
    }
}

/// A bound as text: integers without a decimal point.
private func formatBound(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
}

fileprivate extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}

extension ParameterValue {
    /// Decodes a JSON number or string: a string is a category, an integral number an integer,
    /// any other number a real.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            self = .category(s)
        } else if let i = try? c.decode(Int.self) {
            self = .integer(i)
        } else {
            self = .real(try c.decode(Double.self))
        }
    }

    /// Encodes as a plain JSON number (reals and integers) or string (categories).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case let .real(x): try c.encode(x)
        case let .integer(i): try c.encode(i)
        case let .category(s): try c.encode(s)
        }
    }
}

extension ParameterDomain {
    /// Decodes the text form (`"log:0.001..100"`).
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(parsing: text)
    }

    /// Encodes the text form (`"log:0.001..100"`).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

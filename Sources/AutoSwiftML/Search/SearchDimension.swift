import MLCore
import MLModels

/// When a dimension is searched: only while a categorical parent dimension takes one of `values`
/// (for example `c` only when `penalty` is `l1` or `l2`).
public struct DimensionCondition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The parent dimension's name.
    public let parent: String
    /// The parent's labels for which the dimension is active.
    public let values: [String]

    /// A condition on `parent`.
    public init(parent: String, values: [String]) {
        self.parent = parent
        self.values = values
    }

    /// "penalty ∈ {l1, l2}".
    public var description: String { "\(parent) ∈ {\(values.joined(separator: ", "))}" }
}

/// A dimension without its estimator type: what a searcher needs to know.
public struct SearchDimensionInfo: Sendable, Hashable, Codable {
    /// The parameter's name (the estimator's property name).
    public let name: String
    /// The values searched.
    public let domain: ParameterDomain
    /// When the dimension is active (`nil`: always).
    public let condition: DimensionCondition?

    /// A dimension description.
    public init(name: String, domain: ParameterDomain, condition: DimensionCondition? = nil) {
        self.name = name
        self.domain = domain
        self.condition = condition
    }
}

/// One searched hyperparameter of `E`: a key path into the estimator value itself and the
/// distribution its values are drawn from. There is no second, string-keyed copy of the
/// parameters: a candidate is `E` with the drawn values written through the key paths.
///
///     SearchDimension<LogisticRegression>.uniform("c", \.c, 0.001...10)
///         .when("penalty", is: "l1", "l2")
public struct SearchDimension<E: Estimator>: Sendable {
    /// What kind of values the bound property accepts.
    enum ValueKind: Sendable, Hashable {
        case real
        case integer
        case categorical([String])
    }

    /// The parameter's name (the estimator's property name, e.g. `maxIterations`).
    public let name: String
    /// The values searched.
    public private(set) var domain: ParameterDomain
    /// When the dimension is active (`nil`: always).
    public private(set) var condition: DimensionCondition?
    let kind: ValueKind
    let apply: @Sendable (inout E, ParameterValue) -> Void

    init(name: String, domain: ParameterDomain, kind: ValueKind, apply: @escaping @Sendable (inout E, ParameterValue) -> Void) {
        self.name = name
        self.domain = domain
        self.kind = kind
        self.apply = apply
    }

    /// The description without the estimator type.
    public var info: SearchDimensionInfo { SearchDimensionInfo(name: name, domain: domain, condition: condition) }

    /// A real parameter drawn uniformly from `range`.
    public static func uniform(_ name: String, _ path: WritableKeyPath<E, Double> & Sendable,
                               _ range: ClosedRange<Double>) -> Self {
        real(name, path, .uniform(lower: range.lowerBound, upper: range.upperBound))
    }

    /// A real parameter drawn log-uniformly from `range` (`range.lowerBound > 0`).
    public static func logUniform(_ name: String, _ path: WritableKeyPath<E, Double> & Sendable,
                                  _ range: ClosedRange<Double>) -> Self {
        real(name, path, .logUniform(lower: range.lowerBound, upper: range.upperBound))
    }

    /// A real parameter with a uniform or log-uniform domain.
    public static func real(_ name: String, _ path: WritableKeyPath<E, Double> & Sendable,
                            _ domain: ParameterDomain) -> Self {
        Self(name: name, domain: domain, kind: .real) { e, v in
            if let x = v.number { e[keyPath: path] = x }
        }
    }

    /// An optional real parameter (`nil` is never drawn) with a uniform or log-uniform domain.
    public static func real(_ name: String, _ path: WritableKeyPath<E, Double?> & Sendable,
                            _ domain: ParameterDomain) -> Self {
        Self(name: name, domain: domain, kind: .real) { e, v in
            if let x = v.number { e[keyPath: path] = x }
        }
    }

    /// An integer parameter drawn uniformly from `range`.
    public static func integer(_ name: String, _ path: WritableKeyPath<E, Int> & Sendable,
                               _ range: ClosedRange<Int>) -> Self {
        Self(name: name, domain: .integer(lower: range.lowerBound, upper: range.upperBound), kind: .integer) { e, v in
            if case let .integer(i) = v { e[keyPath: path] = i }
        }
    }

    /// A parameter taking one of `choices` (label, value); the domain lists the labels in
    /// `searched` (default: every label), and overrides may use any label of `choices`.
    public static func categorical<V: Sendable>(_ name: String, _ path: WritableKeyPath<E, V> & Sendable,
                                                choices: [(String, V)], searched: [String]? = nil) -> Self {
        let labels = choices.map(\.0)
        let table = choices
        return Self(name: name, domain: .categorical(searched ?? labels), kind: .categorical(labels)) { e, v in
            if case let .category(s) = v, let hit = table.first(where: { $0.0 == s }) { e[keyPath: path] = hit.1 }
        }
    }

    /// A string-backed enum parameter searched over `cases`; the labels are the raw values, and
    /// overrides may use any case.
    public static func categorical<V: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ path: WritableKeyPath<E, V> & Sendable, _ cases: [V]) -> Self where V.RawValue == String {
        categorical(name, path, choices: V.allCases.map { ($0.rawValue, $0) }, searched: cases.map(\.rawValue))
    }

    /// A Boolean parameter searched over `true` and `false`.
    public static func boolean(_ name: String, _ path: WritableKeyPath<E, Bool> & Sendable) -> Self {
        categorical(name, path, choices: [("true", true), ("false", false)])
    }

    /// A dimension that writes its value with `apply` (for a parameter that is not a plain
    /// property, such as one entry of an array). `domain` decides its kind.
    public static func custom(_ name: String, _ domain: ParameterDomain,
                              apply: @escaping @Sendable (inout E, ParameterValue) -> Void) -> Self {
        let kind: ValueKind
        switch domain {
        case .uniform, .logUniform: kind = .real
        case .integer: kind = .integer
        case let .categorical(labels): kind = .categorical(labels)
        }
        return Self(name: name, domain: domain, kind: kind, apply: apply)
    }

    /// This dimension, active only while `parent` takes one of `values`.
    public func when(_ parent: String, is values: String...) -> Self {
        var copy = self
        copy.condition = DimensionCondition(parent: parent, values: values)
        return copy
    }

    /// This dimension with another domain of the same kind.
    /// - Throws: `MLError.invalidInput` when the domain's kind does not fit the parameter (an
    ///   integer range for a real parameter, an unknown label, …) or the domain is malformed.
    public func withDomain(_ newDomain: ParameterDomain) throws -> Self {
        try newDomain.validate()
        switch (kind, newDomain) {
        case (.real, .uniform), (.real, .logUniform), (.integer, .integer):
            break
        case let (.categorical(known), .categorical(labels)):
            let unknown = labels.filter { !known.contains($0) }
            guard unknown.isEmpty else {
                throw MLError.invalidInput("'\(name)' has no value \(unknown.map { "'\($0)'" }.joined(separator: ", ")); it takes \(known.joined(separator: ", ")).")
            }
        default:
            let expected: String
            switch kind {
            case .real: expected = "uniform:A..B or log:A..B"
            case .integer: expected = "int:A..B"
            case let .categorical(known): expected = "cat: with some of \(known.joined(separator: ","))"
            }
            throw MLError.invalidInput("'\(name)' cannot be searched over \(newDomain); it needs \(expected).")
        }
        var copy = self
        copy.domain = newDomain
        return copy
    }

    /// The same dimension with its condition replaced.
    func withCondition(_ condition: DimensionCondition?) -> Self {
        var copy = self
        copy.condition = condition
        return copy
    }
}

/// Names compare ignoring case and underscores, so `max_depth`, `maxDepth` and `MaxDepth` match.
func normalizedParameterName(_ name: String) -> String {
    String(name.lowercased().filter { $0 != "_" && $0 != "-" })
}

import MLCore
import MLModels

/// The hyperparameters of `E` that a search draws, as data next to the estimator.
///
/// `dimensions` are searched; `available` are further parameters a user may switch on by giving
/// them a domain (`--param penalty=cat:l1,l2`). A dimension may be conditional on an earlier
/// categorical dimension.
///
///     var space = LogisticRegression.defaultSearchSpace
///     try space.setDomain("c", .logUniform(lower: 0.001, upper: 100))
///     let lr = space.estimator(from: [.real(0.5), .category("l2"), .category("none")], base: LogisticRegression())
public struct SearchSpace<E: Estimator>: Sendable {
    /// The searched dimensions, in order; a condition's parent comes before its child.
    public private(set) var dimensions: [SearchDimension<E>]
    /// Parameters that can be searched on request; not searched by default.
    public private(set) var available: [SearchDimension<E>]

    /// A space searching `dimensions`, with `available` parameters that can be switched on.
    public init(_ dimensions: [SearchDimension<E>], available: [SearchDimension<E>] = []) {
        self.dimensions = dimensions
        self.available = available
    }

    /// The dimensions without the estimator type.
    public var infos: [SearchDimensionInfo] { dimensions.map(\.info) }

    /// Every parameter name that `setDomain` accepts.
    public var tunableNames: [String] { dimensions.map(\.name) + available.map(\.name) }

    /// Searches `name` over `domain`: replaces the domain of a searched dimension, or switches on an
    /// available one (appended at the end). Names match ignoring case and underscores.
    /// - Throws: `MLError.invalidInput` for an unknown name (listing the tunable ones) or a domain of
    ///   the wrong kind.
    public mutating func setDomain(_ name: String, _ domain: ParameterDomain) throws {
        let key = normalizedParameterName(name)
        if let i = dimensions.firstIndex(where: { normalizedParameterName($0.name) == key }) {
            dimensions[i] = try dimensions[i].withDomain(domain)
        } else if let j = available.firstIndex(where: { normalizedParameterName($0.name) == key }) {
            dimensions.append(try available[j].withDomain(domain))
            available.remove(at: j)
        } else {
            throw MLError.invalidInput("\(E.displayName) has no tunable parameter '\(name)'. Tunable parameters: \(tunableNames.joined(separator: ", ")).")
        }
    }

    /// Stops searching `name` (it keeps the base estimator's value).
    public mutating func remove(_ name: String) {
        let key = normalizedParameterName(name)
        if let i = dimensions.firstIndex(where: { normalizedParameterName($0.name) == key }) {
            available.append(dimensions.remove(at: i))
        }
    }

    /// Checks the space against `base`: distinct names; each condition names an earlier categorical
    /// dimension and at least one of its labels; every domain end point (every label) gives an
    /// estimator that passes `validate()`, so no drawn candidate breaks a declared constraint.
    /// - Throws: `MLError.invalidInput` or `MLError.invalidParameter` naming the dimension.
    public func validate(base: E) throws {
        guard !dimensions.isEmpty else {
            throw MLError.invalidInput("The search space of \(E.displayName) has no dimension.")
        }
        var seen: [String: ParameterDomain] = [:]
        for d in dimensions {
            try d.domain.validate()
            let key = normalizedParameterName(d.name)
            guard seen[key] == nil else { throw MLError.invalidInput("The search space lists '\(d.name)' twice.") }
            if let c = d.condition {
                guard let parent = seen[normalizedParameterName(c.parent)], case let .categorical(labels) = parent else {
                    throw MLError.invalidInput("'\(d.name)' depends on '\(c.parent)', which must be an earlier categorical dimension.")
                }
                guard c.values.contains(where: labels.contains) else {
                    throw MLError.invalidInput("'\(d.name)' is searched only when \(c), but '\(c.parent)' never takes those values (it takes \(labels.joined(separator: ", "))).")
                }
            }
            for v in d.domain.extremes {
                var e = base
                d.apply(&e, v)
                do {
                    try e.validate()
                } catch let MLError.invalidParameter(estimator, name, value, expected) {
                    throw MLError.invalidInput("The search domain \(d.domain) of '\(d.name)' reaches \(value), but \(estimator)'s '\(name)' must be \(expected).")
                }
            }
            seen[key] = d.domain
        }
    }

    /// `base` with every active value written through its key path; `nil` values (inactive
    /// dimensions) leave the base value. `values` is aligned with `dimensions`.
    public func estimator(from values: [ParameterValue?], base: E) -> E {
        var e = base
        for (d, v) in zip(dimensions, values) { if let v { d.apply(&e, v) } }
        return e
    }

    /// The space with its estimator type erased, built on `base`.
    public func erased(base: E = E()) -> AnySearchSpace { AnySearchSpace(self, base: base) }
}

/// A search space whose estimator type is hidden: what `tune(modelID:…)` and the CLI use.
public struct AnySearchSpace: Sendable {
    /// The model ID of the estimator.
    public let modelID: String
    /// The estimator's display name.
    public let displayName: String
    /// The searched dimensions.
    public let dimensions: [SearchDimensionInfo]
    /// Every parameter name `settingDomain` accepts.
    public let tunableNames: [String]
    /// The estimator the searched values are written into.
    public let base: any Estimator
    private let make: @Sendable ([ParameterValue?]) -> any Estimator
    private let override: @Sendable (String, ParameterDomain) throws -> AnySearchSpace
    private let check: @Sendable () throws -> Void
    private let rebase: @Sendable (any Estimator) -> AnySearchSpace?

    /// Erases `space` built on `base`.
    public init<E: Estimator>(_ space: SearchSpace<E>, base: E) {
        modelID = E.id
        displayName = E.displayName
        dimensions = space.infos
        tunableNames = space.tunableNames
        self.base = base
        make = { space.estimator(from: $0, base: base) }
        override = { name, domain in
            var copy = space
            try copy.setDomain(name, domain)
            return AnySearchSpace(copy, base: base)
        }
        check = { try space.validate(base: base) }
        rebase = { other in (other as? E).map { AnySearchSpace(space, base: $0) } }
    }

    /// The same space built on `estimator` (its other hyperparameters are kept); `nil` when the
    /// estimator is of another type.
    public func rebased(on estimator: any Estimator) -> AnySearchSpace? { rebase(estimator) }

    /// The candidate estimator for `values` (aligned with `dimensions`; `nil` = inactive).
    public func estimator(from values: [ParameterValue?]) -> any Estimator { make(values) }

    /// The space with `name` searched over `domain` (see `SearchSpace.setDomain`).
    public func settingDomain(_ name: String, to domain: ParameterDomain) throws -> AnySearchSpace {
        try override(name, domain)
    }

    /// Checks the space (see `SearchSpace.validate(base:)`).
    public func validate() throws { try check() }
}

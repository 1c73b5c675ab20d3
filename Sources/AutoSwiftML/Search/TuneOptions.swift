import MLCore
import MLModels

/// A user's replacement of one dimension: `max_depth=int:2..16`, `c=log:0.001..100`,
/// `penalty=cat:l1,l2`. A parameter the default space does not search is switched on when it is
/// one of the space's available parameters.
public struct ParameterOverride: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The parameter's name (matched ignoring case and underscores).
    public let name: String
    /// The values to search.
    public let domain: ParameterDomain

    /// An override of `name` with `domain`.
    public init(name: String, domain: ParameterDomain) {
        self.name = name
        self.domain = domain
    }

    /// Parses `name=kind:spec`.
    /// - Throws: `MLError.invalidInput` naming the text and the accepted form.
    public init(parsing text: String) throws {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw MLError.invalidInput("Cannot read the parameter override '\(text)': expected NAME=KIND:SPEC, for example c=log:0.001..100, max_depth=int:2..16 or penalty=cat:l1,l2.")
        }
        let name = String(text[..<eq]).filter { $0 != " " }
        do {
            self.init(name: name, domain: try ParameterDomain(parsing: String(text[text.index(after: eq)...])))
        } catch let MLError.invalidInput(message) {
            throw MLError.invalidInput("--param \(name): \(message)")
        }
    }

    /// `name=domain`.
    public var description: String { "\(name)=\(domain)" }
}

/// How `tune` runs (PyCaret's `tune_model` arguments, typed).
public struct TuneOptions: Sendable {
    /// The searcher, trial count, budget, early stop, batch size and threads.
    public var search: SearchOptions
    /// The metric to optimise (`nil`: Accuracy for classification, R2 for regression).
    public var metric: Metric?
    /// Dimensions replaced or switched on.
    public var overrides: [ParameterOverride]
    /// Keep the untuned model when no trial beats its cross-validation score (default true).
    public var choosesBetter: Bool

    /// The defaults: random search, 50 trials, no overrides, `choosesBetter`.
    public init(search: SearchOptions = SearchOptions(), metric: Metric? = nil, overrides: [ParameterOverride] = [],
                choosesBetter: Bool = true) {
        self.search = search
        self.metric = metric
        self.overrides = overrides
        self.choosesBetter = choosesBetter
    }
}

import Foundation
import MLCore
import MLModels

extension ModelSpec {
    /// The estimator's hyperparameters as its JSON encoding shows them (the defaults).
    /// - Throws: `MLError.invalidInput` if the estimator cannot be encoded as a JSON object.
    public func defaultHyperparameters() throws -> [String: JSONValue] {
        let estimator = make()
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        guard let data = try? encoder.encode(estimator),
              case let .object(fields)? = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            throw MLError.invalidInput("The hyperparameters of '\(id)' cannot be listed.")
        }
        return fields
    }

    /// The estimator with its defaults and `overrides` (JSON key → text) applied, then validated
    /// against its constraints (`fit` validates again).
    ///
    /// The text is read by the type of the default value: `true`/`false` for booleans, a number
    /// for numbers, the text itself for strings (enum cases); for a default of `null` (an optional
    /// off by default) a number, boolean or `null` is tried before text; objects and arrays take
    /// JSON text.
    ///
    ///     let lr = try spec.estimator(overriding: [("c", "0.5"), ("maxIterations", "200")])
    /// - Throws: `MLError.invalidParameter` naming the parameter, for an unknown key (listing the
    ///   valid keys), a value of the wrong kind, or a value outside its constraint.
    public func estimator(overriding overrides: [(key: String, value: String)]) throws -> any Estimator {
        var fields = try defaultHyperparameters()
        let validKeys = fields.keys.sorted()
        for (key, text) in overrides {
            guard let current = fields[key] else {
                throw MLError.invalidParameter(estimator: displayName, name: key, value: text,
                                               expected: "one of the parameters of '\(id)': \(validKeys.joined(separator: ", "))")
            }
            fields[key] = try Self.parse(text, like: current, key: key, estimatorName: displayName)
        }
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let data = try encoder.encode(JSONValue.object(fields))
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let estimator: any Estimator
        do {
            estimator = try decodeEstimator(like: make(), from: data, decoder: decoder)
        } catch let error as DecodingError {
            let key = Self.firstKey(of: error) ?? overrides.last?.key ?? "?"
            let given = overrides.last(where: { $0.key == key })?.value ?? "?"
            let expected = fields[key].map { "a value like the default \($0.jsonText)" } ?? "a valid value"
            throw MLError.invalidParameter(estimator: displayName, name: key, value: given,
                                           expected: "\(expected) (\(Self.reason(error)))")
        }
        try estimator.validate()
        return estimator
    }

    /// `text` read as a JSON value of the same kind as `current`.
    private static func parse(_ text: String, like current: JSONValue, key: String,
                              estimatorName: String) throws -> JSONValue {
        func bad(_ expected: String) -> MLError {
            MLError.invalidParameter(estimator: estimatorName, name: key, value: text, expected: expected)
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch current {
        case .bool:
            switch trimmed.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw bad("true or false")
            }
        case .integer, .number:
            if let i = Int64(trimmed) { return .integer(i) }
            if let d = Double(trimmed), d.isFinite { return .number(d) }
            throw bad("a number")
        case .string:
            return .string(text)
        case .null:
            if trimmed == "null" { return .null }
            if let i = Int64(trimmed) { return .integer(i) }
            if let d = Double(trimmed), d.isFinite { return .number(d) }
            if trimmed == "true" { return .bool(true) }
            if trimmed == "false" { return .bool(false) }
            if let v = try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)) { return v }
            return .string(text)
        case .array, .object:
            guard let v = try? JSONDecoder().decode(JSONValue.self, from: Data(trimmed.utf8)) else {
                throw bad("JSON like the default \(current.jsonText)")
            }
            return v
        }
    }

    /// The first key of a decoding error's path.
    private static func firstKey(of error: DecodingError) -> String? {
        switch error {
        case let .keyNotFound(key, context): return (context.codingPath.first ?? key).stringValue
        case let .valueNotFound(_, c), let .typeMismatch(_, c), let .dataCorrupted(c): return c.codingPath.first?.stringValue
        @unknown default: return nil
        }
    }

    /// A decoding error's message.
    private static func reason(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, _): return "missing '\(key.stringValue)'"
        case let .valueNotFound(_, c), let .typeMismatch(_, c), let .dataCorrupted(c): return c.debugDescription
        @unknown default: return String(describing: error)
        }
    }
}

/// Decodes an estimator of the type of `sample` (opened from an existential).
private func decodeEstimator<E: Estimator>(like sample: E, from data: Data, decoder: JSONDecoder) throws -> any Estimator {
    try decoder.decode(E.self, from: data)
}

import Foundation
import MLCore

/// Turns encodable settings (an estimator's hyperparameters, the preprocessing configuration)
/// into MLflow parameters: one `key → text` pair per JSON leaf, nested keys joined with `.`.
///
///     {"c": 1.0, "penalty": "l2", "classWeight": null}  →  c = 1.0, penalty = l2, classWeight = null
///
/// Strings are written as they are, numbers in Swift's shortest round-trip form, booleans as
/// `true`/`false`, `null` as `null`, arrays and empty objects as compact JSON, and a Swift enum case
/// with or without payload (`{"mean": {}}`, `{"constant": {"_0": 1.5}}`) as `mean`, `constant(1.5)`.
public enum LoggedParameters {
    /// The JSON leaves of `value` as parameters, keys prefixed with `prefix` (`"preprocessing."`).
    /// - Throws: `MLError.invalidInput` when `value` does not encode as JSON.
    public static func flatten<T: Encodable>(_ value: T, prefix: String = "") throws -> [String: String] {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let json: JSONValue
        do {
            json = try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(value))
        } catch {
            throw MLError.invalidInput("Cannot list the settings of \(T.self) as parameters: \(error).")
        }
        return flatten(json, prefix: prefix)
    }

    /// The leaves of a JSON value (see the type's description); a leaf at the top gets the key
    /// `prefix` without its trailing `.`, or `value` when the prefix is empty.
    public static func flatten(_ json: JSONValue, prefix: String = "") -> [String: String] {
        var out: [String: String] = [:]
        func visit(_ v: JSONValue, _ key: String, isTop: Bool) {
            // The top level is always a set of named settings, never one enum case.
            let asCase = isTop ? nil : enumCase(v)
            if case let .object(fields) = v, !fields.isEmpty, asCase == nil {
                for (k, child) in fields { visit(child, key.isEmpty ? k : key + "." + k, isTop: false) }
            } else {
                out[key.isEmpty ? "value" : key] = asCase ?? text(v)
            }
        }
        let start = prefix.hasSuffix(".") ? String(prefix.dropLast()) : prefix
        visit(json, start, isTop: true)
        return out
    }

    /// A Swift enum case as Codable writes it, as text: `{"mean": {}}` → `mean`,
    /// `{"constant": {"_0": 1.5}}` → `constant(1.5)`; `nil` for any other value.
    static func enumCase(_ v: JSONValue) -> String? {
        guard case let .object(fields) = v, fields.count == 1, let (name, payload) = fields.first,
              case let .object(arguments) = payload else { return nil }
        var values: [(Int, String)] = []
        for (k, value) in arguments {
            guard k.hasPrefix("_"), let i = Int(k.dropFirst()) else { return nil }
            values.append((i, text(value)))
        }
        return values.isEmpty ? name : name + "(" + values.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: ", ") + ")"
    }

    /// A JSON leaf as parameter text.
    public static func text(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case let .bool(b): return b ? "true" : "false"
        case let .integer(i): return String(i)
        case let .number(d): return "\(d)"
        case let .string(s): return s
        case .array, .object: return v.jsonText
        }
    }

    /// `extra` added to `params` without replacing any key already there: a clashing key of
    /// `extra` gets `clashPrefix` in front (`model.seed`).
    public static func merging(_ params: [String: String], _ extra: [String: String],
                               clashPrefix: String = "model.") -> [String: String] {
        var out = params
        for (k, v) in extra {
            out[params[k] == nil ? k : clashPrefix + k] = v
        }
        return out
    }
}

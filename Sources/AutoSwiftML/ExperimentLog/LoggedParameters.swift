import Foundation
import MLCore

/// Turns encodable settings (an estimator's hyperparameters, the preprocessing configuration)
/// into MLflow parameters: one `key → text` pair per JSON leaf, nested keys joined with `.`.
///
///     {"c": 1.0, "penalty": "l2", "classWeight": null}  →  c = 1.0, penalty = l2, classWeight = null
///
/// Strings are written as they are, numbers in Swift's shortest round-trip form, booleans as
/// `true`/`false`, `null` as `null`, arrays as compact JSON.
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
        func visit(_ v: JSONValue, _ key: String) {
            switch v {
            case let .object(fields):
                for (k, child) in fields { visit(child, key.isEmpty ? k : key + "." + k) }
            default:
                out[key.isEmpty ? "value" : key] = text(v)
            }
        }
        let start = prefix.hasSuffix(".") ? String(prefix.dropLast()) : prefix
        visit(json, start)
        return out
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

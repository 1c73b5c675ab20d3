import Foundation

/// The small subset of YAML that MLflow's file store uses for `meta.yaml`: one flat mapping of
/// scalar values, as PyYAML's `safe_dump` writes it and `safe_load` reads it back.
///
/// Strings are always quoted, so no value can be mistaken for a number, a boolean, `null` or a
/// YAML indicator (`'0'`, `'yes'`, `'- x'`, `'a: b'`). Plain printable text is single-quoted
/// (`'It''s'`); text with line breaks, tabs or other control characters is double-quoted with
/// backslash escapes, so it survives `safe_load` unchanged.
public enum MLflowYAML {
    /// One value of a `meta.yaml` mapping.
    public enum Value: Sendable, Hashable {
        /// A string, always quoted.
        case string(String)
        /// An integer (times in milliseconds, status codes).
        case integer(Int64)
        /// `null`.
        case null
        /// An empty list (`[]`), as in a run's `tags: []`.
        case emptyList
    }

    /// The mapping as YAML text, keys in the given order, one `key: value` line each.
    /// - Complexity: O(total text length).
    public static func document(_ fields: [(key: String, value: Value)]) -> String {
        var out = ""
        for (key, value) in fields {
            out += key + ": " + render(value) + "\n"
        }
        return out
    }

    /// One value as YAML flow text.
    public static func render(_ value: Value) -> String {
        switch value {
        case let .string(s): return quoted(s)
        case let .integer(i): return String(i)
        case .null: return "null"
        case .emptyList: return "[]"
        }
    }

    /// `s` as a quoted YAML scalar that `safe_load` reads back as exactly `s`.
    public static func quoted(_ s: String) -> String {
        let needsEscapes = s.unicodeScalars.contains { !isPlain($0) }
        guard needsEscapes else { return "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                let v = scalar.value
                if !isPlain(scalar) {
                    let hex = String(v, radix: 16, uppercase: true)
                    out += v <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                                     : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// True when `scalar` can stand unescaped in a quoted scalar that PyYAML reads back: the
    /// printable characters of its reader, less line breaks, tabs and the byte-order mark.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Reads a flat `key: value` mapping as MLflow writes it: plain, single- or double-quoted
    /// scalars, possibly folded onto indented continuation lines (PyYAML wraps long values at 80
    /// columns; a fold stands for one space). Other lines (list items, comments) are skipped.
    ///
    /// This is enough to find an experiment's `name` and `experiment_id` in files written by MLflow
    /// or by us; it is not a general YAML parser.
    /// - Complexity: O(text length).
    public static func parseFlatMapping(_ text: String) -> [String: String] {
        var raw: [(key: String, value: String)] = []
        var continues = false
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.first == " " || line.first == "\t" {
                if continues, !trimmed.hasPrefix("- "), !raw.isEmpty { raw[raw.count - 1].value += " " + trimmed }
                continue
            }
            continues = false
            guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix("-"), let colon = line.firstIndex(of: ":") else { continue }
            let after = line[line.index(after: colon)...]
            guard after.isEmpty || after.first == " " else { continue }
            raw.append((String(line[..<colon]), after.trimmingCharacters(in: .whitespaces)))
            continues = true
        }
        var out: [String: String] = [:]
        for (key, value) in raw { out[key] = unquote(value) }
        return out
    }

    /// The text of one scalar: quotes removed and escapes resolved.
    static func unquote(_ s: String) -> String {
        if s.count >= 2, s.hasPrefix("'"), s.hasSuffix("'") {
            return String(s.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        guard s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") else { return s }
        var out = ""
        var scalars = Array(String(s.dropFirst().dropLast()).unicodeScalars)[...]
        while let c = scalars.popFirst() {
            guard c == "\\", let e = scalars.popFirst() else { out.unicodeScalars.append(c); continue }
            switch e {
            case "n": out += "\n"
            case "r": out += "\r"
            case "t": out += "\t"
            case "0": out += "\0"
            case "x", "u", "U":
                let width = e == "x" ? 2 : (e == "u" ? 4 : 8)
                let digits = String(String.UnicodeScalarView(scalars.prefix(width)))
                scalars = scalars.dropFirst(width)
                if let v = UInt32(digits, radix: 16), let u = Unicode.Scalar(v) { out.unicodeScalars.append(u) }
            default: out.unicodeScalars.append(e)   // \\ \" \/ and others stand for themselves
            }
        }
        return out
    }
}

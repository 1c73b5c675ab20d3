import MLCore
import MLData
import MLModels

/// How one kept input column becomes feature columns; learned on training rows only.
public enum ColumnEncoding: Sendable, Codable, Hashable {
    /// A number; missing entries become `fill`.
    case numeric(column: String, fill: Double)
    /// A boolean as 0/1; missing entries become `fill`.
    case boolean(column: String, fill: Double)
    /// Two levels as one 0/1 column (`levels[1]` is 1); missing entries become `fill`, an unseen
    /// level gives 0.
    case binary(column: String, levels: [String], fill: String)
    /// One 0/1 column per level; missing entries become `fill`, an unseen level gives all zeros.
    case oneHot(column: String, levels: [String], fill: String)
    /// Smoothed target means: `encodings[k][l]` is output column `k`'s value for `levels[l]`; an
    /// unseen level gets `defaults[k]` (the training target mean); missing entries become `fill`.
    case target(column: String, levels: [String], outputNames: [String], encodings: [[Double]],
                defaults: [Double], fill: String)

    /// The input column's name.
    public var columnName: String {
        switch self {
        case let .numeric(c, _), let .boolean(c, _), let .binary(c, _, _), let .oneHot(c, _, _),
             let .target(c, _, _, _, _, _):
            return c
        }
    }

    /// The names of the output feature columns.
    public var featureNames: [String] {
        switch self {
        case let .numeric(c, _), let .boolean(c, _): return [c]
        case let .binary(c, levels, _): return ["\(c)_\(levels[1])"]
        case let .oneHot(c, levels, _): return levels.map { "\(c)_\($0)" }
        case let .target(_, _, names, _, _, _): return names
        }
    }

    /// The output columns for `column` (its rows in order).
    /// - Throws: `MLError.invalidInput` when the column's type cannot be encoded this way.
    func encode(_ column: Column) throws -> [[Double]] {
        switch self {
        case let .numeric(name, fill):
            guard case let .numeric(values, missing) = column.data else {
                throw MLError.invalidInput("Column '\(name)' was numeric when the pipeline was fitted but is \(column.type.rawValue) now.")
            }
            return [(0..<values.count).map { missing[$0] || !values[$0].isFinite ? fill : values[$0] }]
        case let .boolean(name, fill):
            switch column.data {
            case let .boolean(values, missing):
                return [(0..<values.count).map { missing[$0] ? fill : (values[$0] ? 1 : 0) }]
            case let .numeric(values, missing):
                // A boolean column read back as 0/1 numbers.
                guard values.indices.allSatisfy({ missing[$0] || values[$0] == 0 || values[$0] == 1 }) else {
                    throw MLError.invalidInput("Column '\(name)' was boolean when the pipeline was fitted but holds numbers other than 0/1 now.")
                }
                return [(0..<values.count).map { missing[$0] ? fill : values[$0] }]
            default:
                throw MLError.invalidInput("Column '\(name)' was boolean when the pipeline was fitted but is \(column.type.rawValue) now.")
            }
        case let .binary(_, levels, fill):
            let codes = levelCodes(column, levels: levels, fill: fill)
            return [codes.map { $0 == 1 ? 1 : 0 }]
        case let .oneHot(_, levels, fill):
            let codes = levelCodes(column, levels: levels, fill: fill)
            return levels.indices.map { l in codes.map { $0 == l ? 1 : 0 } }
        case let .target(_, levels, _, encodings, defaults, fill):
            let codes = levelCodes(column, levels: levels, fill: fill)
            return encodings.indices.map { k in codes.map { $0 >= 0 ? encodings[k][$0] : defaults[k] } }
        }
    }
}

/// Each row's index in `levels` after filling missing entries with `fill`; −1 for an unseen level.
func levelCodes(_ column: Column, levels: [String], fill: String) -> [Int] {
    var index: [String: Int] = [:]
    for (i, l) in levels.enumerated() { index[l] = i }
    let fillCode = index[fill] ?? -1
    return categoryStrings(column).map { s in s.map { index[$0] ?? -1 } ?? fillCode }
}

/// A column's entries as category strings (`nil` for missing); numbers and booleans are formatted.
func categoryStrings(_ column: Column) -> [String?] {
    switch column.data {
    case let .categorical(codes, levels): return codes.map { $0 < 0 ? nil : levels[Int($0)] }
    case let .text(t): return t
    case let .numeric(v, m): return v.indices.map { m[$0] ? nil : Column.format(v[$0]) }
    case let .boolean(v, m): return v.indices.map { m[$0] ? nil : (v[$0] ? "true" : "false") }
    }
}

import MLCore

/// The storage of one column.
public enum ColumnData: Sendable, Equatable, Hashable, Codable {
    /// Numbers; `missing[i]` marks a missing entry (whose value is NaN).
    case numeric(values: [Double], missing: [Bool])
    /// Dictionary-encoded categories: `codes[i]` indexes `levels`, −1 marks a missing entry.
    case categorical(codes: [Int32], levels: [String])
    /// True/false values; `missing[i]` marks a missing entry (whose value is false).
    case boolean(values: [Bool], missing: [Bool])
    /// Free text kept as it is (names, tickets); `nil` marks a missing entry.
    case text([String?])
}

/// The inferred kind of a column.
public enum ColumnType: String, Sendable, Codable, Hashable, CaseIterable {
    /// Real numbers.
    case numeric
    /// A small set of labels.
    case categorical
    /// Two values such as true/false or yes/no.
    case boolean
    /// Free text.
    case text
}

/// A named, typed column.
public struct Column: Sendable, Equatable, Hashable, Codable {
    /// The header name.
    public var name: String
    /// The values.
    public var data: ColumnData

    /// Creates a column.
    public init(name: String, data: ColumnData) {
        self.name = name
        self.data = data
    }

    /// The column's type.
    public var type: ColumnType {
        switch data {
        case .numeric: return .numeric
        case .categorical: return .categorical
        case .boolean: return .boolean
        case .text: return .text
        }
    }

    /// Number of rows.
    public var count: Int {
        switch data {
        case let .numeric(v, _): return v.count
        case let .categorical(c, _): return c.count
        case let .boolean(v, _): return v.count
        case let .text(t): return t.count
        }
    }

    /// Whether row `i` is missing.
    public func isMissing(_ i: Int) -> Bool {
        switch data {
        case let .numeric(_, m): return m[i]
        case let .categorical(c, _): return c[i] < 0
        case let .boolean(_, m): return m[i]
        case let .text(t): return t[i] == nil
        }
    }

    /// The number of missing entries.
    public var missingCount: Int {
        switch data {
        case let .numeric(_, m): return m.reduce(0) { $0 + ($1 ? 1 : 0) }
        case let .categorical(c, _): return c.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        case let .boolean(_, m): return m.reduce(0) { $0 + ($1 ? 1 : 0) }
        case let .text(t): return t.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        }
    }

    /// Row `i` as text (empty for missing), for display and error messages.
    public func string(at i: Int) -> String {
        switch data {
        case let .numeric(v, m): return m[i] ? "" : Column.format(v[i])
        case let .categorical(c, levels): return c[i] < 0 ? "" : levels[Int(c[i])]
        case let .boolean(v, m): return m[i] ? "" : (v[i] ? "true" : "false")
        case let .text(t): return t[i] ?? ""
        }
    }

    /// The rows at `indices`, in that order.
    public func gathering(_ indices: [Int]) -> Column {
        switch data {
        case let .numeric(v, m):
            return Column(name: name, data: .numeric(values: indices.map { v[$0] }, missing: indices.map { m[$0] }))
        case let .categorical(c, levels):
            return Column(name: name, data: .categorical(codes: indices.map { c[$0] }, levels: levels))
        case let .boolean(v, m):
            return Column(name: name, data: .boolean(values: indices.map { v[$0] }, missing: indices.map { m[$0] }))
        case let .text(t):
            return Column(name: name, data: .text(indices.map { t[$0] }))
        }
    }

    /// Shortest text that reads back as the same `Double`.
    public static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}

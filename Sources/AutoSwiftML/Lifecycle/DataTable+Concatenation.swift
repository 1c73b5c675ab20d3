import MLCore
import MLData
import MLModels

extension DataTable {
    /// This table's rows followed by `other`'s; both must have the same columns, in the same order
    /// and of the same types. Categorical levels are merged (sorted) when they differ.
    /// - Throws: `MLError.invalidInput` when the columns differ.
    /// - Complexity: O(rows × columns).
    func appendingRows(of other: DataTable) throws -> DataTable {
        guard columnNames == other.columnNames else {
            throw MLError.invalidInput("Cannot stack tables with different columns.")
        }
        var out: [Column] = []
        for (a, b) in zip(columns, other.columns) {
            switch (a.data, b.data) {
            case let (.numeric(v1, m1), .numeric(v2, m2)):
                out.append(Column(name: a.name, data: .numeric(values: v1 + v2, missing: m1 + m2)))
            case let (.boolean(v1, m1), .boolean(v2, m2)):
                out.append(Column(name: a.name, data: .boolean(values: v1 + v2, missing: m1 + m2)))
            case let (.text(t1), .text(t2)):
                out.append(Column(name: a.name, data: .text(t1 + t2)))
            case let (.categorical(c1, l1), .categorical(c2, l2)):
                if l1 == l2 {
                    out.append(Column(name: a.name, data: .categorical(codes: c1 + c2, levels: l1)))
                } else {
                    let levels = Array(Set(l1).union(l2)).sorted()
                    var index: [String: Int32] = [:]
                    for (i, l) in levels.enumerated() { index[l] = Int32(i) }
                    func remap(_ c: [Int32], _ l: [String]) -> [Int32] { c.map { $0 < 0 ? -1 : (index[l[Int($0)]] ?? -1) } }
                    out.append(Column(name: a.name, data: .categorical(codes: remap(c1, l1) + remap(c2, l2), levels: levels)))
                }
            default:
                throw MLError.invalidInput("Cannot stack column '\(a.name)': \(a.type.rawValue) and \(b.type.rawValue).")
            }
        }
        if out.isEmpty { return self }
        return try DataTable(columns: out)
    }
}

extension Target {
    /// This target's rows followed by `other`'s.
    /// - Throws: `MLError.invalidInput` for targets of different kinds or class lists.
    func appending(_ other: Target) throws -> Target {
        switch (self, other) {
        case let (.classes(i1, n1), .classes(i2, n2)) where n1 == n2:
            return .classes(indices: i1 + i2, names: n1)
        case let (.values(v1), .values(v2)):
            return .values(v1 + v2)
        default:
            throw MLError.invalidInput("Cannot stack targets of different kinds or class lists.")
        }
    }
}

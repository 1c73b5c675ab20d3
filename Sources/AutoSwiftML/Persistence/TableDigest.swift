import MLCore
import MLData
import MLModels

/// The SHA-256 of a canonical byte serialisation of a table and its target, so a model file can
/// say which data it was trained on even when no file is at hand.
///
/// The serialisation is `autoswiftml-table-v1`, then per column: a type tag, the name, and every
/// row. Lengths and numbers are little-endian; strings are a length then UTF-8 bytes, so category
/// codes and level order do not matter, only the values. Numbers are their IEEE-754 bit patterns
/// (`-0.0` is written as `0.0`), missing entries a marker byte.
public enum TableDigest {
    /// The hex SHA-256 of `table` followed by `target` as a column named `targetName`.
    /// - Complexity: O(rows × columns).
    public static func sha256(of table: DataTable, target: Target, targetName: String) -> String {
        var sink = ByteSink()
        sink.append(Array("autoswiftml-table-v1".utf8))
        sink.appendInteger(UInt64(table.rowCount))
        sink.appendInteger(UInt64(table.columnCount + 1))
        for column in table.columns { sink.appendColumn(column) }
        switch target {
        case let .classes(indices, names):
            sink.appendColumn(Column(name: targetName, data: .categorical(codes: indices, levels: names)))
        case let .values(v):
            sink.appendColumn(Column(name: targetName, data: .numeric(values: v, missing: v.map { _ in false })))
        }
        return sink.hexDigest()
    }
}

/// Buffers bytes and feeds them to SHA-256 in 64 KiB chunks.
private struct ByteSink {
    var hasher = SHA256()
    var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func appendByte(_ b: UInt8) {
        buffer.append(b)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func appendInteger(_ x: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { buffer.append(UInt8(truncatingIfNeeded: x >> UInt64(shift))) }
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func appendString(_ s: String) {
        let bytes = Array(s.utf8)
        appendInteger(UInt64(bytes.count))
        append(bytes)
    }

    mutating func appendColumn(_ column: Column) {
        switch column.data {
        case let .numeric(values, missing):
            appendByte(1)
            appendString(column.name)
            for i in values.indices {
                if missing[i] { appendByte(0) } else {
                    appendByte(1)
                    appendInteger(values[i] == 0 ? 0 : values[i].bitPattern)
                }
            }
        case let .boolean(values, missing):
            appendByte(2)
            appendString(column.name)
            for i in values.indices { appendByte(missing[i] ? 2 : (values[i] ? 1 : 0)) }
        case let .categorical(codes, levels):
            appendByte(3)
            appendString(column.name)
            for c in codes {
                if c < 0 || Int(c) >= levels.count { appendByte(0) } else {
                    appendByte(1)
                    appendString(levels[Int(c)])
                }
            }
        case let .text(cells):
            appendByte(4)
            appendString(column.name)
            for cell in cells {
                if let cell { appendByte(1); appendString(cell) } else { appendByte(0) }
            }
        }
    }

    mutating func flush() {
        hasher.update(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func hexDigest() -> String {
        flush()
        return hasher.hexDigest()
    }
}

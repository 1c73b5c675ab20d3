import MLData

// Counts rows that repeat an earlier row in every given column.
//
// IN:  a table and the indices of the columns to compare (features and target).
// OUT: the number of rows equal to some other row that comes before them.
//
// Each row gets a 64-bit hash over its values; rows are sorted by hash, and rows within one hash
// group are compared value by value, so a hash collision can never create a false duplicate.
// A missing value equals a missing value.
//
// Complexity: O(n · c) to hash, O(n log n) to sort.
enum DuplicateRows {
    static func count(in table: DataTable, columns: [Int]) -> Int {
        let n = table.rowCount
        guard n > 1, !columns.isEmpty else { return 0 }
        var hashes = [UInt64](repeating: 0x243F_6A88_85A3_08D3, count: n)
        for j in columns {
            switch table.columns[j].data {
            case let .numeric(v, m):
                for i in 0..<n {
                    let x = v[i]
                    let bits: UInt64 = (m[i] || x.isNaN) ? 0x7FF8_0000_DEAD_BEEF : (x == 0 ? 0 : x.bitPattern)
                    hashes[i] = mix(hashes[i] ^ bits)
                }
            case let .categorical(codes, _):
                for i in 0..<n { hashes[i] = mix(hashes[i] ^ UInt64(UInt32(bitPattern: max(codes[i], -1)))) }
            case let .boolean(v, m):
                for i in 0..<n { hashes[i] = mix(hashes[i] ^ (m[i] ? 2 : (v[i] ? 1 : 0))) }
            case let .text(t):
                for i in 0..<n {
                    var h: UInt64 = 0xCBF2_9CE4_8422_2325
                    if let s = t[i] {
                        for byte in s.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
                    } else {
                        h = 0x5555_AAAA_5555_AAAA
                    }
                    hashes[i] = mix(hashes[i] ^ h)
                }
            }
        }
        let order = (0..<n).sorted { hashes[$0] != hashes[$1] ? hashes[$0] < hashes[$1] : $0 < $1 }
        var duplicates = 0
        var start = 0
        var representatives: [Int] = []
        while start < n {
            var end = start + 1
            while end < n && hashes[order[end]] == hashes[order[start]] { end += 1 }
            if end - start > 1 {
                representatives.removeAll(keepingCapacity: true)
                for k in start..<end {
                    let row = order[k]
                    if representatives.contains(where: { rowsEqual(table, columns, $0, row) }) {
                        duplicates += 1
                    } else {
                        representatives.append(row)
                    }
                }
            }
            start = end
        }
        return duplicates
    }

    /// True when rows `a` and `b` agree in every listed column (missing equals missing).
    static func rowsEqual(_ table: DataTable, _ columns: [Int], _ a: Int, _ b: Int) -> Bool {
        for j in columns {
            switch table.columns[j].data {
            case let .numeric(v, m):
                let missingA = m[a] || v[a].isNaN, missingB = m[b] || v[b].isNaN
                if missingA != missingB || (!missingA && v[a] != v[b]) { return false }
            case let .categorical(codes, _):
                if codes[a] != codes[b] && !(codes[a] < 0 && codes[b] < 0) { return false }
            case let .boolean(v, m):
                if m[a] != m[b] || (!m[a] && v[a] != v[b]) { return false }
            case let .text(t):
                if t[a] != t[b] { return false }
            }
        }
        return true
    }

    /// SplitMix64's finaliser.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Counts distinct `Double` values with an open-addressing hash table (linear probing,
/// multiplicative hashing): several times faster than `Set<Double>` for the column sizes of a CSV.
///
/// Values are compared as numbers: `-0.0` equals `0.0`, and every NaN counts as one value.
enum DistinctCounter {
    /// Never produced by `key(_:)`: an all-ones NaN pattern (NaNs are canonicalised first).
    private static let empty: UInt64 = .max

    /// The hashable key of `x`.
    @inline(__always)
    static func key(_ x: Double) -> UInt64 {
        if x == 0 { return 0 }
        if x.isNaN { return Double.nan.bitPattern }
        return x.bitPattern
    }

    /// The number of distinct values of `values` where `missing` is false.
    /// - Complexity: O(n) expected, O(n) extra memory.
    static func count(_ values: [Double], missing: [Bool]) -> Int {
        let n = values.count
        if n == 0 { return 0 }
        var capacity = 16
        while capacity < 2 * n { capacity <<= 1 }
        let shift = UInt64(64 - capacity.trailingZeroBitCount)
        let mask = capacity - 1
        var table = [UInt64](repeating: empty, count: capacity)
        var distinct = 0
        table.withUnsafeMutableBufferPointer { slots in
            values.withUnsafeBufferPointer { v in
                missing.withUnsafeBufferPointer { m in
                    for i in 0..<n where !m[i] {
                        let k = key(v[i])
                        var slot = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
                        while true {
                            let s = slots[slot]
                            if s == k { break }
                            if s == empty {
                                slots[slot] = k
                                distinct &+= 1
                                break
                            }
                            slot = (slot &+ 1) & mask
                        }
                    }
                }
            }
        }
        return distinct
    }
}

// Exact tests for a column that *is* the target in disguise.
//
// - Monotone transform (numeric feature, numeric target): Spearman |ρ| = 1, tested exactly rather
//   than through floating-point ranks. Walking the rows in target order, equal targets must have
//   equal feature values and every rise of the target must be a strict rise (or, throughout, a
//   strict fall) of the feature. That is precisely when the average-rank vectors are equal (or
//   reversed), i.e. when ρ = ±1.
// - One-to-one mapping (any feature, levelled target): every feature level meets exactly one target
//   level and every target level exactly one feature level.
//
// Rows where the feature is missing are skipped; at least half of the rows must remain, and at
// least two distinct target values.
//
// Complexity: O(n) per column, given the rows in target order (one shared sort).
enum TargetCopy {
    /// +1 when `x` rises strictly with `y`, −1 when it falls strictly, 0 otherwise.
    /// - Parameters:
    ///   - x: the feature per row, NaN when missing.
    ///   - y: the target per row.
    ///   - targetOrder: the rows sorted by `y` (ties in any order).
    static func monotoneDirection(x: [Double], y: [Double], targetOrder: [Int]) -> Int {
        var direction = 0, used = 0, distinctTargets = 0
        var previous = -1
        for r in targetOrder {
            let xr = x[r]
            if xr.isNaN { continue }
            used += 1
            guard previous >= 0 else {
                previous = r
                distinctTargets = 1
                continue
            }
            let dy = y[r] - y[previous], dx = xr - x[previous]
            if dy == 0 {
                if dx != 0 { return 0 }
            } else {
                distinctTargets += 1
                let step = dx > 0 ? 1 : (dx < 0 ? -1 : 0)
                if step == 0 { return 0 }
                if direction == 0 { direction = step } else if direction != step { return 0 }
            }
            previous = r
        }
        guard distinctTargets >= 2, used * 2 >= x.count else { return 0 }
        return direction
    }

    /// The pairs (feature bin, target level) of a one-to-one mapping, ordered by target level, or
    /// nil when there is none.
    /// - Parameters:
    ///   - bins: the feature's level per row; `missingBin` marks a missing value.
    ///   - levels: the target's level per row, in `0..<levelCount`.
    static func oneToOneMapping(bins: [Int32], binCount: Int, missingBin: Int32,
                                levels: [Int32], levelCount: Int) -> [(bin: Int, level: Int)]? {
        var binToLevel = [Int32](repeating: -1, count: binCount)
        var levelToBin = [Int32](repeating: -1, count: levelCount)
        var used = 0
        for r in 0..<bins.count {
            let b = bins[r]
            if b == missingBin { continue }
            used += 1
            let l = levels[r]
            if binToLevel[Int(b)] < 0 { binToLevel[Int(b)] = l } else if binToLevel[Int(b)] != l { return nil }
            if levelToBin[Int(l)] < 0 { levelToBin[Int(l)] = b } else if levelToBin[Int(l)] != b { return nil }
        }
        let pairs = levelToBin.enumerated().compactMap { l, b in b >= 0 ? (bin: Int(b), level: l) : nil }
        guard pairs.count >= 2, used * 2 >= bins.count else { return nil }
        return pairs
    }
}

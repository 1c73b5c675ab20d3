/// The split-finding kernel of CART: scans one feature's node histogram (`[count, channels…]`
/// per bin, `stride` doubles per bin) over its non-empty bins in increasing order and returns the
/// boundary maximising `proxy(left) + proxy(right)`.
///
///     bins:      0   1   2   3   4        non-empty: [0, 2, 3]
///     counts:    4   0   1   5   0        candidates: left = {0} | {0, 2}
///
/// Ties keep the earlier (smaller) boundary, as scikit-learn's strict `>`.
enum CARTSplitScan {
    /// The best boundary, as a position in `nonEmpty` (the last bin going left).
    struct Result {
        /// `proxy(left) + proxy(right)`; `-infinity` when no boundary satisfies `minLeaf`.
        var proxy = -Double.infinity
        /// Index into `nonEmpty` of the last left bin, or -1.
        var position = -1
        /// Rows going left.
        var leftCount = 0
    }

    /// Scans the boundaries after `nonEmpty[0…nonEmptyCount−2]` (only the one after bin `onlyAfter`
    /// when given, for Extra-Trees).
    /// - Parameters:
    ///   - hist: the node's histogram for one feature.
    ///   - nonEmpty: the node's non-empty bins in increasing order, `nonEmptyCount` of them.
    ///   - total: the channel sums over all bins (`stride − 1` values).
    ///   - scratch: `2 × (stride − 1)` doubles of workspace.
    /// - Complexity: O(non-empty bins × channels).
    @inline(__always)
    static func best(hist: UnsafePointer<Double>, stride st: Int, nonEmpty: UnsafePointer<Int>, nonEmptyCount: Int,
                     total: UnsafePointer<Double>, rowCount n: Int, minLeaf: Int, criterion: CARTCriterion,
                     classes k: Int, onlyAfter: Int?, scratch: UnsafeMutablePointer<Double>) -> Result {
        let width = st &- 1
        let left = scratch, right = scratch + width
        left.update(repeating: 0, count: width)
        var result = Result()
        var nLeft = 0.0
        let nTotal = Double(n), minimum = Double(minLeaf)
        for j in 0..<(nonEmptyCount &- 1) {
            let b = nonEmpty[j] &* st
            nLeft += hist[b]
            for c in 0..<width { left[c] += hist[b &+ 1 &+ c] }
            if let cut = onlyAfter, nonEmpty[j] != cut { continue }
            if nLeft < minimum { if onlyAfter != nil { break } else { continue } }
            if nTotal - nLeft < minimum { break }
            for c in 0..<width { right[c] = total[c] - left[c] }
            let proxy = criterion.proxy(UnsafePointer(left), classes: k) + criterion.proxy(UnsafePointer(right), classes: k)
            if proxy > result.proxy {
                result.proxy = proxy; result.position = j; result.leftCount = Int(nLeft)
            }
            if onlyAfter != nil { break }
        }
        return result
    }
}

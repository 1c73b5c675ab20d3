/// The absolute-error (L1) kernel of CART regression, as scikit-learn's MAE criterion.
///
/// Absolute deviations are not functions of per-bin sums, so this criterion does not use the
/// histogram. For a node, `prepareNode` ranks its rows by target value once. For a feature,
/// `groupByBin` orders the node's rows by bin (a stable counting sort), and `best` sweeps the
/// groups twice: forward, adding each group to a Fenwick tree over the ranks, it reads the left
/// side's weighted median and absolute error at every candidate boundary; backward it does the
/// same for the right side. Each read is an O(log n) descent of the tree.
///
///     ranks:   y sorted      1  2  2  5  9        Fenwick tree over ranks 0…4 holds, per active
///     weights:               1  1  2  1  1        rank, w and w·y; the median is the first rank
///     active (left side):    ×     ×  ×           whose cumulative weight exceeds W / 2
///
/// The weighted median is scikit-learn's: the smallest value whose cumulative weight exceeds half
/// the total; when the cumulative weight equals half exactly at some value, the midpoint of that
/// value and the next one. The absolute error about median `m` is `(Σ_{right} w y − m W_right) +
/// (m W_left − Σ_{left} w y)` (left: the ranks below the median's), and a split's proxy is
/// scikit-learn's `−W_r (E_r / W_r) − W_l (E_l / W_l)`, so ties resolve as there.
/// - Complexity: O(n log n) per node and per feature scanned, n the node's rows.
final class CARTAbsoluteErrorScan {
    /// The weighted median and absolute error of a node.
    struct NodeSummary {
        /// The node's total weight.
        var weight: Double
        /// The weighted median (the node's value).
        var median: Double
        /// `Σ w |y − median|`.
        var absoluteError: Double
    }

    /// The best boundary of one feature, as a position among the non-empty bins.
    struct Result {
        /// `−(E_left + E_right)` in scikit-learn's rounding; `-infinity` when no boundary qualifies.
        var proxy = -Double.infinity
        /// Index of the last left bin among the non-empty bins, or -1.
        var position = -1
        /// Rows going left.
        var leftCount = 0
    }

    private let capacity: Int
    /// Each row's rank among the current node's targets, indexed by row.
    private let rankOfRow: UnsafeMutablePointer<Int32>
    private let rowSlots: Int
    /// The current node's targets in increasing order.
    private let sortedValues: UnsafeMutablePointer<Double>
    /// The current node's rows, sorted by target (scratch of `prepareNode`).
    private let byValue: UnsafeMutablePointer<Int32>
    /// The current node's rows grouped by bin, groups in increasing bin order.
    private let byBin: UnsafeMutablePointer<Int32>
    /// Rows per bin (257 slots, all zero between calls).
    private let binCounts: UnsafeMutablePointer<Int>
    /// `groupEnd[j]`: one past the last position in `byBin` of the j-th non-empty bin.
    private let groupEnd: UnsafeMutablePointer<Int>
    /// Per boundary: the left and right sides' absolute errors and the left side's weight.
    private let leftError: UnsafeMutablePointer<Double>
    private let rightError: UnsafeMutablePointer<Double>
    private let leftWeight: UnsafeMutablePointer<Double>
    /// The Fenwick tree (1-based) of weights and weighted targets over the node's ranks.
    private let treeW: UnsafeMutablePointer<Double>
    private let treeWY: UnsafeMutablePointer<Double>
    private var size = 0
    private var topBit = 0
    private var totalW = 0.0
    private var totalWY = 0.0

    /// A scan for nodes of at most `capacity` rows whose row indices are below `rowCount`.
    init(rowCount: Int, capacity: Int) {
        self.capacity = Swift.max(1, capacity)
        rowSlots = Swift.max(1, rowCount)
        rankOfRow = .allocate(capacity: rowSlots)
        rankOfRow.initialize(repeating: 0, count: rowSlots)
        sortedValues = .allocate(capacity: self.capacity)
        sortedValues.initialize(repeating: 0, count: self.capacity)
        byValue = .allocate(capacity: self.capacity)
        byValue.initialize(repeating: 0, count: self.capacity)
        byBin = .allocate(capacity: self.capacity)
        byBin.initialize(repeating: 0, count: self.capacity)
        binCounts = .allocate(capacity: 257)
        binCounts.initialize(repeating: 0, count: 257)
        groupEnd = .allocate(capacity: 257)
        groupEnd.initialize(repeating: 0, count: 257)
        leftError = .allocate(capacity: 257)
        leftError.initialize(repeating: 0, count: 257)
        rightError = .allocate(capacity: 257)
        rightError.initialize(repeating: 0, count: 257)
        leftWeight = .allocate(capacity: 257)
        leftWeight.initialize(repeating: 0, count: 257)
        treeW = .allocate(capacity: self.capacity + 1)
        treeW.initialize(repeating: 0, count: self.capacity + 1)
        treeWY = .allocate(capacity: self.capacity + 1)
        treeWY.initialize(repeating: 0, count: self.capacity + 1)
    }

    deinit {
        rankOfRow.deallocate(); sortedValues.deallocate(); byValue.deallocate(); byBin.deallocate()
        binCounts.deallocate(); groupEnd.deallocate(); leftError.deallocate(); rightError.deallocate()
        leftWeight.deallocate(); treeW.deallocate(); treeWY.deallocate()
    }

    /// Ranks the node's rows by target and returns its weight, weighted median and absolute error.
    /// Must precede `groupByBin`/`best` for the node.
    func prepareNode(rows: UnsafePointer<Int32>, count n: Int, values: UnsafePointer<Double>,
                     weights: UnsafePointer<Double>) -> NodeSummary {
        precondition(n <= capacity, "node larger than the scan's capacity")
        if n == 0 { return NodeSummary(weight: 0, median: 0, absoluteError: 0) }
        byValue.update(from: rows, count: n)
        var sorted = UnsafeMutableBufferPointer(start: byValue, count: n)
        sorted.sort { values[Int($0)] < values[Int($1)] }
        for i in 0..<n {
            let r = Int(byValue[i])
            rankOfRow[r] = Int32(truncatingIfNeeded: i)
            sortedValues[i] = values[r]
        }
        reset(n)
        for i in 0..<n { let r = Int(rows[i]); add(rank: Int(rankOfRow[r]), value: values[r], weight: weights[r]) }
        let (median, error) = medianAndError()
        return NodeSummary(weight: totalW, median: median, absoluteError: error)
    }

    /// Orders the node's rows by their code in `codes` (stable) and writes the non-empty bins, in
    /// increasing order, to `nonEmpty`. Returns how many there are.
    func groupByBin(rows: UnsafePointer<Int32>, count n: Int, codes: UnsafePointer<UInt8>,
                    nonEmpty: UnsafeMutablePointer<Int>) -> Int {
        var lo = 256, hi = -1
        for i in 0..<n {
            let code = Int(codes[Int(rows[i])])
            binCounts[code] &+= 1
            lo = Swift.min(lo, code); hi = Swift.max(hi, code)
        }
        if hi < lo { return 0 }
        // Counts → start positions; the non-empty bins and their ends.
        var groups = 0, position = 0
        for b in lo...hi where binCounts[b] > 0 {
            let c = binCounts[b]
            binCounts[b] = position
            position &+= c
            nonEmpty[groups] = b
            groupEnd[groups] = position
            groups &+= 1
        }
        for i in 0..<n {
            let r = rows[i]
            let code = Int(codes[Int(r)])
            byBin[binCounts[code]] = r
            binCounts[code] &+= 1
        }
        (binCounts + lo).update(repeating: 0, count: hi &- lo &+ 1)
        return groups
    }

    /// The best boundary between the `groups` non-empty bins of the last `groupByBin` (only the
    /// boundary after position `onlyAfter` when given): both sides keep at least `minLeaf` rows,
    /// and the first of equal proxies wins (scikit-learn's strict `>`). `nodeWeight` is the node's
    /// weight (`prepareNode`), from which the right side's weight is taken as scikit-learn does.
    func best(groups: Int, nodeWeight: Double, minLeaf: Int, onlyAfter: Int?,
              values: UnsafePointer<Double>, weights: UnsafePointer<Double>) -> Result {
        var result = Result()
        guard groups >= 2 else { return result }
        let n = groupEnd[groups &- 1]
        // Candidate boundaries j (left: groups 0…j) in first...last.
        var first = 0, last = groups &- 2
        while first <= last && groupEnd[first] < minLeaf { first &+= 1 }
        while last >= first && n &- groupEnd[last] < minLeaf { last &-= 1 }
        if let only = onlyAfter {
            if only < first || only > last { return result }
            first = only; last = only
        }
        if first > last { return result }
        // Forward: the left sides.
        reset(n)
        var p = 0
        for j in 0...last {
            while p < groupEnd[j] {
                let r = Int(byBin[p])
                add(rank: Int(rankOfRow[r]), value: values[r], weight: weights[r])
                p &+= 1
            }
            if j >= first { leftError[j] = medianAndError().error; leftWeight[j] = totalW }
        }
        // Backward: the right sides (groups j+1… for boundary j).
        reset(n)
        p = n
        var j = groups &- 1
        while j > first {
            let start = groupEnd[j &- 1]
            while p > start {
                p &-= 1
                let r = Int(byBin[p])
                add(rank: Int(rankOfRow[r]), value: values[r], weight: weights[r])
            }
            if j &- 1 <= last { rightError[j &- 1] = medianAndError().error }
            j &-= 1
        }
        for j in first...last {
            let wl = leftWeight[j]
            let wr = nodeWeight - wl
            let il = leftError[j] / wl, ir = rightError[j] / wr
            let proxy = -wr * ir - wl * il
            if proxy > result.proxy { result.proxy = proxy; result.position = j; result.leftCount = groupEnd[j] }
        }
        return result
    }

    // MARK: Fenwick tree over ranks

    private func reset(_ n: Int) {
        size = n
        treeW.update(repeating: 0, count: n &+ 1)
        treeWY.update(repeating: 0, count: n &+ 1)
        totalW = 0
        totalWY = 0
        var bit = 1
        while bit <= n { bit &<<= 1 }
        topBit = bit &>> 1
    }

    @inline(__always)
    private func add(rank: Int, value y: Double, weight w: Double) {
        let wy = w * y
        var i = rank &+ 1
        while i <= size {
            treeW[i] += w
            treeWY[i] += wy
            i &+= i & (0 &- i)
        }
        totalW += w
        totalWY += wy
    }

    /// The weighted median of the active ranks and the absolute error about it.
    private func medianAndError() -> (median: Double, error: Double) {
        let half = 0.5 * totalW
        // The largest prefix of ranks whose weight is at most half: the median is the next rank.
        var position = 0, rest = half
        var wLeft = 0.0, wyLeft = 0.0
        var bit = topBit
        while bit > 0 {
            let next = position &+ bit
            if next <= size && treeW[next] <= rest {
                rest -= treeW[next]
                wLeft += treeW[next]
                wyLeft += treeWY[next]
                position = next
            }
            bit &>>= 1
        }
        var median = sortedValues[position]
        if wLeft == half {
            // The cumulative weight is half exactly at the last active rank below: the midpoint.
            var below = 0
            rest = half
            bit = topBit
            while bit > 0 {
                let next = below &+ bit
                if next <= size && treeW[next] < rest { rest -= treeW[next]; below = next }
                bit &>>= 1
            }
            median = (sortedValues[below] + median) / 2
        }
        let wRight = totalW - wLeft, wyRight = totalWY - wyLeft
        return (median, (wyRight - median * wRight) + (median * wLeft - wyLeft))
    }
}

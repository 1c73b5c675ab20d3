import MLCore

/// Settings of one CART tree (scikit-learn's names in comments).
struct CARTSettings: Sendable {
    /// Split quality.
    var criterion: CARTCriterion
    /// `max_depth` (`nil`: grow until pure).
    var maxDepth: Int?
    /// `min_samples_split`.
    var minSamplesSplit: Int
    /// `min_samples_leaf`.
    var minSamplesLeaf: Int
    /// Features drawn per node (`max_features` resolved to a count).
    var maxFeatures: Int
    /// Extra-Trees: one uniformly drawn threshold per feature instead of the best.
    var randomThresholds: Bool
}

/// A CART tree builder on binned data, depth-first as scikit-learn's `DepthFirstTreeBuilder`.
///
/// Each node draws features in random order (partial Fisher–Yates, as scikit-learn's splitter)
/// until `maxFeatures` non-constant ones were visited. For each it builds the node's histogram of
/// `[count, per-class weights]` or `[count, W, Σwy]`, then scans the non-empty bins in order.
/// Small nodes track the bins they touch, so a node of 5 rows costs O(5), not O(255). With
/// exact bins (few distinct values) the thresholds are scikit-learn's midpoints between the
/// neighbouring values present in the node.
///
/// Rows are an index vector over the shared binned matrix and weights a per-row vector, so a
/// bootstrap never copies data.
final class CARTBuilder {
    let binned: BinnedMatrix
    let mapper: BinMapper
    let classes: [Int32]
    let classCount: Int
    let values: [Double]
    let stride: Int
    private var rows: [Int32] = []
    private var scratch: [Int32] = []
    private var hist: [Double]
    private var touched: [Int] = []
    private var total: [Double]
    private var scanScratch: [Double]

    /// A builder for classification (`classCount > 0`, `classes` per row) or regression (`values`).
    init(binned: BinnedMatrix, mapper: BinMapper, classes: [Int32], classCount: Int, values: [Double]) {
        self.binned = binned
        self.mapper = mapper
        self.classes = classes
        self.classCount = classCount
        self.values = values
        self.stride = classCount > 0 ? 1 + classCount : 3
        hist = [Double](repeating: 0, count: 256 * stride)
        total = [Double](repeating: 0, count: stride - 1)
        scanScratch = [Double](repeating: 0, count: 2 * (stride - 1))
    }

    /// The tree and the impurity decrease credited to each feature.
    struct Result {
        var tree: TreeNodes
        var importances: [Double]
    }

    private struct Best {
        var proxy = -Double.infinity
        var feature = -1
        var bin = 0
        var threshold = 0.0
        var nLeft = 0
    }

    /// Builds one tree on the rows `rowIndices` (each with weight `weights[row]`, all positive).
    func build(rows rowIndices: [Int32], weights: [Double], settings s: CARTSettings,
               using rng: inout RandomStream) -> Result {
        rows = rowIndices
        scratch = [Int32](repeating: 0, count: rowIndices.count)
        let p = binned.featureCount
        var tree = TreeNodes(valueStride: classCount > 0 ? classCount : 1)
        var importances = [Double](repeating: 0, count: p)
        let width = stride - 1
        var totals = [Double](repeating: 0, count: width)
        var features = Array(0..<p)
        tree.appendLeaf([Double](repeating: 0, count: tree.valueStride))
        var stack: [(node: Int, start: Int, count: Int, depth: Int)] = [(0, 0, rowIndices.count, 0)]

        while let (node, start, n, depth) = stack.popLast() {
            // Node totals and value.
            for k in 0..<width { totals[k] = 0 }
            var pure = true
            if classCount > 0 {
                var first: Int32 = -1
                for i in start..<(start + n) {
                    let r = Int(rows[i])
                    let c = classes[r]
                    totals[Int(c)] += weights[r]
                    if first < 0 { first = c } else if c != first { pure = false }
                }
                let w = totals.reduce(0, +)
                tree.setValue(node, totals.map { w > 0 ? $0 / w : 0 })
            } else {
                for i in start..<(start + n) { let r = Int(rows[i]); totals[0] += weights[r]; totals[1] += weights[r] * values[r] }
                let mean = totals[0] > 0 ? totals[1] / totals[0] : 0
                var sse = 0.0
                for i in start..<(start + n) { let r = Int(rows[i]); let d = values[r] - mean; sse += weights[r] * d * d }
                pure = totals[0] <= 0 || sse / totals[0] <= Double.ulpOfOne
                tree.setValue(node, [mean])
            }
            if pure || n < s.minSamplesSplit || n < 2 * s.minSamplesLeaf { continue }
            if let d = s.maxDepth, depth >= d { continue }
            let parentProxy = totals.withUnsafeBufferPointer { s.criterion.proxy($0.baseAddress!, classes: classCount) }

            // Draw features until maxFeatures non-constant ones were visited.
            var best = Best()
            var visited = 0
            var drawn = 0
            while drawn < p && visited < s.maxFeatures {
                let j = drawn + rng.nextInt(below: p - drawn)
                features.swapAt(drawn, j)
                let f = features[drawn]
                drawn += 1
                if evaluate(feature: f, start: start, count: n, weights: weights, settings: s, best: &best, rng: &rng) {
                    visited += 1
                }
            }
            if best.feature < 0 { continue }
            let f = best.feature
            let nLeft = binned.codes.withUnsafeBufferPointer { codes in
                rows.withUnsafeMutableBufferPointer { idx in
                    scratch.withUnsafeMutableBufferPointer { sc in
                        RowPartition.partition(indices: idx.baseAddress! + start, count: n,
                                               codes: codes.baseAddress! + f * binned.rowCount,
                                               thresholdBin: UInt8(best.bin),
                                               missingCode: UInt8(truncatingIfNeeded: binned.valueBinCounts[f]),
                                               missingGoesLeft: false, scratch: sc.baseAddress!)
                    }
                }
            }
            precondition(nLeft == best.nLeft, "partition disagrees with the histogram")
            importances[f] += Swift.max(0, best.proxy - parentProxy)
            let zero = [Double](repeating: 0, count: tree.valueStride)
            let (l, r) = tree.split(node, feature: f, bin: UInt8(best.bin), threshold: best.threshold,
                                    missingGoesLeft: false, leftValue: zero, rightValue: zero)
            stack.append((r, start + nLeft, n - nLeft, depth + 1))
            stack.append((l, start, nLeft, depth + 1))
        }
        return Result(tree: tree, importances: importances)
    }

    /// Scans feature `f` for the node's rows; updates `best`. Returns false for a constant feature.
    private func evaluate(feature f: Int, start: Int, count n: Int, weights: [Double], settings s: CARTSettings,
                          best: inout Best, rng: inout RandomStream) -> Bool {
        let nb = binned.valueBinCounts[f] + 1
        let st = stride
        let sparse = n &* 8 < nb
        let k = classCount
        let width = st - 1
        return hist.withUnsafeMutableBufferPointer { hb in
            let h = hb.baseAddress!
            touched.removeAll(keepingCapacity: true)
            // Histogram of the node's rows.
            binned.codes.withUnsafeBufferPointer { codes in
                rows.withUnsafeBufferPointer { idx in
                    let col = codes.baseAddress! + f &* binned.rowCount
                    for i in start..<(start &+ n) {
                        let r = Int(idx[i])
                        let b = Int(col[r]) &* st
                        if sparse && h[b] == 0 { touched.append(b / st) }
                        h[b] += 1
                        let w = weights[r]
                        if k > 0 { h[b &+ 1 &+ Int(classes[r])] += w } else { h[b &+ 1] += w; h[b &+ 2] += w * values[r] }
                    }
                }
            }
            var nonEmpty: [Int]
            if sparse { touched.sort(); nonEmpty = touched } else {
                nonEmpty = []
                for b in 0..<nb where h[b &* st] > 0 { nonEmpty.append(b) }
            }
            defer {
                if sparse { for b in nonEmpty { for c in 0..<st { h[b &* st &+ c] = 0 } } } else {
                    h.update(repeating: 0, count: nb &* st)
                }
            }
            if nonEmpty.count < 2 { return false }
            let centers = mapper.centers[f]
            let exact = mapper.isExact[f]
            let bounds = mapper.upperBounds[f]
            let valueBins = nb - 1
            func center(_ b: Int) -> Double { b < valueBins ? centers[b] : Double.greatestFiniteMagnitude }
            func bound(_ b: Int) -> Double { b < bounds.count ? bounds[b] : Double.greatestFiniteMagnitude }

            // Totals, then the kernel scans the boundaries between non-empty bins.
            for c in 0..<width { total[c] = 0 }
            for b in nonEmpty { for c in 0..<width { total[c] += h[b &* st &+ 1 &+ c] } }
            var randomCut: Int? = nil
            var randomThreshold = 0.0
            if s.randomThresholds {
                let lo = center(nonEmpty[0]), hi = center(nonEmpty[nonEmpty.count - 1])
                var t = lo + rng.nextUniform() * (hi - lo)
                if t >= hi { t = lo }
                randomThreshold = t
                // The last non-empty bin whose centre is <= t.
                var cut = nonEmpty[0]
                for b in nonEmpty where center(b) <= t { cut = b }
                randomCut = cut
            }
            let found = total.withUnsafeBufferPointer { tp in
                scanScratch.withUnsafeMutableBufferPointer { sp in
                    CARTSplitScan.best(hist: UnsafePointer(h), stride: st, nonEmpty: nonEmpty, total: tp.baseAddress!,
                                       rowCount: n, minLeaf: s.minSamplesLeaf, criterion: s.criterion, classes: k,
                                       onlyAfter: randomCut, scratch: sp.baseAddress!)
                }
            }
            if found.position >= 0 && found.proxy > best.proxy {
                let b = nonEmpty[found.position], next = nonEmpty[found.position + 1]
                best.proxy = found.proxy
                best.feature = f
                best.bin = b
                best.nLeft = found.leftCount
                if exact && next < valueBins {
                    best.threshold = s.randomThresholds ? randomThreshold : BinMapper.midpoint(centers[b], centers[next])
                } else {
                    best.threshold = bound(b)
                }
            }
            return true
        }
    }
}

import MLCore

/// Settings of one CART tree (scikit-learn's names in comments).
struct CARTSettings: Sendable {
    /// Split quality (`friedmanMSE` arrives here as `squaredError`, see `CARTCriterion.splitRule`).
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
    /// `min_impurity_decrease`: a node whose best split decreases the impurity by less (weighted
    /// by `N_t / N`, scikit-learn's `impurity_improvement`) stays a leaf. 0 turns the test off.
    var minImpurityDecrease = 0.0
}

/// A CART tree builder on binned data, depth-first as scikit-learn's `DepthFirstTreeBuilder`.
///
/// Each node draws features in random order (partial Fisher–Yates, as scikit-learn's splitter)
/// until `maxFeatures` were visited and at least one was not constant; features found constant
/// in a node are passed to its descendants, which draw them without scanning them. For each it builds the node's histogram of
/// `[count, per-class weights]` or `[count, W, Σwy]`, then scans the non-empty bins in order.
/// Small nodes track the bins they touch, so a node of 5 rows costs O(5), not O(255). With
/// exact bins (few distinct values) the thresholds are scikit-learn's midpoints between the
/// neighbouring values present in the node.
///
/// Absolute error is not a function of bin sums: its nodes rank their rows by target and each
/// feature is scanned by `CARTAbsoluteErrorScan` instead (no histogram; the other criteria never
/// allocate or touch it).
///
/// Rows are an index vector over the shared binned matrix and weights a per-row vector, so a
/// bootstrap never copies data. Working buffers are raw allocations owned by the builder, so the
/// hot loops pay no exclusivity checks or reference counting.
final class CARTBuilder {
    let binned: BinnedMatrix
    let mapper: BinMapper
    let classes: [Int32]
    let classCount: Int
    let values: [Double]
    let stride: Int
    /// 256 bins × `stride` doubles, all zero between feature evaluations.
    private let hist: UnsafeMutablePointer<Double>
    /// The non-empty bins of the current feature (at most 256).
    private let nonEmpty: UnsafeMutablePointer<Int>
    private let total: UnsafeMutablePointer<Double>
    private let scanScratch: UnsafeMutablePointer<Double>
    /// The channel sums of the best split's left side (classification), so the children's
    /// totals need no pass over their rows.
    private let bestLeft: UnsafeMutablePointer<Double>
    /// Extra-Trees classification with whole-number weights skips the histogram (same trees);
    /// tests turn this off to compare against the histogram path.
    var histogramFreeRandomSplits = true
    /// Two classes with whole-number weights take a child's class totals from its parent's split
    /// instead of a pass over its rows (same trees); tests turn this off to compare.
    var reusesSplitTotals = true

    /// A builder for classification (`classCount > 0`, `classes` per row) or regression (`values`).
    init(binned: BinnedMatrix, mapper: BinMapper, classes: [Int32], classCount: Int, values: [Double]) {
        self.binned = binned
        self.mapper = mapper
        self.classes = classes
        self.classCount = classCount
        self.values = values
        self.stride = classCount > 0 ? 1 + classCount : 3
        hist = .allocate(capacity: 256 * stride)
        hist.initialize(repeating: 0, count: 256 * stride)
        nonEmpty = .allocate(capacity: 256)
        nonEmpty.initialize(repeating: 0, count: 256)
        total = .allocate(capacity: stride - 1)
        total.initialize(repeating: 0, count: stride - 1)
        scanScratch = .allocate(capacity: 2 * (stride - 1))
        scanScratch.initialize(repeating: 0, count: 2 * (stride - 1))
        bestLeft = .allocate(capacity: stride - 1)
        bestLeft.initialize(repeating: 0, count: stride - 1)
    }

    deinit {
        hist.deallocate()
        nonEmpty.deallocate()
        total.deallocate()
        scanScratch.deallocate()
        bestLeft.deallocate()
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

    /// Read-only views of the training data for one build.
    private struct Data {
        var codes: UnsafePointer<UInt8>
        var rowCount: Int
        var weights: UnsafePointer<Double>
        var classes: UnsafePointer<Int32>
        var values: UnsafePointer<Double>
        /// Every weight is a whole number and their sum is below 2^52, so sums are exact in any order.
        var integerWeights: Bool
    }

    /// Builds one tree on the rows `rowIndices` (each with weight `weights[row]`, all positive).
    func build(rows rowIndices: [Int32], weights: [Double], settings s: CARTSettings,
               using rng: inout RandomStream) -> Result {
        binned.codes.withUnsafeBufferPointer { codes in
            weights.withUnsafeBufferPointer { wb in
                classes.withUnsafeBufferPointer { cb in
                    values.withUnsafeBufferPointer { vb in
                        // Empty arrays may have a nil base address; never read then (no rows use them).
                        let dummyD = UnsafeMutablePointer<Double>.allocate(capacity: 1)
                        let dummyC = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
                        let dummyU = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
                        defer { dummyD.deallocate(); dummyC.deallocate(); dummyU.deallocate() }
                        let data = Data(codes: codes.baseAddress ?? UnsafePointer(dummyU), rowCount: binned.rowCount,
                                        weights: wb.baseAddress ?? UnsafePointer(dummyD),
                                        classes: cb.baseAddress ?? UnsafePointer(dummyC),
                                        values: vb.baseAddress ?? UnsafePointer(dummyD),
                                        integerWeights: CARTBuilder.integerWeights(rowIndices, wb))
                        return build(rowIndices, data, s, &rng)
                    }
                }
            }
        }
    }

    /// Whether the weights of `rows` are whole numbers summing below 2^52.
    private static func integerWeights(_ rows: [Int32], _ w: UnsafeBufferPointer<Double>) -> Bool {
        var sum = 0.0
        for r in rows {
            let v = w[Int(r)]
            if !(v >= 0 && v < 4_503_599_627_370_496 && v.rounded(.towardZero) == v) { return false }
            sum += v
        }
        return sum < 4_503_599_627_370_496
    }

    private func build(_ rowIndices: [Int32], _ d: Data, _ s: CARTSettings, _ rng: inout RandomStream) -> Result {
        let nRows = rowIndices.count
        let rows = UnsafeMutablePointer<Int32>.allocate(capacity: Swift.max(1, nRows))
        let scratch = UnsafeMutablePointer<Int32>.allocate(capacity: Swift.max(1, nRows))
        defer { rows.deallocate(); scratch.deallocate() }
        rowIndices.withUnsafeBufferPointer { if let b = $0.baseAddress { rows.initialize(from: b, count: nRows) } }
        scratch.initialize(repeating: 0, count: Swift.max(1, nRows))
        if nRows == 0 { rows.initialize(to: 0) }
        let p = binned.featureCount
        let vs = classCount > 0 ? classCount : 1
        var tree = TreeNodes(valueStride: vs)
        var importances = [Double](repeating: 0, count: p)
        let width = stride - 1
        let totals = UnsafeMutablePointer<Double>.allocate(capacity: width)
        let nodeValue = UnsafeMutablePointer<Double>.allocate(capacity: vs)
        let features = UnsafeMutablePointer<Int>.allocate(capacity: Swift.max(1, p))
        // The features known to be constant in the current node's ancestors, in the order the
        // node found them; `features[0..<known]` is restored from here after each node.
        let constantFeatures = UnsafeMutablePointer<Int>.allocate(capacity: Swift.max(1, p))
        defer { totals.deallocate(); nodeValue.deallocate(); features.deallocate(); constantFeatures.deallocate() }
        totals.initialize(repeating: 0, count: width)
        nodeValue.initialize(repeating: 0, count: vs)
        for j in 0..<p { (features + j).initialize(to: j); (constantFeatures + j).initialize(to: j) }
        tree.appendLeaf(UnsafeBufferPointer(start: nodeValue, count: vs))
        let k = classCount
        // Absolute error scans sorted rows instead of histograms (regression only).
        let absoluteError = k == 0 && s.criterion == .absoluteError
            ? CARTAbsoluteErrorScan(rowCount: d.rowCount, capacity: nRows) : nil
        var nodeAbsoluteError = 0.0
        // Two classes with whole-number weights: a child's class totals come from its parent's
        // split (exact integer sums), so only the root sums its rows.
        let inheritsTotals = reusesSplitTotals && k == 2 && d.integerWeights
        // scikit-learn's impurity_improvement is (N_t / N)(impurity − N_R/N_t·right − N_L/N_t·left)
        // with N the weight of the tree's rows; the proxy difference is N_t × that bracket (in nats
        // for entropy, where scikit-learn uses log₂), so improvement = Δproxy × improvementScale.
        // Only needed with a threshold: no pass over the rows otherwise.
        var improvementScale = 0.0
        if s.minImpurityDecrease > 0 {
            var rootWeight = 0.0
            for i in 0..<nRows { rootWeight += d.weights[Int(rows[i])] }
            improvementScale = (s.criterion == .entropy ? 1 / 0.693_147_180_559_945_3 : 1) / rootWeight
        }
        var stack: [(node: Int, start: Int, count: Int, depth: Int, constants: Int, totals: (Double, Double)?)] =
            [(0, 0, nRows, 0, 0, nil)]
        stack.reserveCapacity(64)

        while let (node, start, n, depth, knownConstants, inherited) = stack.popLast() {
            // Node totals and value.
            for c in 0..<width { totals[c] = 0 }
            var pure = true
            if let scan = absoluteError {
                let summary = scan.prepareNode(rows: rows + start, count: n, values: d.values, weights: d.weights)
                totals[0] = summary.weight
                nodeAbsoluteError = summary.absoluteError
                // scikit-learn: a node whose impurity Σw|y − median| / W is at most ε is a leaf.
                pure = summary.weight <= 0 || summary.absoluteError / summary.weight <= Double.ulpOfOne
                nodeValue[0] = summary.median
                tree.setValue(node, UnsafeBufferPointer(start: nodeValue, count: 1))
            } else if k == 0 {
                for i in start..<(start &+ n) { let r = Int(rows[i]); totals[0] += d.weights[r]; totals[1] += d.weights[r] * d.values[r] }
                let mean = totals[0] > 0 ? totals[1] / totals[0] : 0
                var sse = 0.0
                for i in start..<(start &+ n) { let r = Int(rows[i]); let dv = d.values[r] - mean; sse += d.weights[r] * dv * dv }
                pure = totals[0] <= 0 || sse / totals[0] <= Double.ulpOfOne
                nodeValue[0] = mean
                tree.setValue(node, UnsafeBufferPointer(start: nodeValue, count: 1))
            } else {
                if let (zero, one) = inherited {
                    // Positive weights: a node is pure when one class has no weight.
                    pure = zero == 0 || one == 0
                    totals[0] = zero
                    totals[1] = one
                } else if k == 2 && d.integerWeights {
                    // Two classes with whole-number weights: two register sums instead of a
                    // load–add–store per row on a two-element array; exact, so equal to the general loop.
                    let cls = d.classes, wts = d.weights
                    let first = n > 0 ? cls[Int(rows[start])] : 0
                    var all = 0.0, one = 0.0
                    var mixed: Int32 = 0
                    for i in start..<(start &+ n) {
                        let r = Int(rows[i])
                        let c = cls[r]
                        let w = wts[r]
                        all += w
                        one += w * Double(c)
                        mixed |= c ^ first
                    }
                    pure = mixed == 0
                    totals[0] = all - one
                    totals[1] = one
                } else {
                    var first: Int32 = -1
                    for i in start..<(start &+ n) {
                        let r = Int(rows[i])
                        let c = d.classes[r]
                        totals[Int(c)] += d.weights[r]
                        if first < 0 { first = c } else if c != first { pure = false }
                    }
                }
                // Class proportions (two classes: the sum equals the row sum, exactly).
                var w = 0.0
                for c in 0..<width { w += totals[c] }
                for c in 0..<width { nodeValue[c] = w > 0 ? totals[c] / w : 0 }
                tree.setValue(node, UnsafeBufferPointer(start: nodeValue, count: vs))
            }
            if pure || n < s.minSamplesSplit || n < 2 * s.minSamplesLeaf { continue }
            if let md = s.maxDepth, depth >= md { continue }
            let parentProxy = absoluteError != nil ? -nodeAbsoluteError : s.criterion.proxy(UnsafePointer(totals), classes: k)

            // scikit-learn's feature sampling: draw without replacement until maxFeatures were
            // visited (constants count) and at least one was not constant; features an ancestor
            // found constant are drawn but never scanned. `features` holds, in order: drawn known
            // constants, undrawn known constants, constants found here, undrawn others, and
            // (from fi on) drawn non-constant ones.
            var best = Best()
            var visited = 0
            var drawnConstants = 0, foundConstants = 0, totalConstants = knownConstants
            var fi = p
            while fi > totalConstants && (visited < s.maxFeatures || visited <= foundConstants + drawnConstants) {
                visited += 1
                var j = drawnConstants + rng.nextInt(below: fi - foundConstants - drawnConstants)
                if j < knownConstants {
                    let tmp = features[drawnConstants]; features[drawnConstants] = features[j]; features[j] = tmp
                    drawnConstants += 1
                    continue
                }
                j += foundConstants
                let f = features[j]
                let nonConstant: Bool
                if let scan = absoluteError {
                    nonConstant = evaluateAbsoluteError(feature: f, rows: rows + start, count: n, data: d, nodeWeight: totals[0],
                                                        settings: s, scan: scan, best: &best, rng: &rng)
                } else if histogramFreeRandomSplits && s.randomThresholds && k > 0 && d.integerWeights {
                    nonConstant = evaluateRandomExact(feature: f, rows: rows, start: start, count: n, data: d,
                                                      totals: UnsafePointer(totals), settings: s, best: &best, rng: &rng)
                } else {
                    nonConstant = evaluate(feature: f, rows: rows, start: start, count: n, data: d, settings: s, best: &best, rng: &rng)
                }
                if !nonConstant {
                    features[j] = features[totalConstants]; features[totalConstants] = f
                    foundConstants += 1
                    totalConstants += 1
                    continue
                }
                fi -= 1
                features[j] = features[fi]; features[fi] = f
            }
            // The known constants back in their order (the sibling relies on it), then the new ones.
            for c in 0..<knownConstants { features[c] = constantFeatures[c] }
            for c in knownConstants..<totalConstants { constantFeatures[c] = features[c] }
            if best.feature < 0 { continue }
            // scikit-learn: `split.improvement + EPSILON < min_impurity_decrease` makes a leaf.
            if s.minImpurityDecrease > 0
                && (best.proxy - parentProxy) * improvementScale + Double.ulpOfOne < s.minImpurityDecrease { continue }
            let f = best.feature
            let nLeft = RowPartition.partition(indices: rows + start, count: n,
                                               codes: d.codes + f &* d.rowCount,
                                               thresholdBin: UInt8(best.bin),
                                               missingCode: UInt8(truncatingIfNeeded: binned.valueBinCounts[f]),
                                               missingGoesLeft: false, scratch: scratch)
            precondition(nLeft == best.nLeft, "partition disagrees with the histogram")
            importances[f] += Swift.max(0, best.proxy - parentProxy)
            for c in 0..<vs { nodeValue[c] = 0 }
            let zero = UnsafeBufferPointer(start: nodeValue, count: vs)
            let (l, r) = tree.split(node, feature: f, bin: UInt8(best.bin), threshold: best.threshold,
                                    missingGoesLeft: false, leftValue: zero, rightValue: zero)
            let leftTotals: (Double, Double)? = inheritsTotals ? (bestLeft[0], bestLeft[1]) : nil
            let rightTotals: (Double, Double)? = inheritsTotals ? (totals[0] - bestLeft[0], totals[1] - bestLeft[1]) : nil
            stack.append((r, start + nLeft, n - nLeft, depth + 1, totalConstants, rightTotals))
            stack.append((l, start, nLeft, depth + 1, totalConstants, leftTotals))
        }
        return Result(tree: tree, importances: importances)
    }

    /// Extra-Trees classification with whole-number weights: the same split as `evaluate`
    /// without a histogram. One pass finds the range of codes present (a constant feature draws
    /// nothing), a second sums the rows whose bin centre is `<= t`. All sums are exact integers,
    /// so they equal the histogram's bin-ordered sums and the node totals bit for bit.
    private func evaluateRandomExact(feature f: Int, rows idx: UnsafeMutablePointer<Int32>, start: Int, count n: Int,
                                     data d: Data, totals: UnsafePointer<Double>, settings s: CARTSettings,
                                     best: inout Best, rng: inout RandomStream) -> Bool {
        let valueBins = binned.valueBinCounts[f]
        let col = d.codes + f &* d.rowCount
        let end = start &+ n
        var lo = Int.max, hi = -1
        for i in start..<end {
            let code = Int(col[Int(idx[i])])
            lo = Swift.min(lo, code); hi = Swift.max(hi, code)
        }
        if hi <= lo { return false }
        let k = classCount
        let exact = mapper.isExact[f]
        return mapper.centers[f].withUnsafeBufferPointer { centers in
            @inline(__always) func center(_ b: Int) -> Double { b < valueBins ? centers[b] : Double.greatestFiniteMagnitude }
            let loC = center(lo), hiC = center(hi)
            var t = loC + rng.nextUniform() * (hiC - loC)
            if t >= hiC { t = loC }
            // Centres increase with the code (the missing code's is +∞), so `center(code) <= t`
            // is `code <= lastLeft`, the largest code in lo..<hi whose centre is at most t.
            var below = lo, above = hi   // center(below) <= t < center(above)
            while above - below > 1 {
                let mid = (below + above) >> 1
                if center(mid) <= t { below = mid } else { above = mid }
            }
            let lastLeft = below
            let left = scanScratch, right = scanScratch + k
            left.update(repeating: 0, count: k)
            var nLeft = 0
            var cut = lo, next = Int.max
            let cls = d.classes, wts = d.weights
            if k == 2 {
                // Register sums (exact: whole-number weights), as in the node totals.
                // Branch-free: which side a row takes is unpredictable.
                var all = 0.0, one = 0.0
                for i in start..<end {
                    let r = Int(idx[i])
                    let code = Int(col[r])
                    let isLeft = code <= lastLeft
                    let w = isLeft ? wts[r] : 0
                    nLeft &+= isLeft ? 1 : 0
                    all += w
                    one += w * Double(cls[r])
                    cut = Swift.max(cut, isLeft ? code : lo)
                    next = Swift.min(next, isLeft ? Int.max : code)
                }
                left[0] = all - one
                left[1] = one
            } else {
                for i in start..<end {
                    let r = Int(idx[i])
                    let code = Int(col[r])
                    if code <= lastLeft {
                        nLeft &+= 1
                        left[Int(cls[r])] += wts[r]
                        cut = Swift.max(cut, code)
                    } else {
                        next = Swift.min(next, code)
                    }
                }
            }
            let minimum = s.minSamplesLeaf
            if nLeft < minimum || n &- nLeft < minimum { return true }
            for c in 0..<k { right[c] = totals[c] - left[c] }
            let proxy = s.criterion.proxy(UnsafePointer(left), classes: k) + s.criterion.proxy(UnsafePointer(right), classes: k)
            if proxy > best.proxy {
                best.proxy = proxy
                best.feature = f
                best.bin = cut
                best.nLeft = nLeft
                bestLeft.update(from: left, count: k)
                if exact && next < valueBins {
                    best.threshold = t
                } else {
                    let bounds = mapper.upperBounds[f]
                    best.threshold = cut < bounds.count ? bounds[cut] : Double.greatestFiniteMagnitude
                }
            }
            return true
        }
    }

    /// Scans feature `f` for the node's rows; updates `best`. Returns false for a constant feature.
    private func evaluate(feature f: Int, rows idx: UnsafeMutablePointer<Int32>, start: Int, count n: Int, data d: Data,
                          settings s: CARTSettings, best: inout Best, rng: inout RandomStream) -> Bool {
        let nb = binned.valueBinCounts[f] + 1
        let st = stride
        let sparse = n &* 8 < nb
        let k = classCount
        let width = st - 1
        let h = hist
        let ne = nonEmpty
        var count = 0
        // Histogram of the node's rows.
        let col = d.codes + f &* d.rowCount
        // The range of codes present: the dense scan and the reset only visit bins lo...hi.
        var lo = nb, hi = -1
        for i in start..<(start &+ n) {
            let r = Int(idx[i])
            let code = Int(col[r])
            lo = Swift.min(lo, code); hi = Swift.max(hi, code)
            let b = code &* st
            if sparse && h[b] == 0 { ne[count] = code; count &+= 1 }
            h[b] += 1
            let w = d.weights[r]
            if k > 0 { h[b &+ 1 &+ Int(d.classes[r])] += w } else { h[b &+ 1] += w; h[b &+ 2] += w * d.values[r] }
        }
        if sparse {
            // Insertion sort: at most n/8 < 32 touched bins.
            if count > 1 {
                for i in 1..<count {
                    let v = ne[i]
                    var j = i &- 1
                    while j >= 0 && ne[j] > v { ne[j &+ 1] = ne[j]; j &-= 1 }
                    ne[j &+ 1] = v
                }
            }
        } else {
            if lo <= hi { for b in lo...hi where h[b &* st] > 0 { ne[count] = b; count &+= 1 } }
        }
        defer {
            if sparse { for i in 0..<count { let b = ne[i]; for c in 0..<st { h[b &* st &+ c] = 0 } } } else if lo <= hi {
                (h + lo &* st).update(repeating: 0, count: (hi &- lo &+ 1) &* st)
            }
        }
        if count < 2 { return false }
        let valueBins = nb - 1
        let exact = mapper.isExact[f]
        return mapper.centers[f].withUnsafeBufferPointer { centers in
            // Totals, then the kernel scans the boundaries between non-empty bins.
            for c in 0..<width { total[c] = 0 }
            for i in 0..<count { let b = ne[i]; for c in 0..<width { total[c] += h[b &* st &+ 1 &+ c] } }
            var randomCut: Int? = nil
            var randomThreshold = 0.0
            if s.randomThresholds {
                let drawn = CARTBuilder.drawRandomCut(nonEmpty: ne, count: count, centers: centers, valueBins: valueBins, rng: &rng)
                randomThreshold = drawn.threshold
                randomCut = ne[drawn.position]
            }
            let found = CARTSplitScan.best(hist: UnsafePointer(h), stride: st, nonEmpty: UnsafePointer(ne), nonEmptyCount: count,
                                           total: UnsafePointer(total), rowCount: n, minLeaf: s.minSamplesLeaf,
                                           criterion: s.criterion, classes: k, onlyAfter: randomCut, scratch: scanScratch)
            if found.position >= 0 && found.proxy > best.proxy {
                let b = ne[found.position], next = ne[found.position &+ 1]
                best.proxy = found.proxy
                best.feature = f
                best.bin = b
                best.nLeft = found.leftCount
                // The left side's channel sums, while the histogram is still filled.
                bestLeft.update(repeating: 0, count: width)
                for i in 0...found.position {
                    let o = ne[i] &* st &+ 1
                    for c in 0..<width { bestLeft[c] += h[o &+ c] }
                }
                best.threshold = splitThreshold(feature: f, bin: b, next: next, valueBins: valueBins, exact: exact,
                                                centers: centers, randomThreshold: s.randomThresholds ? randomThreshold : nil)
            }
            return true
        }
    }

    /// Extra-Trees: a threshold drawn uniformly between the node's smallest and largest bin centre,
    /// and the position in `nonEmpty` of the last bin whose centre is at most it.
    @inline(__always)
    private static func drawRandomCut(nonEmpty ne: UnsafePointer<Int>, count: Int, centers: UnsafeBufferPointer<Double>,
                                      valueBins: Int, rng: inout RandomStream) -> (position: Int, threshold: Double) {
        @inline(__always) func center(_ b: Int) -> Double { b < valueBins ? centers[b] : Double.greatestFiniteMagnitude }
        let lo = center(ne[0]), hi = center(ne[count &- 1])
        var t = lo + rng.nextUniform() * (hi - lo)
        if t >= hi { t = lo }
        var position = 0
        for i in 0..<count where center(ne[i]) <= t { position = i }
        return (position, t)
    }

    /// The threshold of a split after bin `b` (next non-empty bin `next`): scikit-learn's midpoint
    /// (or the drawn threshold) with exact bins, the bin's upper bound otherwise.
    @inline(__always)
    private func splitThreshold(feature f: Int, bin b: Int, next: Int, valueBins: Int, exact: Bool,
                                centers: UnsafeBufferPointer<Double>, randomThreshold: Double?) -> Double {
        if exact && next < valueBins {
            return randomThreshold ?? BinMapper.midpoint(centers[b], centers[next])
        }
        let bounds = mapper.upperBounds[f]
        return b < bounds.count ? bounds[b] : Double.greatestFiniteMagnitude
    }

    /// Absolute error: scans feature `f` for the node's `n` rows at `rows` with
    /// `CARTAbsoluteErrorScan` (no histogram); updates `best`. Returns false for a constant feature.
    /// Extra-Trees draw the threshold as `evaluate` does.
    private func evaluateAbsoluteError(feature f: Int, rows: UnsafeMutablePointer<Int32>, count n: Int, data d: Data,
                                       nodeWeight: Double, settings s: CARTSettings, scan: CARTAbsoluteErrorScan,
                                       best: inout Best, rng: inout RandomStream) -> Bool {
        let valueBins = binned.valueBinCounts[f]
        let ne = nonEmpty
        let count = scan.groupByBin(rows: rows, count: n, codes: d.codes + f &* d.rowCount, nonEmpty: ne)
        if count < 2 { return false }
        let exact = mapper.isExact[f]
        return mapper.centers[f].withUnsafeBufferPointer { centers in
            var onlyAfter: Int? = nil
            var randomThreshold: Double? = nil
            if s.randomThresholds {
                let drawn = CARTBuilder.drawRandomCut(nonEmpty: ne, count: count, centers: centers, valueBins: valueBins, rng: &rng)
                onlyAfter = drawn.position
                randomThreshold = drawn.threshold
            }
            let found = scan.best(groups: count, nodeWeight: nodeWeight, minLeaf: s.minSamplesLeaf, onlyAfter: onlyAfter,
                                  values: d.values, weights: d.weights)
            if found.position >= 0 && found.proxy > best.proxy {
                let b = ne[found.position], next = ne[found.position &+ 1]
                best.proxy = found.proxy
                best.feature = f
                best.bin = b
                best.nLeft = found.leftCount
                best.threshold = splitThreshold(feature: f, bin: b, next: next, valueBins: valueBins, exact: exact,
                                                centers: centers, randomThreshold: randomThreshold)
            }
            return true
        }
    }
}

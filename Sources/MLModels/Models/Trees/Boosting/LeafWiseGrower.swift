import MLCore

/// Settings of one boosted tree (LightGBM's names in comments).
struct LeafWiseSettings: Sendable {
    /// Maximum leaves (`num_leaves`).
    var maxLeaves: Int
    /// Maximum depth, or `nil` for none (`max_depth = -1`).
    var maxDepth: Int?
    /// Split-search constraints.
    var split: GradientSplitParameters
    /// A split must improve the objective by more than this (`min_gain_to_split`).
    var minSplitGain: Double
    /// Multiplies every leaf value (`learning_rate`).
    var shrinkage: Double
    /// Worker threads for histogram construction.
    var threads: Int
}

/// One tree grown by the leaf-wise grower, with where its training rows ended up.
struct GrownTree {
    /// The tree (one value per node).
    var nodes: TreeNodes
    /// For each leaf: its node, and its rows as a slice `[start, start + count)` of `rowOrder`.
    var leaves: [(node: Int, start: Int, count: Int)]
    /// Per feature: number of splits and total gain.
    var splitCounts: [Int]
    /// Per feature: total gain of its splits.
    var splitGains: [Double]
}

/// Best-first (leaf-wise) growth as LightGBM's `SerialTreeLearner`: always split the leaf whose
/// best split gains most, build the smaller child's histogram from scratch and get the larger
/// one by subtraction (`hist(larger) = hist(parent) − hist(smaller)`).
///
/// As in LightGBM (`FindBestSplits`), a feature with no split gaining more than `minSplitGain`
/// at a leaf is not searched again below it: children search only the features that were
/// splittable at their parent.
///
/// Buffers (row indices, ordered gradients, a pool of histograms) are allocated once and reused
/// for every tree of a fit.
final class LeafWiseGrower {
    let binned: BinnedMatrix
    let histLength: Int
    private(set) var rowOrder: [Int32]
    private var scratch: [Int32]
    private var ordered: [Double]
    private var pool: [UnsafeMutablePointer<Double>] = []
    private var freeSlots: [Int] = []

    /// A grower over `binned`, for up to `rowCapacity` rows per tree.
    init(binned: BinnedMatrix, rowCapacity: Int) {
        self.binned = binned
        self.histLength = binned.totalBins * GradientHistogram.stride
        rowOrder = [Int32](repeating: 0, count: rowCapacity)
        scratch = [Int32](repeating: 0, count: rowCapacity)
        ordered = [Double](repeating: 0, count: 2 * rowCapacity)
    }

    deinit { for p in pool { p.deallocate() } }

    private func takeSlot() -> Int {
        if let s = freeSlots.popLast() { return s }
        let p = UnsafeMutablePointer<Double>.allocate(capacity: histLength)
        pool.append(p)
        return pool.count - 1
    }

    private struct Leaf {
        var node: Int
        var start: Int
        var count: Int
        var depth: Int
        var gradient: Double
        var hessian: Double
        var slot: Int
        var best: SplitCandidate
        var parentScore: Double
        /// The features to search at this leaf (those splittable at its parent).
        var features: [Int]
        /// After `findBest`: the features with a split gaining more than `minSplitGain` here.
        var splittable: [Int] = []
    }

    /// Grows one tree.
    /// - Parameters:
    ///   - gh: interleaved `(gradient, hessian)` for every row of `binned`.
    ///   - rows: the rows to use (a bagging subset), or `nil` for all rows.
    ///   - features: the features a split may use (increasing).
    func grow(gh: [Double], rows: [Int32]?, features: [Int], settings s: LeafWiseSettings) -> GrownTree {
        let n = rows?.count ?? binned.rowCount
        if let rows = rows { for i in 0..<n { rowOrder[i] = rows[i] } } else { for i in 0..<n { rowOrder[i] = Int32(i) } }
        var tree = TreeNodes(valueStride: 1)
        var splitCounts = [Int](repeating: 0, count: binned.featureCount)
        var splitGains = [Double](repeating: 0, count: binned.featureCount)

        var g0 = 0.0, h0 = 0.0
        gh.withUnsafeBufferPointer { p in
            if let rows = rows { for r in rows { g0 += p[Int(r) * 2]; h0 += p[Int(r) * 2 + 1] } } else {
                for i in 0..<n { g0 += p[2 * i]; h0 += p[2 * i + 1] }
            }
        }
        let root = tree.appendLeaf([leafValue(g0, h0, s)])
        var leaves = [Leaf(node: root, start: 0, count: n, depth: 0, gradient: g0, hessian: h0, slot: -1,
                           best: SplitCandidate(), parentScore: GradientSplitFinder.score(g0, h0, s.split),
                           features: features)]
        if canSplit(leaves[0], s) {
            leaves[0].slot = takeSlot()
            buildHistogram(leaves[0], allRows: rows == nil, gh: gh, features: features, threads: s.threads)
            findBest(&leaves[0], s)
        }

        while leaves.count < s.maxLeaves {
            var pick = -1
            var pickGain = s.minSplitGain
            for (i, leaf) in leaves.enumerated() where leaf.best.feature >= 0 {
                let gain = leaf.best.gain - leaf.parentScore
                if gain > pickGain { pickGain = gain; pick = i }
            }
            if pick < 0 { break }
            let parent = leaves[pick]
            let b = parent.best
            let f = b.feature
            let missingCode = UInt8(truncatingIfNeeded: binned.valueBinCounts[f])
            let nLeft = binned.codes.withUnsafeBufferPointer { codes in
                rowOrder.withUnsafeMutableBufferPointer { idx in
                    scratch.withUnsafeMutableBufferPointer { sc in
                        RowPartition.partition(indices: idx.baseAddress! + parent.start, count: parent.count,
                                               codes: codes.baseAddress! + f * binned.rowCount,
                                               thresholdBin: UInt8(b.bin), missingCode: missingCode,
                                               missingGoesLeft: b.missingGoesLeft, scratch: sc.baseAddress!)
                    }
                }
            }
            splitCounts[f] += 1
            splitGains[f] += pickGain
            let lg = b.leftGradient, lh = b.leftHessian
            let rg = parent.gradient - lg, rh = parent.hessian - lh
            let (ln, rn) = tree.split(parent.node, feature: f, bin: UInt8(b.bin),
                                      threshold: upperBound(f, b.bin), missingGoesLeft: b.missingGoesLeft,
                                      leftValue: [leafValue(lg, lh, s)], rightValue: [leafValue(rg, rh, s)])
            var left = Leaf(node: ln, start: parent.start, count: nLeft, depth: parent.depth + 1,
                            gradient: lg, hessian: lh, slot: -1, best: SplitCandidate(),
                            parentScore: GradientSplitFinder.score(lg, lh, s.split), features: parent.splittable)
            var right = Leaf(node: rn, start: parent.start + nLeft, count: parent.count - nLeft, depth: parent.depth + 1,
                             gradient: rg, hessian: rh, slot: -1, best: SplitCandidate(),
                             parentScore: GradientSplitFinder.score(rg, rh, s.split), features: parent.splittable)
            let splitLeft = canSplit(left, s), splitRight = canSplit(right, s)
            if splitLeft || splitRight {
                // Smaller child from scratch, larger by subtraction from the parent's histogram.
                let leftIsSmaller = left.count <= right.count
                let smallSlot = takeSlot()
                if leftIsSmaller { left.slot = smallSlot; right.slot = parent.slot } else { right.slot = smallSlot; left.slot = parent.slot }
                let small = leftIsSmaller ? left : right
                // Only the features the children search; the others stay stale and are never read.
                buildHistogram(small, allRows: false, gh: gh, features: parent.splittable, threads: s.threads)
                subtract(parentSlot: parent.slot, smallSlot: smallSlot, features: parent.splittable)
                if splitLeft { findBest(&left, s) }
                if splitRight { findBest(&right, s) }
            } else {
                freeSlots.append(parent.slot)
            }
            if !splitLeft, left.slot >= 0 { freeSlots.append(left.slot); left.slot = -1 }
            if !splitRight, right.slot >= 0 { freeSlots.append(right.slot); right.slot = -1 }
            leaves[pick] = left
            leaves.append(right)
        }
        for leaf in leaves where leaf.slot >= 0 { freeSlots.append(leaf.slot) }
        return GrownTree(nodes: tree, leaves: leaves.map { ($0.node, $0.start, $0.count) },
                         splitCounts: splitCounts, splitGains: splitGains)
    }

    private func leafValue(_ g: Double, _ h: Double, _ s: LeafWiseSettings) -> Double {
        GradientSplitFinder.leafOutput(g, h, s.split) * s.shrinkage
    }

    private func upperBound(_ f: Int, _ bin: Int) -> Double {
        // Filled in by the caller through `thresholds`; the grower only knows bins.
        thresholds[f][bin]
    }

    /// Raw thresholds per feature and bin (`BinMapper.upperBounds`, +infinity for the last bin).
    var thresholds: [[Double]] = []

    private func canSplit(_ leaf: Leaf, _ s: LeafWiseSettings) -> Bool {
        if let d = s.maxDepth, leaf.depth >= d { return false }
        return Double(leaf.count) >= 2 * s.split.minCount && leaf.count >= 2
    }

    private func buildHistogram(_ leaf: Leaf, allRows: Bool, gh: [Double], features: [Int], threads: Int) {
        let hist = SendableMutablePointer(pool[leaf.slot])
        let offsets = binned.histogramOffsets
        let bins = binned.valueBinCounts
        let n = leaf.count
        let rowCount = binned.rowCount
        gh.withUnsafeBufferPointer { ghp in
            rowOrder.withUnsafeBufferPointer { idx in
                ordered.withUnsafeMutableBufferPointer { ord in
                    binned.codes.withUnsafeBufferPointer { codes in
                        let rowsPtr: UnsafePointer<Int32>? = allRows ? nil : idx.baseAddress! + leaf.start
                        let orderedPtr: UnsafePointer<Double>
                        if allRows { orderedPtr = ghp.baseAddress! } else {
                            GradientHistogram.gather(rows: rowsPtr!, count: n, gh: ghp.baseAddress!, into: ord.baseAddress!)
                            orderedPtr = UnsafePointer(ord.baseAddress!)
                        }
                        let rp = SendablePointer(rowsPtr), op = SendablePointer(orderedPtr)
                        let cp = SendablePointer(codes.baseAddress)
                        let work = n &* features.count
                        Parallel.forEach(features.count, threads: work < 200_000 ? 1 : threads) { k in
                            let f = features[k]
                            let h = hist.pointer! + offsets[f] &* 3
                            h.initialize(repeating: 0, count: (bins[f] &+ 1) &* 3)
                            GradientHistogram.build(codes: cp.pointer! + f &* rowCount, rows: rp.pointer, count: n,
                                                    orderedGH: op.pointer!, hist: h)
                        }
                    }
                }
            }
        }
    }

    private func subtract(parentSlot: Int, smallSlot: Int, features: [Int]) {
        let parent = pool[parentSlot], small = pool[smallSlot]
        for f in features {
            let o = binned.histogramOffsets[f] * 3
            // The larger child's histogram overwrites the parent's slot in place.
            GradientHistogram.subtract(parent: parent + o, smaller: small + o, into: parent + o,
                                       count: (binned.valueBinCounts[f] + 1) * 3)
        }
    }

    /// Sets `leaf.best` and `leaf.splittable` from the leaf's histograms.
    private func findBest(_ leaf: inout Leaf, _ s: LeafWiseSettings) {
        var best = SplitCandidate()
        var splittable: [Int] = []
        let hist = pool[leaf.slot]
        for f in leaf.features {
            let c = GradientSplitFinder.bestSplit(hist: hist + binned.histogramOffsets[f] * 3,
                                                  valueBins: binned.valueBinCounts[f], feature: f,
                                                  totalCount: Double(leaf.count), totalGradient: leaf.gradient,
                                                  totalHessian: leaf.hessian, parameters: s.split)
            if c.feature >= 0 && c.gain - leaf.parentScore > s.minSplitGain { splittable.append(f) }
            if c.isBetter(than: best) { best = c }
        }
        leaf.best = best
        leaf.splittable = splittable
    }
}

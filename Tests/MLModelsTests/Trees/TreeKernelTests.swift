import MLCore
@testable import MLModels
import Testing

/// Each hot kernel against a naive twin written for clarity.
@Suite("Tree kernels")
struct TreeKernelTests {
    static func randomCodes(_ n: Int, bins: Int, missing: Bool, rng: inout RandomStream) -> [UInt8] {
        (0..<n).map { _ in UInt8(missing && rng.nextUniform() < 0.1 ? bins : rng.nextInt(below: bins)) }
    }

    @Test(arguments: [false, true])
    func histogramMatchesNaive(useIndices: Bool) {
        var rng = RandomStream(seed: 11)
        let n = 500, bins = 17
        let codes = Self.randomCodes(n, bins: bins, missing: true, rng: &rng)
        let gh = (0..<(2 * n)).map { _ in rng.nextNormal() }
        let rows: [Int32] = useIndices ? rng.sample(200, from: n).map { Int32($0) } : (0..<n).map { Int32($0) }
        var ordered = [Double](repeating: 0, count: 2 * rows.count)
        var hist = [Double](repeating: 0, count: (bins + 1) * 3)
        codes.withUnsafeBufferPointer { c in
            gh.withUnsafeBufferPointer { g in
                rows.withUnsafeBufferPointer { r in
                    ordered.withUnsafeMutableBufferPointer { o in
                        GradientHistogram.gather(rows: r.baseAddress!, count: rows.count, gh: g.baseAddress!, into: o.baseAddress!)
                    }
                    hist.withUnsafeMutableBufferPointer { h in
                        ordered.withUnsafeBufferPointer { o in
                            GradientHistogram.build(codes: c.baseAddress!, rows: useIndices ? r.baseAddress! : nil,
                                                    count: rows.count, orderedGH: useIndices ? o.baseAddress! : g.baseAddress!,
                                                    hist: h.baseAddress!)
                        }
                    }
                }
            }
        }
        // Naive: for each bin, sum over the rows that fall in it.
        for b in 0...bins {
            let members = rows.filter { Int(codes[Int($0)]) == b }
            let g = members.reduce(0.0) { $0 + gh[2 * Int($1)] }
            let h = members.reduce(0.0) { $0 + gh[2 * Int($1) + 1] }
            #expect(hist[3 * b] == Double(members.count))
            #expect(abs(hist[3 * b + 1] - g) < 1e-9)
            #expect(abs(hist[3 * b + 2] - h) < 1e-9)
        }
    }

    @Test func subtractionEqualsSiblingHistogram() {
        var rng = RandomStream(seed: 3)
        let parent = (0..<30).map { _ in rng.nextUniform() }
        let small = parent.map { $0 * 0.25 }
        var larger = [Double](repeating: 0, count: 30)
        parent.withUnsafeBufferPointer { p in small.withUnsafeBufferPointer { s in larger.withUnsafeMutableBufferPointer { l in
            GradientHistogram.subtract(parent: p.baseAddress!, smaller: s.baseAddress!, into: l.baseAddress!, count: 30)
        } } }
        for i in 0..<30 { #expect(larger[i] == parent[i] - small[i]) }
    }

    @Test(arguments: [false, true])
    func partitionMatchesNaive(missingLeft: Bool) {
        var rng = RandomStream(seed: 5)
        let n = 300, bins = 9
        let codes = Self.randomCodes(n, bins: bins, missing: true, rng: &rng)
        var rows = rng.sample(120, from: n).map { Int32($0) }
        let original = rows
        var scratch = [Int32](repeating: 0, count: rows.count)
        let nLeft = codes.withUnsafeBufferPointer { c in rows.withUnsafeMutableBufferPointer { r in scratch.withUnsafeMutableBufferPointer { s in
            RowPartition.partition(indices: r.baseAddress!, count: r.count, codes: c.baseAddress!, thresholdBin: 4,
                                   missingCode: UInt8(bins), missingGoesLeft: missingLeft, scratch: s.baseAddress!)
        } } }
        let goesLeft: (Int32) -> Bool = { r in
            let c = Int(codes[Int(r)])
            return c == bins ? missingLeft : c <= 4
        }
        let expectedLeft = original.filter(goesLeft)
        let expectedRight = original.filter { !goesLeft($0) }
        #expect(nLeft == expectedLeft.count)
        #expect(Array(rows[..<nLeft]) == expectedLeft)
        #expect(Array(rows[nLeft...]) == expectedRight)
    }

    /// The split kernel against every threshold and missing side recomputed from scratch, without
    /// and with L1 shrinkage of the gradient sums (LightGBM's ThresholdL1, written out here).
    @Test(arguments: [false, true], [0.0, 0.7, 3.0])
    func gradientSplitMatchesNaive(withMissing: Bool, alpha: Double) {
        var rng = RandomStream(seed: withMissing ? 8 : 7)
        let bins = 12
        var hist = [Double](repeating: 0, count: (bins + 1) * 3)
        for b in 0...bins where b < bins || withMissing {
            let c = Double(rng.nextInt(below: 6))
            hist[3 * b] = c
            hist[3 * b + 1] = c * rng.nextNormal()
            hist[3 * b + 2] = c * (0.2 + rng.nextUniform())
        }
        let tc = stride(from: 0, to: hist.count, by: 3).reduce(0.0) { $0 + hist[$1] }
        let tg = stride(from: 1, to: hist.count, by: 3).reduce(0.0) { $0 + hist[$1] }
        let th = stride(from: 2, to: hist.count, by: 3).reduce(0.0) { $0 + hist[$1] }
        let params = GradientSplitParameters(lambda: 0.5, alpha: alpha, minCount: 3, minHessian: 1e-3)
        let fast = hist.withUnsafeBufferPointer {
            GradientSplitFinder.bestSplit(hist: $0.baseAddress!, valueBins: bins, feature: 2, totalCount: tc,
                                          totalGradient: tg, totalHessian: th, parameters: params)
        }
        // Naive: every threshold and missing side, sums recomputed from scratch.
        func naiveScore(_ g: Double, _ h: Double) -> Double {
            let t = g > alpha ? g - alpha : (g < -alpha ? g + alpha : 0)
            return t * t / (h + 0.5)
        }
        var bestGain = -Double.infinity
        for missingLeft in [false, true] {
            for t in 0..<bins {
                var l = (0.0, 0.0, 0.0)
                for b in 0...bins where b <= t || (b == bins && missingLeft) {
                    l.0 += hist[3 * b]; l.1 += hist[3 * b + 1]; l.2 += hist[3 * b + 2]
                }
                let r = (tc - l.0, tg - l.1, th - l.2)
                if l.0 < 3 || r.0 < 3 || l.2 < 1e-3 || r.2 < 1e-3 { continue }
                bestGain = max(bestGain, naiveScore(l.1, l.2) + naiveScore(r.1, r.2))
            }
        }
        #expect(abs(fast.gain - bestGain) < 1e-9)
    }

    @Test func binMapperGivesExactBinsForFewValues() throws {
        let x = try Matrix(columns: [[3, 1, 2, 2, 5, .nan], [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]])
        let mapper = BinMapper.fit(x)
        #expect(mapper.isExact == [true, true])
        #expect(mapper.upperBounds[0] == [1.5, 2.5, 4])
        #expect(mapper.upperBounds[1] == [])
        let binned = mapper.transform(x)
        #expect((0..<6).map { binned[$0, 0] } == [2, 0, 1, 1, 3, 4])
        #expect(binned.valueBinCounts == [4, 1])
    }

    @Test func binMapperQuantileBinsAreBalanced() throws {
        var rng = RandomStream(seed: 1)
        let values = (0..<5000).map { _ in rng.nextNormal() }
        let x = try Matrix(columns: [values])
        let mapper = BinMapper.fit(x, maxBins: 255)
        #expect(mapper.isExact == [false])
        #expect(mapper.valueBinCounts[0] <= 255 && mapper.valueBinCounts[0] >= 200)
        let binned = mapper.transform(x)
        var counts = [Int](repeating: 0, count: 256)
        for i in 0..<5000 { counts[Int(binned[i, 0])] += 1 }
        #expect(counts.max()! <= 3 * 5000 / 255)
        // Codes agree with the scalar lookup.
        for i in 0..<50 { #expect(binned[i, 0] == mapper.code(values[i], feature: 0)) }
    }

    @Test(arguments: [1, 2, 3])
    func blockedPredictorMatchesNodeWalk(stride: Int) throws {
        // Three trees over 20,000 rows (more than one block), with a NaN.
        var rng = RandomStream(seed: 21)
        let n = 20_000
        var cols: [[Double]] = (0..<3).map { _ in (0..<n).map { _ in rng.nextNormal() } }
        cols[1][7] = .nan
        let x = try Matrix(columns: cols)
        func leafValue() -> [Double] { (0..<stride).map { _ in rng.nextNormal() } }
        var trees: [TreeNodes] = []
        for t in 0..<3 {
            var tree = TreeNodes(valueStride: stride)
            tree.appendLeaf(leafValue())
            let (l, _) = tree.split(0, feature: t % 3, bin: 0, threshold: 0.1 * Double(t), missingGoesLeft: t == 1,
                                    leftValue: leafValue(), rightValue: leafValue())
            _ = tree.split(l, feature: (t + 1) % 3, bin: 0, threshold: -0.2, missingGoesLeft: false,
                           leftValue: leafValue(), rightValue: leafValue())
            trees.append(tree)
        }
        let initial = (0..<stride).map { Double($0) }
        let fast = TreePredictor.accumulate(trees, outputs: stride, outputOf: { _ in 0 }, scale: 0.5, initial: initial, x: x, threads: 2)
        var naive = [Double](repeating: 0, count: stride * n)
        for i in 0..<n { for k in 0..<stride { naive[stride * i + k] = initial[k] } }
        for tree in trees { tree.accumulate(x, scale: 0.5, into: &naive) }
        #expect(fast == naive)
    }
}

/// The CART scan kernel against a naive twin that recomputes both sides from scratch.
@Suite("CART split scan")
struct CARTSplitScanTests {
    @Test(arguments: [CARTCriterion.gini, .entropy, .squaredError])
    func scanMatchesNaive(criterion: CARTCriterion) {
        var rng = RandomStream(seed: 31)
        let k = criterion == .squaredError ? 2 : 3      // channels after the count
        let st = 1 + k, bins = 20
        var hist = [Double](repeating: 0, count: bins * st)
        for b in 0..<bins where rng.nextUniform() < 0.7 {
            let c = Double(1 + rng.nextInt(below: 4))
            hist[b * st] = c
            for j in 0..<k { hist[b * st + 1 + j] = criterion == .squaredError && j == 1 ? c * rng.nextNormal() : c * rng.nextUniform() }
        }
        let nonEmpty = (0..<bins).filter { hist[$0 * st] > 0 }
        let n = Int(nonEmpty.reduce(0.0) { $0 + hist[$1 * st] })
        let total = (0..<k).map { j in nonEmpty.reduce(0.0) { $0 + hist[$1 * st + 1 + j] } }
        var scratch = [Double](repeating: 0, count: 2 * k)
        let fast = hist.withUnsafeBufferPointer { h in total.withUnsafeBufferPointer { t in scratch.withUnsafeMutableBufferPointer { s in
            nonEmpty.withUnsafeBufferPointer { ne in
                CARTSplitScan.best(hist: h.baseAddress!, stride: st, nonEmpty: ne.baseAddress!, nonEmptyCount: ne.count,
                                   total: t.baseAddress!, rowCount: n, minLeaf: 3, criterion: criterion, classes: k,
                                   onlyAfter: nil, scratch: s.baseAddress!)
            }
        } } }
        // Naive: every boundary, both sides summed from scratch.
        var best = -Double.infinity, bestPosition = -1
        for j in 0..<(nonEmpty.count - 1) {
            let leftBins = nonEmpty[...j], rightBins = nonEmpty[(j + 1)...]
            let nl = leftBins.reduce(0.0) { $0 + hist[$1 * st] }, nr = rightBins.reduce(0.0) { $0 + hist[$1 * st] }
            if nl < 3 || nr < 3 { continue }
            let l = (0..<k).map { c in leftBins.reduce(0.0) { $0 + hist[$1 * st + 1 + c] } }
            let r = (0..<k).map { c in rightBins.reduce(0.0) { $0 + hist[$1 * st + 1 + c] } }
            let proxy = l.withUnsafeBufferPointer { criterion.proxy($0.baseAddress!, classes: k) }
                + r.withUnsafeBufferPointer { criterion.proxy($0.baseAddress!, classes: k) }
            if proxy > best + 1e-12 { best = proxy; bestPosition = j }
        }
        #expect(fast.position == bestPosition)
        #expect(abs(fast.proxy - best) < 1e-9)
    }
}

/// The histogram-free Extra-Trees split against its naive twin, the histogram path, and node
/// totals taken from the parent's split against totals summed from the rows.
@Suite("CART random splits")
struct CARTRandomSplitTests {
    @Test(arguments: [CARTCriterion.gini, .entropy], [2, 3])
    func histogramFreeSplitsGiveTheSameTrees(criterion: CARTCriterion, classCount: Int) throws {
        var rng = RandomStream(seed: 57)
        let n = 400
        let continuous = (0..<n).map { _ in rng.nextNormal() }
        let few = (0..<n).map { _ in Double(rng.nextInt(below: 4)) }
        let withMissing = (0..<n).map { _ in rng.nextUniform() < 0.15 ? Double.nan : rng.nextUniform() * 10 }
        let constant = [Double](repeating: 2, count: n)
        let x = try Matrix(columns: [continuous, few, withMissing, constant])
        let classes = (0..<n).map { i in
            Int32(min((continuous[i] + few[i] > 1.5 ? 1 : 0) + (rng.nextUniform() < 0.2 ? 1 : 0), classCount - 1))
        }
        let weights = (0..<n).map { _ in Double(rng.nextInt(below: 3)) }    // bootstrap-like counts, some 0
        let rows = (0..<n).filter { weights[$0] > 0 }.map { Int32($0) }
        let mapper = BinMapper.fit(x, maxBins: 255)
        let binned = mapper.transform(x)
        for random in [true, false] {
            let settings = CARTSettings(criterion: criterion, maxDepth: nil, minSamplesSplit: 2, minSamplesLeaf: 2,
                                        maxFeatures: 2, randomThresholds: random)
            // Naive twins: the histogram path, and node totals summed from the rows.
            var results: [CARTBuilder.Result] = []
            for (histogramFree, reusesTotals) in [(true, true), (false, true), (true, false), (false, false)] {
                let builder = CARTBuilder(binned: binned, mapper: mapper, classes: classes, classCount: classCount, values: [])
                builder.histogramFreeRandomSplits = histogramFree
                builder.reusesSplitTotals = reusesTotals
                var treeRNG = RandomStream(seed: 9)
                results.append(builder.build(rows: rows, weights: weights, settings: settings, using: &treeRNG))
            }
            #expect(results[0].tree.nodeCount > 20)
            for other in results.dropFirst() {
                #expect(results[0].tree == other.tree)
                #expect(results[0].importances == other.importances)
            }
        }
    }
}

@testable import AutoSwiftML
import Testing
import TestSupport

/// The fast kernels of the data checks against naive twins written straight from their definitions.
@Suite("Data-check kernels against naive twins")
struct SingleFeatureScoreTests {
    /// Per row, the class frequencies of its bin among the rows of the other folds (or of all other
    /// folds' rows when the bin is unseen there); then per fold the AUC (macro over classes), averaged.
    func naiveClassificationAUC(bins: [Int32], classes: [Int32], classCount k: Int, folds: [UInt8]) throws -> Double {
        let n = bins.count
        var scores = [[Double]](repeating: [Double](repeating: 0, count: k), count: n)
        for r in 0..<n {
            var inBin = [Double](repeating: 0, count: k), all = [Double](repeating: 0, count: k)
            for s in 0..<n where folds[s] != folds[r] {
                all[Int(classes[s])] += 1
                if bins[s] == bins[r] { inBin[Int(classes[s])] += 1 }
            }
            let source = inBin.reduce(0, +) > 0 ? inBin : all
            let total = source.reduce(0, +)
            scores[r] = source.map { total > 0 ? $0 / total : 0 }
        }
        let scored = k == 2 ? [1] : Array(0..<k)
        var foldScores: [Double] = []
        for f in Set(folds).sorted() {
            let rows = (0..<n).filter { folds[$0] == f }
            var aucs: [Double] = []
            for c in scored {
                let auc = try ClassificationMetrics.rocAUC(isPositive: rows.map { Int(classes[$0]) == c },
                                                           scores: rows.map { scores[$0][c] })
                if !auc.isNaN { aucs.append(auc) }
            }
            if !aucs.isEmpty { foldScores.append(aucs.reduce(0, +) / Double(aucs.count)) }
        }
        return foldScores.reduce(0, +) / Double(foldScores.count)
    }

    func naiveRegressionR2(bins: [Int32], values: [Double], folds: [UInt8]) throws -> Double {
        let n = bins.count
        var predicted = [Double](repeating: 0, count: n)
        for r in 0..<n {
            var binSum = 0.0, binCount = 0.0, sum = 0.0, count = 0.0
            for s in 0..<n where folds[s] != folds[r] {
                sum += values[s]; count += 1
                if bins[s] == bins[r] { binSum += values[s]; binCount += 1 }
            }
            predicted[r] = binCount > 0 ? binSum / binCount : sum / count
        }
        var foldScores: [Double] = []
        for f in Set(folds).sorted() {
            let rows = (0..<n).filter { folds[$0] == f }
            if rows.count < 2 { continue }
            foldScores.append(try RegressionMetrics.r2(truth: rows.map { values[$0] }, predicted: rows.map { predicted[$0] }))
        }
        return foldScores.reduce(0, +) / Double(foldScores.count)
    }

    /// Pearson correlation of average ranks.
    func naiveSpearman(_ x: [Double], _ y: [Double]) -> Double {
        func ranks(_ v: [Double]) -> [Double] {
            v.map { a in Double(v.filter { $0 < a }.count) + Double(v.filter { $0 == a }.count + 1) / 2 }
        }
        let rx = ranks(x), ry = ranks(y)
        let mx = rx.reduce(0, +) / Double(rx.count), my = ry.reduce(0, +) / Double(ry.count)
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in rx.indices {
            sxy += (rx[i] - mx) * (ry[i] - my); sxx += (rx[i] - mx) * (rx[i] - mx); syy += (ry[i] - my) * (ry[i] - my)
        }
        return sxy / (sxx * syy).squareRoot()
    }

    @Test func groupedAUCEqualsRowAUC() throws {
        var rng = RandomStream(seed: 1)
        for trial in 0..<20 {
            let g = 1 + rng.nextInt(below: 12)
            let scores = (0..<g).map { _ in Double(rng.nextInt(below: 5)) / 4 }   // many ties
            let positives = (0..<g).map { _ in Double(rng.nextInt(below: 4)) }
            let negatives = (0..<g).map { _ in Double(rng.nextInt(below: 4)) }
            var isPositive: [Bool] = [], rowScores: [Double] = []
            for i in 0..<g {
                for _ in 0..<Int(positives[i]) { isPositive.append(true); rowScores.append(scores[i]) }
                for _ in 0..<Int(negatives[i]) { isPositive.append(false); rowScores.append(scores[i]) }
            }
            let fast = SingleFeatureScore.groupedAUC(scores: scores, positives: positives, negatives: negatives)
            if rowScores.isEmpty { #expect(fast.isNaN); continue }
            let naive = try ClassificationMetrics.rocAUC(isPositive: isPositive, scores: rowScores)
            #expect(isClose(fast, naive, rel: 1e-12) || (fast.isNaN && naive.isNaN), "trial \(trial)")
        }
    }

    @Test(arguments: [2, 3, 4])
    func classificationAUCMatchesNaive(classCount k: Int) throws {
        var rng = RandomStream(seed: UInt64(10 + k))
        for trial in 0..<6 {
            let n = 60 + rng.nextInt(below: 60), binCount = 2 + rng.nextInt(below: 8), foldCount = 2 + rng.nextInt(below: 4)
            var classes = (0..<n).map { _ in Int32(rng.nextInt(below: k)) }
            classes[0] = 0; classes[1] = Int32(k - 1)
            // Bins loosely tied to the class, and some bins seen in one fold only.
            let bins = classes.map { c in Int32((Int(c) * 2 + rng.nextInt(below: 3)) % binCount) }
            let folds = (0..<n).map { _ in UInt8(rng.nextInt(below: foldCount)) }
            let fast = SingleFeatureScore.classificationAUC(bins: bins, binCount: binCount, classes: classes,
                                                            classCount: k, folds: folds, foldCount: foldCount)
            let naive = try naiveClassificationAUC(bins: bins, classes: classes, classCount: k, folds: folds)
            #expect(isClose(fast, naive, rel: 1e-12), "k \(k) trial \(trial): \(fast) vs \(naive)")
        }
    }

    @Test func regressionR2MatchesNaive() throws {
        var rng = RandomStream(seed: 5)
        for trial in 0..<6 {
            let n = 50 + rng.nextInt(below: 50), binCount = 2 + rng.nextInt(below: 10), foldCount = 2 + rng.nextInt(below: 4)
            let bins = (0..<n).map { _ in Int32(rng.nextInt(below: binCount)) }
            let values = bins.map { Double($0) + rng.nextNormal() }
            let folds = (0..<n).map { _ in UInt8(rng.nextInt(below: foldCount)) }
            let fast = SingleFeatureScore.regressionR2(bins: bins, binCount: binCount, values: values, folds: folds,
                                                       foldCount: foldCount)
            let naive = try naiveRegressionR2(bins: bins, values: values, folds: folds)
            #expect(isClose(fast, naive, rel: 1e-9), "trial \(trial): \(fast) vs \(naive)")
        }
    }

    @Test func exactMonotoneTestAgreesWithSpearman() {
        var rng = RandomStream(seed: 8)
        for trial in 0..<40 {
            let n = 5 + rng.nextInt(below: 20)
            let y = (0..<n).map { _ in Double(rng.nextInt(below: 6)) }           // ties in the target
            var x: [Double]
            switch trial % 4 {
            case 0: x = y.map { $0 * 3 - 1 }                                      // increasing
            case 1: x = y.map { -$0 * $0 }                                        // decreasing on y ≥ 0
            case 2: x = y.map { $0 + (rng.nextUniform() < 0.2 ? 0.5 : 0) }        // sometimes broken ties
            default: x = (0..<n).map { _ in Double(rng.nextInt(below: 6)) }       // unrelated
            }
            let order = (0..<n).sorted { y[$0] != y[$1] ? y[$0] < y[$1] : $0 < $1 }
            let direction = TargetCopy.monotoneDirection(x: x, y: y, targetOrder: order)
            let rho = naiveSpearman(x, y)
            let expected = Set(y).count < 2 ? 0 : (isClose(rho, 1, rel: 1e-12) ? 1 : (isClose(rho, -1, rel: 1e-12) ? -1 : 0))
            #expect(direction == expected, "trial \(trial): ρ = \(rho), direction \(direction)")
        }
    }

    @Test func branchFreeLowerBoundMatchesLinearScan() {
        var rng = RandomStream(seed: 12)
        for _ in 0..<200 {
            let edges = Array(Set((0..<rng.nextInt(below: 40)).map { _ in Double(rng.nextInt(below: 50)) })).sorted()
            let x = Double(rng.nextInt(below: 60)) - 5 + (rng.nextUniform() < 0.5 ? 0 : 0.5)
            let naive = edges.firstIndex { $0 >= x } ?? edges.count
            #expect(BinnedFeature.firstIndex(notBelow: x, in: edges) == naive, "x \(x) in \(edges)")
        }
    }

    @Test func largeColumnsTakeQuantilesFromAStridedSample() {
        let n = 3 * BinnedFeature.quantileSampleSize
        let values = (0..<n).map { Double(($0 &* 7919) % n) }          // a permutation of 0..<n
        let column = Column(name: "v", data: .numeric(values: values, missing: Array(repeating: false, count: n)))
        let binned = BinnedFeature(column: column, rows: Array(0..<n), maxBinCount: 32)
        #expect(binned.binCount == 33)
        var perBin = [Int](repeating: 0, count: binned.binCount)
        for b in binned.bins { perBin[Int(b)] += 1 }
        // Near-equal quantile bins: each value bin holds about n / 32 rows, the missing bin none.
        #expect(perBin.dropLast().allSatisfy { abs($0 - n / 32) <= n / 200 }, "\(perBin)")
        #expect(perBin.last == 0)
    }

    @Test func numericBinsAreQuantilesWithAMissingBin() {
        var values = (0..<1000).map { Double($0 % 997) * 1.5 }
        values[3] = .nan
        let column = Column(name: "v", data: .numeric(values: values, missing: values.map { $0.isNaN }))
        let binned = BinnedFeature(column: column, rows: Array(0..<1000), maxBinCount: 32)
        #expect(binned.binCount <= 33)
        #expect(!binned.binsAreLevels)
        #expect(binned.bins[3] == Int32(binned.binCount - 1))
        #expect(binned.missingCount == 1)
        // Bins follow the values' order, and every value bin is used.
        let present = (0..<1000).filter { $0 != 3 }.sorted { values[$0] < values[$1] }
        for (a, b) in zip(present, present.dropFirst()) { #expect(binned.bins[a] <= binned.bins[b]) }
        #expect(Set(present.map { binned.bins[$0] }).count == binned.binCount - 1)

        let few = Column(name: "f", data: .numeric(values: [3, 1, 2, 1], missing: [false, false, false, false]))
        let exact = BinnedFeature(column: few, rows: [0, 1, 2, 3], maxBinCount: 32)
        #expect(exact.binsAreLevels && exact.bins == [2, 0, 1, 0] && exact.binNames == ["1", "2", "3", "<missing>"])
    }
}

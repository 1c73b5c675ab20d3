import MLCore
@testable import MLModels
import Testing

/// `CARTAbsoluteErrorScan` against its naive twin: every boundary's two sides sorted and summed
/// from scratch (`naiveWeightedMedian`, `naiveAbsoluteError`). Targets are sixteenths and weights
/// halves, so every sum is exact and the two must agree bit for bit.
@Suite("Absolute-error kernel")
struct AbsoluteErrorKernelTests {
    struct Node {
        var rows: [Int32]
        var codes: [UInt8]
        var values: [Double]
        var weights: [Double]
    }

    static func randomNode(seed: UInt64, rowCount: Int, nodeRows: Int, bins: Int) -> Node {
        var rng = RandomStream(seed: seed)
        let codes = (0..<rowCount).map { _ in UInt8(rng.nextInt(below: bins)) }
        // Few distinct targets (ties) and weights whose halves are often hit exactly.
        let values = (0..<rowCount).map { _ in Double(rng.nextInt(below: 12)) + Double(rng.nextInt(below: 3)) / 16 }
        let weights = (0..<rowCount).map { _ in [0.5, 1, 1, 1.5, 2, 3][rng.nextInt(below: 6)] }
        let rows = rng.sample(nodeRows, from: rowCount).map { Int32($0) }
        return Node(rows: rows, codes: codes, values: values, weights: weights)
    }

    /// The naive best boundary: (proxy, position among the non-empty bins, rows going left).
    static func naiveBest(_ node: Node, minLeaf: Int, onlyAfter: Int?) -> (Double, Int, Int) {
        let bins = Array(Set(node.rows.map { node.codes[Int($0)] })).sorted()
        let total = node.rows.reduce(0.0) { $0 + node.weights[Int($1)] }
        var best = (-Double.infinity, -1, 0)
        for j in 0..<(bins.count - 1) where onlyAfter == nil || onlyAfter == j {
            let left = node.rows.filter { node.codes[Int($0)] <= bins[j] }
            let right = node.rows.filter { node.codes[Int($0)] > bins[j] }
            if left.count < minLeaf || right.count < minLeaf { continue }
            let wl = left.reduce(0.0) { $0 + node.weights[Int($1)] }
            let wr = total - wl
            let el = naiveAbsoluteError(left.map { node.values[Int($0)] }, left.map { node.weights[Int($0)] })
            let er = naiveAbsoluteError(right.map { node.values[Int($0)] }, right.map { node.weights[Int($0)] })
            let proxy = -wr * (er / wr) - wl * (el / wl)
            if proxy > best.0 { best = (proxy, j, left.count) }
        }
        return best
    }

    @Test(arguments: [(1, 40, 1), (2, 40, 5), (3, 300, 1), (4, 300, 20), (5, 7, 1), (6, 2, 1)])
    func bestSplitMatchesNaive(seed: Int, nodeRows: Int, minLeaf: Int) {
        let rowCount = Swift.max(nodeRows, 350)
        let node = Self.randomNode(seed: UInt64(seed), rowCount: rowCount, nodeRows: nodeRows, bins: seed % 2 == 0 ? 9 : 40)
        let scan = CARTAbsoluteErrorScan(rowCount: rowCount, capacity: nodeRows)
        let nonEmpty = UnsafeMutablePointer<Int>.allocate(capacity: 257)
        defer { nonEmpty.deallocate() }
        node.rows.withUnsafeBufferPointer { rows in
            node.codes.withUnsafeBufferPointer { codes in
                node.values.withUnsafeBufferPointer { values in
                    node.weights.withUnsafeBufferPointer { weights in
                        let summary = scan.prepareNode(rows: rows.baseAddress!, count: rows.count,
                                                       values: values.baseAddress!, weights: weights.baseAddress!)
                        let y = node.rows.map { node.values[Int($0)] }, w = node.rows.map { node.weights[Int($0)] }
                        #expect(summary.median == naiveWeightedMedian(y, w))
                        #expect(summary.absoluteError == naiveAbsoluteError(y, w))
                        #expect(summary.weight == w.reduce(0, +))
                        let groups = scan.groupByBin(rows: rows.baseAddress!, count: rows.count, codes: codes.baseAddress!,
                                                     nonEmpty: nonEmpty)
                        let bins = Array(Set(node.rows.map { Int(node.codes[Int($0)]) })).sorted()
                        #expect(Array(UnsafeBufferPointer(start: nonEmpty, count: groups)) == bins)
                        for onlyAfter in [nil, 0, groups / 2, groups - 2] as [Int?] {
                            if let o = onlyAfter, o < 0 { continue }
                            let found = scan.best(groups: groups, nodeWeight: summary.weight, minLeaf: minLeaf,
                                                  onlyAfter: onlyAfter, values: values.baseAddress!, weights: weights.baseAddress!)
                            let naive = Self.naiveBest(node, minLeaf: minLeaf, onlyAfter: onlyAfter)
                            #expect(found.position == naive.1, "onlyAfter \(String(describing: onlyAfter))")
                            #expect(found.leftCount == naive.2)
                            #expect(found.proxy == naive.0)
                        }
                    }
                }
            }
        }
    }

    /// The weighted median's two cases by hand: a crossing value, and a cumulative weight equal
    /// to half the total (the midpoint).
    @Test func weightedMedianByHand() {
        #expect(naiveWeightedMedian([1, 2, 3, 4], [1, 1, 1, 1]) == 2.5)
        #expect(naiveWeightedMedian([1, 2, 3, 4], [1, 1, 3, 1]) == 3)
        #expect(naiveWeightedMedian([4, 1, 9], [2, 1, 1]) == 4)
        #expect(naiveWeightedMedian([4, 1, 9], [1, 1, 2]) == 6.5)
        let scan = CARTAbsoluteErrorScan(rowCount: 3, capacity: 3)
        let rows: [Int32] = [0, 1, 2]
        for (y, w, median, error) in [([4.0, 1, 9], [2.0, 1, 1], 4.0, 8.0), ([4, 1, 9], [1, 1, 2], 6.5, 2.5 + 5.5 + 5)] {
            let s = scan.prepareNode(rows: rows, count: 3, values: y, weights: w)
            #expect(s.median == median)
            #expect(s.absoluteError == error)
        }
    }
}

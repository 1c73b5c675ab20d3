import MLCore

/// A fitted tree as flat node arrays, for fast prediction from raw `Double`s.
///
/// Node 0 is the root. A leaf has `feature == -1`. An internal node sends a row left when its
/// value is `<= threshold` (or, for NaN, when `missingGoesLeft`); `thresholdBin` is the same
/// test on bin codes. Every node stores `valueStride` output values (a leaf's prediction: one
/// score, one mean, or class fractions).
public struct TreeNodes: Codable, Sendable, Hashable {
    /// Split feature, or -1 for a leaf.
    public var feature: [Int32] = []
    /// Split threshold on bin codes (`code <= thresholdBin` goes left).
    public var thresholdBin: [UInt8] = []
    /// Split threshold on raw values (`value <= threshold` goes left).
    public var threshold: [Double] = []
    /// Left child index.
    public var left: [Int32] = []
    /// Right child index.
    public var right: [Int32] = []
    /// Where NaN goes.
    public var missingGoesLeft: [Bool] = []
    /// Output values per node.
    public var valueStride: Int
    /// `valueStride` values per node, node-major.
    public var values: [Double] = []

    /// An empty tree whose nodes carry `valueStride` values.
    public init(valueStride: Int) { self.valueStride = valueStride }

    /// The number of nodes.
    public var nodeCount: Int { feature.count }
    /// The number of leaves.
    public var leafCount: Int { feature.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }

    /// Appends a leaf and returns its index.
    @discardableResult
    mutating func appendLeaf<C: Collection>(_ value: C) -> Int where C.Element == Double {
        precondition(value.count == valueStride, "leaf value width")
        feature.append(-1); thresholdBin.append(0); threshold.append(0)
        left.append(-1); right.append(-1); missingGoesLeft.append(false)
        values.append(contentsOf: value)
        return feature.count - 1
    }

    /// Turns leaf `node` into a split and appends its two children as leaves.
    mutating func split<C: Collection>(_ node: Int, feature f: Int, bin: UInt8, threshold t: Double, missingGoesLeft m: Bool,
                                       leftValue: C, rightValue: C) -> (left: Int, right: Int) where C.Element == Double {
        let l = appendLeaf(leftValue)
        let r = appendLeaf(rightValue)
        feature[node] = Int32(f); thresholdBin[node] = bin; threshold[node] = t
        left[node] = Int32(l); right[node] = Int32(r); missingGoesLeft[node] = m
        return (l, r)
    }

    /// Replaces the values of `node`.
    mutating func setValue<C: Collection>(_ node: Int, _ value: C) where C.Element == Double {
        precondition(value.count == valueStride, "node value width")
        var i = node &* valueStride
        for v in value { values[i] = v; i &+= 1 }
    }

    /// The leaf reached by row `row` of column-major `x` (with `rowCount` rows).
    @inlinable
    func leaf(row: Int, x: UnsafeBufferPointer<Double>, rowCount: Int) -> Int {
        var node = 0
        while true {
            let f = Int(feature[node])
            if f < 0 { return node }
            let v = x[row &+ f &* rowCount]
            let goLeft = v.isNaN ? missingGoesLeft[node] : v <= threshold[node]
            node = Int(goLeft ? left[node] : right[node])
        }
    }

    /// The leaf reached by row `row` of binned data.
    @inlinable
    func leaf(row: Int, binned: BinnedMatrix) -> Int {
        var node = 0
        while true {
            let f = Int(feature[node])
            if f < 0 { return node }
            let c = binned[row, f]
            let goLeft = Int(c) == binned.valueBinCounts[f] ? missingGoesLeft[node] : c <= thresholdBin[node]
            node = Int(goLeft ? left[node] : right[node])
        }
    }

    /// The leaf of every row of `x`.
    /// - Complexity: O(rows × depth).
    public func leaves(_ x: Matrix) -> [Int] {
        var out = [Int](repeating: 0, count: x.rowCount)
        x.storage.withUnsafeBufferPointer { buf in
            for i in 0..<x.rowCount { out[i] = leaf(row: i, x: buf, rowCount: x.rowCount) }
        }
        return out
    }

    /// Adds `scale ×` the leaf values of every row of `x` to `out` (row-major, `valueStride` per row).
    public func accumulate(_ x: Matrix, scale: Double = 1, into out: inout [Double]) {
        let s = valueStride
        x.storage.withUnsafeBufferPointer { buf in
            values.withUnsafeBufferPointer { vals in
                for i in 0..<x.rowCount {
                    let node = leaf(row: i, x: buf, rowCount: x.rowCount)
                    for k in 0..<s { out[i &* s &+ k] += scale * vals[node &* s &+ k] }
                }
            }
        }
    }

    /// The depth of the tree (a single leaf has depth 0).
    public var depth: Int {
        if nodeCount == 0 { return 0 }
        var best = 0
        var stack: [(Int, Int)] = [(0, 0)]
        while let (n, d) = stack.popLast() {
            best = Swift.max(best, d)
            if feature[n] >= 0 { stack.append((Int(left[n]), d + 1)); stack.append((Int(right[n]), d + 1)) }
        }
        return best
    }
}

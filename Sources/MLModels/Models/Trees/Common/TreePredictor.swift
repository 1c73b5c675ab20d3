import MLCore

/// One node packed into 32 bytes, so a prediction touches one cache line per level. A leaf
/// keeps its first two output values in `threshold` and `value`, so one- and two-output trees
/// never read the separate values array.
struct PackedNode {
    var feature: Int32
    var left: Int32
    var right: Int32
    var missingGoesLeft: Bool
    var threshold: Double
    var value: Double
}

extension TreeNodes {
    /// The nodes in one contiguous array of `PackedNode`.
    func packed() -> [PackedNode] {
        let s = valueStride
        return (0..<nodeCount).map { i in
            let leaf = feature[i] < 0
            return PackedNode(feature: feature[i], left: left[i], right: right[i], missingGoesLeft: missingGoesLeft[i],
                              threshold: leaf ? values[i * s] : threshold[i],
                              value: leaf && s > 1 ? values[i * s + 1] : 0)
        }
    }
}

/// The prediction kernel shared by every tree model: sums `scale × leaf value` of a list of
/// trees for each row.
///
/// Rows are processed in blocks of 16,384: a block is copied to row-major order (so a row's
/// features share cache lines), then each tree is walked for every row of the block, so the
/// upper levels of a tree stay in cache while the whole block passes through it. Blocks run
/// in parallel by index and each block writes only its own rows, so results never depend on
/// the thread count.
enum TreePredictor {
    static let blockSize = 16384

    /// Row-major `rowCount × outputs` sums; tree `t` adds into output `outputOf(t)`
    /// (`valueStride` consecutive outputs starting there).
    static func accumulate(_ trees: [TreeNodes], outputs: Int, outputOf: (Int) -> Int, scale: Double,
                           initial: [Double], x: Matrix, threads: Int = Parallel.defaultThreadCount) -> [Double] {
        let n = x.rowCount, p = x.columnCount
        let packed = trees.map { $0.packed() }
        let offsets = trees.indices.map(outputOf)
        let blocks = (n + blockSize - 1) / blockSize
        let parts: [[Double]] = Parallel.map(blocks, threads: n * trees.count > 50_000 ? threads : 1) { b in
            let start = b * blockSize
            let count = Swift.min(blockSize, n - start)
            var rows = [Double](repeating: 0, count: count * p)
            var out = [Double](repeating: 0, count: count * outputs)
            for i in 0..<count { for k in 0..<outputs { out[i * outputs + k] = initial[k] } }
            x.storage.withUnsafeBufferPointer { src in
                for j in 0..<p {
                    let col = j &* n &+ start
                    for i in 0..<count { rows[i &* p &+ j] = src[col &+ i] }
                }
            }
            rows.withUnsafeBufferPointer { r in
                out.withUnsafeMutableBufferPointer { o in
                    for (t, tree) in packed.enumerated() {
                        let s = trees[t].valueStride
                        let base = offsets[t]
                        trees[t].values.withUnsafeBufferPointer { vals in
                            tree.withUnsafeBufferPointer { nodes in
                                for i in 0..<count {
                                    let row = i &* p
                                    var node = 0
                                    while true {
                                        let nd = nodes[node]
                                        if nd.feature < 0 { break }
                                        let v = r[row &+ Int(nd.feature)]
                                        let goLeft = v.isNaN ? nd.missingGoesLeft : v <= nd.threshold
                                        node = Int(goLeft ? nd.left : nd.right)
                                    }
                                    let dst = i &* outputs &+ base
                                    let leaf = nodes[node]
                                    o[dst] += scale * leaf.threshold
                                    if s > 1 {
                                        o[dst &+ 1] += scale * leaf.value
                                        if s > 2 {
                                            let from = node &* s
                                            for k in 2..<s { o[dst &+ k] += scale * vals[from &+ k] }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return out
        }
        var result: [Double] = []
        result.reserveCapacity(n * outputs)
        for part in parts { result.append(contentsOf: part) }
        return result
    }
}

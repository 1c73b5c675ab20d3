import MLCore

/// Brute-force k-nearest-neighbour search under the Euclidean or the Manhattan distance.
///
/// IN: the training matrix `T` (n × d, column-major), the queries `Q` (m × d) and `k ≤ n`.
/// OUT: for every query, the `k` nearest training rows in increasing distance, ties broken by the
/// smaller training index (so the result is stable, like a stable sort of all n distances), and
/// their distances.
///
/// Euclidean: squared distances come from one `gemm` per block of queries, `‖t‖² + ‖q‖² − 2·T·qᵀ`
/// (clipped at 0, as scikit-learn's brute-force `ArgKmin` does). Manhattan: `manhattanDistances`
/// sums |tᵢⱼ − qⱼ| feature by feature over contiguous training columns. A block holds at most
/// `max(1, min(1024, 4 Mi / n))` queries, so its `n × block` distance buffer stays near 32 MB
/// whatever the query count. Blocks run in parallel; each writes only its own queries' slots, so
/// the result does not depend on the thread count.
///
/// - Complexity: O(m·n·d) for the products plus O(m·n) for the selection (a bounded insertion into
///   the k best, which rarely triggers once the k best are small); memory O(n·block + m·k).
enum NeighborSearch {
    /// The queries per block for `n` training rows.
    static func blockSize(trainingRows n: Int) -> Int { max(1, min(1024, 4_194_304 / max(1, n))) }

    /// Squared Euclidean norm of every row.
    static func rowSquaredNorms(_ x: Matrix) -> [Double] {
        var out = [Double](repeating: 0, count: x.rowCount)
        out.withUnsafeMutableBufferPointer { o in
            for j in 0..<x.columnCount {
                x.withColumn(j) { col in
                    for i in 0..<col.count { o[i] += col[i] * col[i] }
                }
            }
        }
        return out
    }

    /// The `k` nearest training rows of every query: row-major `m × k` indices and distances.
    /// `blockSize` overrides the queries per block (tests use it to force several blocks).
    static func kNearest(train: Matrix, queries: Matrix, k: Int, metric: NeighborMetric = .euclidean,
                         threads: Int = Parallel.defaultThreadCount,
                         blockSize override: Int? = nil) -> (indices: [Int32], distances: [Double]) {
        let n = train.rowCount, m = queries.rowCount
        precondition(k >= 1 && k <= n && train.columnCount == queries.columnCount, "kNearest: invalid shapes")
        let trainNorms = metric == .euclidean ? rowSquaredNorms(train) : []
        let block = max(1, override ?? blockSize(trainingRows: n))
        let blockCount = (m + block - 1) / block
        let parts = Parallel.map(blockCount, threads: threads) { b -> ([Int32], [Double]) in
            let start = b * block
            let rows = Array(start..<min(m, start + block))
            return searchBlock(train: train, trainNorms: trainNorms, queries: queries.gatheringRows(rows), k: k, metric: metric)
        }
        var indices = [Int32](), distances = [Double]()
        indices.reserveCapacity(m * k)
        distances.reserveCapacity(m * k)
        for p in parts {
            indices.append(contentsOf: p.0)
            distances.append(contentsOf: p.1)
        }
        return (indices, distances)
    }

    /// Σⱼ |T[i, j] − Q[q, j]| for every training row i and query q, as an n × b matrix (column q
    /// contiguous), summed in feature order.
    /// - Complexity: O(n·b·d).
    static func manhattanDistances(train: Matrix, queries: Matrix) -> Matrix {
        let n = train.rowCount, b = queries.rowCount, d = train.columnCount
        var out = Matrix(rowCount: n, columnCount: b)
        out.storage.withUnsafeMutableBufferPointer { o in
            train.storage.withUnsafeBufferPointer { t in
                queries.storage.withUnsafeBufferPointer { qs in
                    for q in 0..<b {
                        let base = q &* n
                        for j in 0..<d {
                            let x = qs[j &* b &+ q]
                            let column = j &* n
                            for i in 0..<n { o[base &+ i] += Swift.abs(t[column &+ i] - x) }
                        }
                    }
                }
            }
        }
        return out
    }

    /// One block of queries: a `gemm` for the cross products (Euclidean) or the Manhattan sums,
    /// then a bounded selection per query.
    static func searchBlock(train: Matrix, trainNorms: [Double], queries: Matrix, k: Int,
                            metric: NeighborMetric = .euclidean) -> ([Int32], [Double]) {
        let n = train.rowCount, b = queries.rowCount
        let euclidean = metric == .euclidean
        var cross: Matrix
        if euclidean {
            cross = Matrix(rowCount: n, columnCount: b)
            BLAS.gemm(train, queries, transposeB: true, into: &cross)      // n × b: column q is contiguous
        } else {
            cross = manhattanDistances(train: train, queries: queries)     // the distances themselves
        }
        let queryNorms = euclidean ? rowSquaredNorms(queries) : []
        var outIndices = [Int32](repeating: 0, count: b * k)
        var outDistances = [Double](repeating: 0, count: b * k)
        var bestD = [Double](repeating: 0, count: k)
        var bestI = [Int32](repeating: 0, count: k)
        cross.storage.withUnsafeBufferPointer { c in
            trainNorms.withUnsafeBufferPointer { tn in
                for q in 0..<b {
                    let base = q &* n
                    let qn = euclidean ? queryNorms[q] : 0
                    var filled = 0
                    for i in 0..<n {
                        var d: Double
                        if euclidean {
                            d = tn[i] + qn - 2 * c[base &+ i]
                            if d < 0 { d = 0 }
                        } else {
                            d = c[base &+ i]
                        }
                        if filled == k && d >= bestD[k &- 1] { continue }   // equal distance: the earlier index stays
                        // Insert after every entry with distance ≤ d (indices arrive in increasing order).
                        var pos = filled == k ? k &- 1 : filled
                        while pos > 0 && bestD[pos &- 1] > d {
                            if pos < k { bestD[pos] = bestD[pos &- 1]; bestI[pos] = bestI[pos &- 1] }
                            pos &-= 1
                        }
                        bestD[pos] = d
                        bestI[pos] = Int32(truncatingIfNeeded: i)
                        if filled < k { filled &+= 1 }
                    }
                    let o = q &* k
                    for r in 0..<k {
                        outIndices[o &+ r] = bestI[r]
                        outDistances[o &+ r] = euclidean ? bestD[r].squareRoot() : bestD[r]
                    }
                }
            }
        }
        return (outIndices, outDistances)
    }
}

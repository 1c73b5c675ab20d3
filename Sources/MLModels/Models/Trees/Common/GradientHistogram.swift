/// The histogram kernel of gradient boosting: per bin, the row count and the sums of gradients
/// and hessians, interleaved as `[count, gradient, hessian]` (stride 3).
///
/// IN buffers are read-only, OUT buffers are write-only (accumulated into). As in LightGBM, the
/// gradients are *ordered*: gathered by the leaf's row indices into a contiguous buffer before
/// the histogram is built, so the inner loop reads them sequentially and only the one-byte bin
/// codes are gathered.
enum GradientHistogram {
    /// Doubles per bin.
    static let stride = 3

    /// Accumulates one feature's histogram.
    /// - Parameters:
    ///   - codes: the feature's column of bin codes (indexed by row).
    ///   - rows: row index of each position, or `nil` when position `i` is row `i`.
    ///   - count: the number of positions.
    ///   - orderedGH: interleaved `(gradient, hessian)` per position.
    ///   - hist: OUT, `(bins + 1) * 3` doubles, accumulated into.
    /// - Complexity: O(count).
    @inline(__always)
    static func build(codes: UnsafePointer<UInt8>, rows: UnsafePointer<Int32>?, count: Int,
                      orderedGH: UnsafePointer<Double>, hist: UnsafeMutablePointer<Double>) {
        if let rows = rows {
            var i = 0
            while i < count {
                let b = Int(codes[Int(rows[i])]) &* 3
                hist[b] += 1
                hist[b &+ 1] += orderedGH[i &<< 1]
                hist[b &+ 2] += orderedGH[(i &<< 1) &+ 1]
                i &+= 1
            }
        } else {
            var i = 0
            while i < count {
                let b = Int(codes[i]) &* 3
                hist[b] += 1
                hist[b &+ 1] += orderedGH[i &<< 1]
                hist[b &+ 2] += orderedGH[(i &<< 1) &+ 1]
                i &+= 1
            }
        }
    }

    /// `larger = parent − smaller`, element-wise over `count` doubles (the subtraction trick).
    @inline(__always)
    static func subtract(parent: UnsafePointer<Double>, smaller: UnsafePointer<Double>,
                         into larger: UnsafeMutablePointer<Double>, count: Int) {
        var i = 0
        while i < count { larger[i] = parent[i] - smaller[i]; i &+= 1 }
    }

    /// Gathers `(gradient, hessian)` of `rows` into `ordered` (the ordered-gradients step).
    @inline(__always)
    static func gather(rows: UnsafePointer<Int32>, count: Int, gh: UnsafePointer<Double>,
                       into ordered: UnsafeMutablePointer<Double>) {
        var i = 0
        while i < count {
            let r = Int(rows[i]) &<< 1
            ordered[i &<< 1] = gh[r]
            ordered[(i &<< 1) &+ 1] = gh[r &+ 1]
            i &+= 1
        }
    }
}

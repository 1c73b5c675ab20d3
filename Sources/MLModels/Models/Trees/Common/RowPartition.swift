/// The partition kernel: splits a node's slice of the row-index array into its two children.
///
///     before:  [ r0 r1 r2 r3 r4 r5 ]        codes: r0→3 r1→9 r2→1 r3→7 r4→2 r5→8, threshold 4
///     after:   [ r0 r2 r4 | r1 r3 r5 ]      left rows first, each side in the original order
///
/// The partition is stable, so the row order inside each child (and hence every floating-point
/// sum over it) does not depend on anything but the data.
enum RowPartition {
    /// Partitions `indices[0..<count]` so rows going left come first; returns the left count.
    /// A row goes left when its code is `<= thresholdBin`, or equals `missingCode` and
    /// `missingGoesLeft`.
    /// - Parameter scratch: at least `count` free slots.
    /// - Complexity: O(count).
    @inline(__always)
    static func partition(indices: UnsafeMutablePointer<Int32>, count: Int, codes: UnsafePointer<UInt8>,
                          thresholdBin: UInt8, missingCode: UInt8, missingGoesLeft: Bool,
                          scratch: UnsafeMutablePointer<Int32>) -> Int {
        var nLeft = 0
        var nRight = 0
        var i = 0
        while i < count {
            let r = indices[i]
            let c = codes[Int(r)]
            let goLeft = c == missingCode ? missingGoesLeft : c <= thresholdBin
            // Branch-free: the side is a coin flip the predictor cannot learn. Both slots are
            // written (indices[nLeft] was already read, as nLeft <= i) and one count advances.
            let step = goLeft ? 1 : 0
            indices[nLeft] = r
            scratch[nRight] = r
            nLeft &+= step
            nRight &+= 1 &- step
            i &+= 1
        }
        (indices + nLeft).update(from: scratch, count: nRight)
        return nLeft
    }
}

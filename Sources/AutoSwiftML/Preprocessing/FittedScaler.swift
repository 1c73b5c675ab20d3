import MLCore

/// A fitted per-column affine scaling `(x − offset) / scale`, learned on training features.
///
/// A scale that would be zero (a constant column) is 1, as scikit-learn's `_handle_zeros_in_scale`.
public struct FittedScaler: Sendable, Codable, Hashable {
    /// The method it was fitted with.
    public let method: Scaling
    /// Subtracted from each column (mean, min or median; empty for `.none`).
    public let offsets: [Double]
    /// Each column is divided by this (std, range or IQR; empty for `.none`).
    public let scales: [Double]

    /// Learns the statistics of each column of `features`.
    /// - Complexity: O(rows × columns), O(rows log rows × columns) for `.robust`.
    static func fit(_ method: Scaling, _ features: Matrix) -> FittedScaler {
        var offsets: [Double] = []
        var scales: [Double] = []
        if method != .none {
            for j in 0..<features.columnCount {
                let x = features.column(j)
                let (offset, scale): (Double, Double)
                switch method {
                case .none: (offset, scale) = (0, 1)
                case .standard: (offset, scale) = (Stats.mean(x), Stats.standardDeviation(x))
                case .minMax:
                    let lo = x.min() ?? 0, hi = x.max() ?? 0
                    (offset, scale) = (lo, hi - lo)
                case .robust:
                    (offset, scale) = (Stats.quantile(x, 0.5), Stats.quantile(x, 0.75) - Stats.quantile(x, 0.25))
                }
                offsets.append(offset)
                scales.append(abs(scale) < 10 * Double.ulpOfOne * max(1, abs(offset)) ? 1 : scale)
            }
        }
        return FittedScaler(method: method, offsets: offsets, scales: scales)
    }

    /// Scales `features` in place.
    /// - Complexity: O(rows × columns).
    func apply(_ features: inout Matrix) {
        guard method != .none else { return }
        let n = features.rowCount
        features.storage.withUnsafeMutableBufferPointer { s in
            for j in 0..<offsets.count {
                let o = offsets[j], inv = 1 / scales[j]
                let base = j &* n
                for i in 0..<n { s[base &+ i] = (s[base &+ i] - o) * inv }
            }
        }
    }
}

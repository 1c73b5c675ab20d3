import Foundation
import MLCore
import MLData

/// One feature column turned into small integer bins over the target's rows: the input of the
/// single-feature leakage model and of the target-copy test.
///
/// - Numeric: its distinct values when there are at most `maxBinCount` of them (one bin each, so
///   the bins are the exact levels), otherwise quantile bins whose edges come from the feature's own
///   sorted values (never from the target, so no target information enters the bins).
/// - Categorical, boolean, text: one bin per level.
/// - The missing value always has its own last bin.
struct BinnedFeature: Sendable {
    /// Bin of each kept row, in `0..<binCount`.
    var bins: [Int32]
    /// Number of bins, the missing bin included (it is the last one).
    var binCount: Int
    /// True when every non-missing bin holds exactly one distinct value (a level).
    var binsAreLevels: Bool
    /// A readable name per bin, for messages (the level, or a value range).
    var binNames: [String]
    /// The feature as numbers per kept row (NaN when missing), when it is numeric, boolean, or text
    /// whose every level reads as a number; nil otherwise.
    var numericValues: [Double]?
    /// Rows (of the kept ones) where the feature is missing.
    var missingCount: Int

    /// Encodes `column` at the table rows `rows`.
    /// - Complexity: O(n log B) for a numeric column with B bins (plus one sort of at most 16 384
    ///   sampled values), O(n) otherwise.
    init(column: Column, rows: [Int], maxBinCount: Int) {
        let n = rows.count
        var bins = [Int32](repeating: 0, count: n)
        switch column.data {
        case let .numeric(v, m):
            var values = [Double](repeating: .nan, count: n)
            var present: [Double] = []
            present.reserveCapacity(n)
            var missing = 0
            for (r, i) in rows.enumerated() {
                if m[i] || v[i].isNaN { missing += 1 } else { values[r] = v[i]; present.append(v[i]) }
            }
            // Up to maxBinCount distinct values, kept sorted; one more means "use quantile bins".
            var distinct: [Double] = []
            var largest = -Double.infinity
            for x in present {
                if x > largest { largest = x }
                if distinct.count > maxBinCount { continue }
                let k = BinnedFeature.firstIndex(notBelow: x, in: distinct)
                if k == distinct.count || distinct[k] != x { distinct.insert(x, at: k) }
            }
            let edges: [Double]
            let exact = distinct.count <= maxBinCount
            if exact {
                edges = distinct
            } else {
                // Upper edges at the k/maxBinCount quantiles of an evenly strided subsample (at most
                // `quantileSampleSize` values, no randomness); bin(x) = number of edges below x.
                let step = max(1, present.count / BinnedFeature.quantileSampleSize)
                var sample = stride(from: 0, to: present.count, by: step).map { present[$0] }
                sample.sort()
                var e: [Double] = []
                for k in 1..<maxBinCount {
                    let q = sample[(k * sample.count) / maxBinCount]
                    if e.last != q && q < largest { e.append(q) }
                }
                edges = e
            }
            let valueBinCount = exact ? distinct.count : edges.count + 1
            let missingBin = Int32(valueBinCount)
            for r in 0..<n {
                let x = values[r]
                bins[r] = x.isNaN ? missingBin : Int32(BinnedFeature.firstIndex(notBelow: x, in: edges))
            }
            var names: [String] = []
            if exact {
                names = distinct.map(Column.format)
            } else {
                for b in 0..<valueBinCount {
                    let lower = b == 0 ? "-inf" : Column.format(edges[b - 1])
                    let upper = b == edges.count ? "inf" : Column.format(edges[b])
                    names.append("(\(lower), \(upper)]")
                }
            }
            names.append("<missing>")
            self.init(bins: bins, binCount: valueBinCount + 1, binsAreLevels: exact, binNames: names,
                      numericValues: values, missingCount: missing)

        case let .boolean(v, m):
            var values = [Double](repeating: .nan, count: n)
            var missing = 0
            for (r, i) in rows.enumerated() {
                if m[i] { bins[r] = 2; missing += 1 } else { bins[r] = v[i] ? 1 : 0; values[r] = v[i] ? 1 : 0 }
            }
            self.init(bins: bins, binCount: 3, binsAreLevels: true, binNames: ["false", "true", "<missing>"],
                      numericValues: values, missingCount: missing)

        case let .categorical(codes, levels):
            let missingBin = Int32(levels.count)
            var missing = 0
            for (r, i) in rows.enumerated() {
                let c = codes[i]
                if c < 0 || Int(c) >= levels.count { bins[r] = missingBin; missing += 1 } else { bins[r] = c }
            }
            self.init(bins: bins, binCount: levels.count + 1, binsAreLevels: true, binNames: levels + ["<missing>"],
                      numericValues: BinnedFeature.numbers(levels: levels, bins: bins), missingCount: missing)

        case let .text(t):
            var index: [String: Int32] = [:]
            var levels: [String] = []
            var rawBins = [Int32](repeating: -1, count: n)
            for (r, i) in rows.enumerated() {
                guard let s = t[i] else { continue }
                if let k = index[s] { rawBins[r] = k } else {
                    let k = Int32(levels.count)
                    index[s] = k
                    levels.append(s)
                    rawBins[r] = k
                }
            }
            var missing = 0
            for r in 0..<n where rawBins[r] < 0 {
                rawBins[r] = Int32(levels.count)
                missing += 1
            }
            self.init(bins: rawBins, binCount: levels.count + 1, binsAreLevels: true, binNames: levels + ["<missing>"],
                      numericValues: BinnedFeature.numbers(levels: levels, bins: rawBins), missingCount: missing)
        }
    }

    private init(bins: [Int32], binCount: Int, binsAreLevels: Bool, binNames: [String],
                 numericValues: [Double]?, missingCount: Int) {
        self.bins = bins
        self.binCount = binCount
        self.binsAreLevels = binsAreLevels
        self.binNames = binNames
        self.numericValues = numericValues
        self.missingCount = missingCount
    }

    /// Values sampled (evenly strided) to place quantile edges.
    static let quantileSampleSize = 16_384

    /// The first index of sorted `edges` whose value is at least `x` (`edges.count` when none is).
    /// - Complexity: O(log edges.count).
    @inline(__always)
    static func firstIndex(notBelow x: Double, in edges: [Double]) -> Int {
        // Branch-free lower bound: the comparison feeds a conditional move, not a jump.
        edges.withUnsafeBufferPointer { e in
            var count = e.count
            if count == 0 { return 0 }
            var base = 0
            while count > 1 {
                let half = count >> 1
                let below = unsafeBitCast(e[base &+ half] < x, to: UInt8.self)   // 0 or 1
                base &+= half & (0 &- Int(below))
                count &-= half
            }
            return base &+ (e[base] < x ? 1 : 0)
        }
    }

    /// The levels as numbers per row when every level reads as a finite number, else nil.
    private static func numbers(levels: [String], bins: [Int32]) -> [Double]? {
        guard !levels.isEmpty else { return nil }
        var parsed = [Double]()
        parsed.reserveCapacity(levels.count + 1)
        for level in levels {
            guard let x = Double(level.trimmingCharacters(in: .whitespaces)), x.isFinite else { return nil }
            parsed.append(x)
        }
        parsed.append(.nan)
        return bins.map { parsed[Int($0)] }
    }
}

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
    /// - Complexity: O(n log n) for a numeric column (one sort of its values), O(n) otherwise.
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
            present.sort()
            var distinct: [Double] = []
            for x in present where distinct.last != x { distinct.append(x) }
            let edges: [Double]
            let exact = distinct.count <= maxBinCount
            if exact {
                edges = distinct
            } else {
                // Upper edges at the k/maxBinCount quantiles; bin(x) = number of edges below x.
                var e: [Double] = []
                for k in 1..<maxBinCount {
                    let q = present[(k * present.count) / maxBinCount]
                    if e.last != q && q < distinct[distinct.count - 1] { e.append(q) }
                }
                edges = e
            }
            let valueBinCount = exact ? distinct.count : edges.count + 1
            let missingBin = Int32(valueBinCount)
            edges.withUnsafeBufferPointer { e in
                for r in 0..<n {
                    let x = values[r]
                    if x.isNaN { bins[r] = missingBin; continue }
                    var lo = 0, hi = e.count          // first edge >= x
                    while lo < hi {
                        let mid = (lo &+ hi) >> 1
                        if e[mid] < x { lo = mid &+ 1 } else { hi = mid }
                    }
                    bins[r] = Int32(lo)
                }
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

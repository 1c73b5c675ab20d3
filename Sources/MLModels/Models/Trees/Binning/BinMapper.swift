import MLCore

/// Maps each feature's real values to at most 255 `UInt8` bin codes plus one missing-value code.
///
/// Fitted on training data only (as LightGBM's `BinMapper` and scikit-learn's `_BinMapper`).
/// A feature with at most `maxBins` distinct values gets one bin per distinct value, with
/// thresholds at the midpoints between neighbours, so splits on small data are exactly
/// scikit-learn's CART thresholds. Other features get quantile bins (equal-count, greedy over
/// the sorted distinct values). Bin `b` holds the values `v` with
/// `upperBounds[b-1] < v <= upperBounds[b]`; the last bin is open above. NaN maps to the
/// missing code `valueBinCounts[f]`.
public struct BinMapper: Codable, Sendable, Hashable {
    /// The most value bins a feature may have (the missing code is one more).
    public static let maxValueBins = 255

    /// Per feature, the upper bound of every value bin except the last.
    public var upperBounds: [[Double]]
    /// Per feature, a representative value of each bin (the distinct value for exact bins).
    public var centers: [[Double]]
    /// Per feature, true when every distinct training value has its own bin.
    public var isExact: [Bool]

    /// The number of value bins of each feature (the missing code equals this number).
    public var valueBinCounts: [Int] { upperBounds.map { $0.count + 1 } }

    /// Fits bins on the rows `sampleRows` of `features` (all rows when `nil`).
    /// - Parameters:
    ///   - maxBins: value bins per feature, 2...255.
    ///   - sampleRows: the rows to look at (LightGBM looks at 200,000 at most).
    /// - Complexity: O(columns × n log n) for n sampled rows.
    public static func fit(_ features: Matrix, maxBins: Int = maxValueBins, sampleRows: [Int]? = nil,
                           threads: Int = 1) -> BinMapper {
        let bins = Swift.max(2, Swift.min(maxBins, maxValueBins))
        let results: [(bounds: [Double], centers: [Double], exact: Bool)] =
            Parallel.map(features.columnCount, threads: threads) { j in
                var values: [Double] = []
                features.withColumn(j) { col in
                    if let rows = sampleRows {
                        values.reserveCapacity(rows.count)
                        for r in rows where !col[r].isNaN { values.append(col[r]) }
                    } else {
                        values.reserveCapacity(col.count)
                        for v in col where !v.isNaN { values.append(v) }
                    }
                }
                return featureBins(values, maxBins: bins)
            }
        return BinMapper(upperBounds: results.map(\.bounds), centers: results.map(\.centers),
                         isExact: results.map(\.exact))
    }

    /// The bin bounds of one feature from its non-missing values.
    static func featureBins(_ values: [Double], maxBins: Int) -> (bounds: [Double], centers: [Double], exact: Bool) {
        if values.isEmpty { return ([], [0], true) }
        let sorted = values.sorted()
        var distinct: [Double] = []
        var counts: [Int] = []
        distinct.reserveCapacity(Swift.min(sorted.count, 1024))
        for v in sorted {
            if let last = distinct.last, last == v { counts[counts.count - 1] += 1 } else {
                distinct.append(v); counts.append(1)
            }
        }
        if distinct.count <= maxBins {
            var bounds: [Double] = []
            bounds.reserveCapacity(distinct.count - 1)
            for i in 0..<(distinct.count - 1) { bounds.append(midpoint(distinct[i], distinct[i + 1])) }
            return (bounds, distinct, true)
        }
        // Greedy equal-count bins: cut after distinct value i when the cumulative count crosses
        // the next multiple of n / maxBins; at most maxBins - 1 cuts.
        let n = Double(sorted.count)
        var bounds: [Double] = []
        var centers: [Double] = []
        var cumulative = 0
        var lastLevel = 0
        var binStart = 0
        for i in 0..<(distinct.count - 1) {
            cumulative += counts[i]
            let level = Int(Double(cumulative) * Double(maxBins) / n)
            if level > lastLevel && bounds.count < maxBins - 1 {
                bounds.append(midpoint(distinct[i], distinct[i + 1]))
                centers.append(midpoint(distinct[binStart], distinct[i]))
                binStart = i + 1
                lastLevel = level
            }
        }
        centers.append(midpoint(distinct[binStart], distinct[distinct.count - 1]))
        return (bounds, centers, false)
    }

    /// `a/2 + b/2` as scikit-learn's tree computes thresholds; `a` when rounding reaches `b`.
    @inlinable
    static func midpoint(_ a: Double, _ b: Double) -> Double {
        let m = a / 2 + b / 2
        return (m == b || !m.isFinite) ? a : m
    }

    /// The bin code of `value` for `feature` (NaN gives the missing code).
    @inlinable
    public func code(_ value: Double, feature: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: BinMapper.binIndex(value, upperBounds[feature]))
    }

    /// Binary search: the first bin whose upper bound is ≥ `value`; NaN gives `bounds.count + 1`.
    @inlinable
    static func binIndex(_ value: Double, _ bounds: [Double]) -> Int {
        if value.isNaN { return bounds.count + 1 }
        var lo = 0
        var hi = bounds.count
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if value <= bounds[mid] { hi = mid } else { lo = mid &+ 1 }
        }
        return lo
    }

    /// Bins every value of `features` (whose columns must match the fitted features).
    /// - Complexity: O(rows × columns × log bins), parallel over columns.
    public func transform(_ features: Matrix, threads: Int = 1) -> BinnedMatrix {
        let n = features.rowCount
        let p = features.columnCount
        var codes = [UInt8](repeating: 0, count: n * p)
        codes.withUnsafeMutableBufferPointer { out in
            let dst = SendableMutablePointer(out.baseAddress)
            Parallel.forEach(p, threads: threads) { j in
                let bounds = self.upperBounds[j]
                features.withColumn(j) { col in
                    bounds.withUnsafeBufferPointer { b in
                        let base = dst.pointer! + j &* n
                        let m = b.count
                        for i in 0..<n {
                            let v = col[i]
                            if v.isNaN { base[i] = UInt8(truncatingIfNeeded: m &+ 1); continue }
                            var lo = 0
                            var hi = m
                            while lo < hi {
                                let mid = (lo &+ hi) >> 1
                                if v <= b[mid] { hi = mid } else { lo = mid &+ 1 }
                            }
                            base[i] = UInt8(truncatingIfNeeded: lo)
                        }
                    }
                }
            }
        }
        return BinnedMatrix(rowCount: n, codes: codes, valueBinCounts: valueBinCounts)
    }
}

/// A column-major matrix of bin codes, as produced by `BinMapper.transform`.
public struct BinnedMatrix: Sendable {
    /// Number of rows.
    public let rowCount: Int
    /// Number of features.
    public var featureCount: Int { valueBinCounts.count }
    /// Column-major `UInt8` codes: code of `(row, feature)` at `row + feature * rowCount`.
    public let codes: [UInt8]
    /// Value bins per feature; the missing code of feature `f` is `valueBinCounts[f]`.
    public let valueBinCounts: [Int]
    /// Start of each feature's segment in a flat histogram of `(valueBinCounts[f] + 1)` bins.
    public let histogramOffsets: [Int]
    /// Total bins of all features, missing bins included.
    public let totalBins: Int

    /// Wraps existing codes.
    public init(rowCount: Int, codes: [UInt8], valueBinCounts: [Int]) {
        self.rowCount = rowCount
        self.codes = codes
        self.valueBinCounts = valueBinCounts
        var offsets: [Int] = []
        var total = 0
        for c in valueBinCounts { offsets.append(total); total += c + 1 }
        self.histogramOffsets = offsets
        self.totalBins = total
    }

    /// The code at `(row, feature)`.
    @inlinable
    public subscript(row: Int, feature: Int) -> UInt8 { codes[row &+ feature &* rowCount] }
}

/// A pointer that may cross into `Parallel` closures; each index writes only its own region.
struct SendableMutablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>?
    init(_ p: UnsafeMutablePointer<T>?) { pointer = p }
}

/// A read-only pointer that may cross into `Parallel` closures.
struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafePointer<T>?
    init(_ p: UnsafePointer<T>?) { pointer = p }
}

import MLCore
import MLModels

/// Target encoding of one categorical column, as scikit-learn's `TargetEncoder`.
///
/// Each level is replaced by a smoothed mean of the target over the rows with that level: the
/// target values for regression, the indicator of class 1 for a binary target, and one indicator
/// per class (one output column each) for a multiclass target. With `.auto` smoothing (scikit-learn's
/// `smooth="auto"`), a level with `n` rows, mean `m` and within-level sum of squared deviations `s`
/// gets `λ·m + (1−λ)·ȳ` where `λ = v·n / (v·n + s/n)` and `v`, `ȳ` are the target's variance and
/// mean; with `.fixed(k)` it gets `(Σy + k·ȳ) / (n + k)`. Levels without rows get `ȳ`.
///
/// Training rows are encoded out-of-fold: the rows are split into `folds` inner folds (stratified
/// for classes) and each fold is encoded with statistics of the others, so a row's own target
/// never reaches its feature. Other rows use statistics of all training rows.
struct TargetMeanEncoder {
    /// The smoothing rule.
    var smoothing: TargetEncodingSmoothing
    /// Inner folds for out-of-fold encoding of the training rows.
    var folds: Int

    /// What fitting yields.
    struct Result {
        /// `encodings[k][level]` from all rows, for transforming other rows.
        var encodings: [[Double]]
        /// The target mean per output column, for unseen levels.
        var defaults: [Double]
        /// The training rows' out-of-fold encodings, one array per output column.
        var outOfFold: [[Double]]
        /// `nil` for a single output column, else the class name of each output column.
        var outputLabels: [String?]
    }

    /// Fits on level codes (`0..<levelCount`, one per training row) and the rows' target.
    /// - Complexity: O(rows × output columns).
    func fitTransform(codes: [Int], levelCount: Int, target: Target, using rng: RandomStream) throws -> Result {
        let (ys, labels) = TargetMeanEncoder.targetColumns(target)
        let n = codes.count
        var encodings: [[Double]] = []
        var defaults: [Double] = []
        let innerFolds = try self.innerFolds(rowCount: n, target: target, rng: rng)
        var outOfFold = [[Double]](repeating: [Double](repeating: 0, count: n), count: ys.count)
        for (k, y) in ys.enumerated() {
            let full = TargetMeanEncoder.encode(codes: codes, y: y, rows: Array(0..<n), levelCount: levelCount,
                                                smoothing: smoothing)
            encodings.append(full.encodings)
            defaults.append(full.mean)
            if innerFolds.isEmpty {
                for i in 0..<n { outOfFold[k][i] = full.encodings[codes[i]] }
            }
            for fold in innerFolds {
                let part = TargetMeanEncoder.encode(codes: codes, y: y, rows: fold.train, levelCount: levelCount,
                                                    smoothing: smoothing)
                for i in fold.validation { outOfFold[k][i] = part.encodings[codes[i]] }
            }
        }
        return Result(encodings: encodings, defaults: defaults, outOfFold: outOfFold, outputLabels: labels)
    }

    /// The inner folds: stratified for classes when every class allows it, else plain K-fold; none
    /// when there are too few rows.
    private func innerFolds(rowCount: Int, target: Target, rng: RandomStream) throws -> [Fold] {
        let k = min(folds, rowCount)
        guard k >= 2 else { return [] }
        var stream = rng
        if case let .classes(indices, _) = target,
           let f = try? StratifiedKFold(foldCount: k).folds(classes: indices, using: &stream) {
            return f
        }
        stream = rng
        return try KFold(foldCount: k).folds(rowCount: rowCount, using: &stream)
    }

    /// The numeric target columns to average, and their class labels.
    static func targetColumns(_ target: Target) -> ([[Double]], [String?]) {
        switch target {
        case let .values(v):
            return ([v], [nil])
        case let .classes(indices, names):
            if names.count <= 2 {
                return ([indices.map { $0 == 1 ? 1 : 0 }], [nil])
            }
            return (names.indices.map { c in indices.map { Int($0) == c ? 1 : 0 } }, names.map { Optional($0) })
        }
    }

    /// Smoothed per-level means of `y` over `rows`, and the mean of `y` over `rows`.
    static func encode(codes: [Int], y: [Double], rows: [Int], levelCount: Int,
                       smoothing: TargetEncodingSmoothing) -> (encodings: [Double], mean: Double) {
        var sums = [Double](repeating: 0, count: levelCount)
        var counts = [Double](repeating: 0, count: levelCount)
        var total = 0.0
        for i in rows {
            sums[codes[i]] += y[i]
            counts[codes[i]] += 1
            total += y[i]
        }
        let mean = rows.isEmpty ? 0 : total / Double(rows.count)
        var out = [Double](repeating: mean, count: levelCount)
        switch smoothing {
        case let .fixed(m):
            for l in 0..<levelCount where counts[l] + m > 0 { out[l] = (sums[l] + m * mean) / (counts[l] + m) }
        case .auto:
            var variance = 0.0
            for i in rows { variance += (y[i] - mean) * (y[i] - mean) }
            variance = rows.isEmpty ? 0 : variance / Double(rows.count)
            var levelMeans = [Double](repeating: 0, count: levelCount)
            for l in 0..<levelCount where counts[l] > 0 { levelMeans[l] = sums[l] / counts[l] }
            var squaredDiffs = [Double](repeating: 0, count: levelCount)
            for i in rows {
                let d = y[i] - levelMeans[codes[i]]
                squaredDiffs[codes[i]] += d * d
            }
            for l in 0..<levelCount where counts[l] > 0 {
                let lambda = variance * counts[l] / (variance * counts[l] + squaredDiffs[l] / counts[l])
                out[l] = lambda.isNaN ? mean : lambda * levelMeans[l] + (1 - lambda) * mean
            }
        }
        return (out, mean)
    }
}

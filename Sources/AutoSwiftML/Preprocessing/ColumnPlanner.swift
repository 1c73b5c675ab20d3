import MLCore
import MLData
import MLModels

/// The fit-time decision for one input column.
enum ColumnPlan {
    /// Not used, for this reason.
    case dropped(DroppedColumn.Reason)
    /// Used; `trainingColumns` are the encoded training rows (target encoding out-of-fold).
    case kept(ColumnEncoding, trainingColumns: [[Double]])
}

extension PreprocessingConfig {
    /// Decides how `column` (training rows only) is encoded and encodes its training rows.
    func planColumn(_ column: Column, target: Target, rng: RandomStream) throws -> ColumnPlan {
        switch column.data {
        case .text:
            return .dropped(.text)
        case let .numeric(values, missing):
            let present = values.indices.filter { !missing[$0] && values[$0].isFinite }.map { values[$0] }
            if present.isEmpty { return .dropped(.allMissing) }
            if dropsIDLikeColumns, present.count == values.count, isIncreasingCounter(values) {
                return .dropped(.idLike)
            }
            let fill = numericFill(present)
            let encoding = ColumnEncoding.numeric(column: column.name, fill: fill)
            let encoded = try encoding.encode(column)
            if isConstant(encoded[0]) { return .dropped(.constant) }
            return .kept(encoding, trainingColumns: encoded)
        case let .boolean(values, missing):
            var ones = 0, zeros = 0
            for i in values.indices where !missing[i] { if values[i] { ones += 1 } else { zeros += 1 } }
            if ones + zeros == 0 { return .dropped(.allMissing) }
            let encoding = ColumnEncoding.boolean(column: column.name, fill: ones > zeros ? 1 : 0)
            let encoded = try encoding.encode(column)
            if isConstant(encoded[0]) { return .dropped(.constant) }
            return .kept(encoding, trainingColumns: encoded)
        case .categorical:
            return try planCategorical(column, target: target, rng: rng)
        }
    }

    private func planCategorical(_ column: Column, target: Target, rng: RandomStream) throws -> ColumnPlan {
        let strings = categoryStrings(column)
        var counts: [String: Int] = [:]
        for case let s? in strings { counts[s, default: 0] += 1 }
        if counts.isEmpty { return .dropped(.allMissing) }
        if dropsIDLikeColumns, counts.count > maxOneHotLevels, counts.values.allSatisfy({ $0 == 1 }) {
            return .dropped(.idLike)
        }
        let fill: String
        switch categoricalImputation {
        case .mostFrequent:
            // Highest count; ties to the first level in string order (scikit-learn's SimpleImputer).
            fill = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? "missing"
        case .missingLevel:
            fill = "missing"
        }
        var levelSet = Set(counts.keys)
        if strings.contains(where: { $0 == nil }) { levelSet.insert(fill) }
        let levels = levelSet.sorted()
        if levels.count < 2 { return .dropped(.constant) }
        let encoding: ColumnEncoding
        if levels.count == 2 {
            encoding = .binary(column: column.name, levels: levels, fill: fill)
        } else if levels.count <= maxOneHotLevels {
            encoding = .oneHot(column: column.name, levels: levels, fill: fill)
        } else {
            let codes = levelCodes(column, levels: levels, fill: fill)
            let encoder = TargetMeanEncoder(smoothing: targetEncodingSmoothing, folds: targetEncodingFolds)
            let result = try encoder.fitTransform(codes: codes, levelCount: levels.count, target: target, using: rng)
            let names = result.outputLabels.map { $0.map { "\(column.name)_\($0)" } ?? column.name }
            let fitted = ColumnEncoding.target(column: column.name, levels: levels, outputNames: names,
                                               encodings: result.encodings, defaults: result.defaults, fill: fill)
            return .kept(fitted, trainingColumns: result.outOfFold)
        }
        return .kept(encoding, trainingColumns: try encoding.encode(column))
    }

    /// The fill value for missing numbers, from the present training values.
    private func numericFill(_ present: [Double]) -> Double {
        switch numericImputation {
        case .mean: return Stats.mean(present)
        case .median: return Stats.quantile(present, 0.5)
        case let .constant(v): return v
        case .mostFrequent:
            var counts: [Double: Int] = [:]
            for v in present { counts[v, default: 0] += 1 }
            return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? 0
        }
    }
}

/// True when every value equals the first.
func isConstant(_ x: [Double]) -> Bool {
    guard let first = x.first else { return true }
    return x.allSatisfy { $0 == first }
}

/// True for a row counter: at least three integer values, strictly increasing in row order.
func isIncreasingCounter(_ x: [Double]) -> Bool {
    guard x.count >= 3 else { return false }
    for i in x.indices {
        guard x[i] == x[i].rounded() else { return false }
        if i > 0, x[i] <= x[i - 1] { return false }
    }
    return true
}

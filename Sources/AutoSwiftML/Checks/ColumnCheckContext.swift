import MLCore
import MLData
import MLModels

/// What the per-column checks share: the target, the fold assignment and, for regression, the rows
/// in target order. Built once, then read from several threads.
struct ColumnCheckContext: Sendable {
    let target: CheckTarget
    let targetName: String
    let options: DataCheckOptions
    /// Fold per kept row; empty when there are too few rows to cross-validate.
    let folds: [UInt8]
    let foldCount: Int
    /// Regression: kept rows sorted by target value (ties by row), and each row's rank among the
    /// distinct target values.
    let targetOrder: [Int]
    let targetLevels: [Int32]
    let targetLevelCount: Int

    /// The most (fold, bin, class) cells one column's leakage model may use: 16 Mi, 128 MiB of counts.
    static let maxCountCells = 1 << 24

    init(target: CheckTarget, targetName: String, options: DataCheckOptions,
         using rng: inout RandomStream) {
        self.target = target
        self.targetName = targetName
        self.options = options
        let n = target.rows.count
        // Cross-validate only when every fold can get at least two rows.
        let k = min(options.foldCount, n / 2)
        foldCount = k
        folds = k >= 2 ? target.foldAssignment(foldCount: k, using: &rng) : []
        if target.isClassification {
            targetOrder = []
            targetLevels = target.classes
            targetLevelCount = target.classNames.count
        } else {
            let y = target.values
            let order = (0..<n).sorted { y[$0] != y[$1] ? y[$0] < y[$1] : $0 < $1 }
            var levels = [Int32](repeating: 0, count: n)
            var level: Int32 = -1
            var previous = Double.nan
            for r in order {
                if y[r] != previous { level += 1; previous = y[r] }
                levels[r] = level
            }
            targetOrder = order
            targetLevels = levels
            targetLevelCount = Int(level) + 1
        }
    }

    /// The findings for one feature column: a target copy first, then leakage.
    func check(_ column: Column) -> [DataWarning] {
        let feature = BinnedFeature(column: column, rows: target.rows, maxBinCount: options.maxBinCount)
        var found: [DataWarning] = []
        if let copy = targetCopy(column.name, feature) { found.append(copy) }
        if let leak = leakage(column.name, feature) { found.append(leak) }
        return found
    }

    private func targetCopy(_ name: String, _ feature: BinnedFeature) -> DataWarning? {
        let severity = options.leakageSeverity
        let hint = DataWarning.dropHint(name)
        if !target.isClassification, let x = feature.numericValues {
            let direction = TargetCopy.monotoneDirection(x: x, y: target.values, targetOrder: targetOrder)
            guard direction != 0 else { return nil }
            let kind = direction > 0 ? "increasing" : "decreasing"
            return DataWarning(
                kind: .targetCopy, severity: severity, column: name, score: Double(direction),
                message: "Column '\(name)' is an \(kind) transform of the target '\(targetName)' "
                    + "(Spearman ρ = \(direction > 0 ? "1" : "-1")): it copies the target, and every model will "
                    + "look perfect by reading it. Drop it with \(hint).",
                hint: hint)
        }
        // A levelled feature against the classes, or against the distinct values of a regression
        // target when the levels repeat (a mapping between two all-distinct columns proves nothing).
        guard feature.binsAreLevels else { return nil }
        if !target.isClassification && targetLevelCount * 2 > target.rows.count { return nil }
        guard let pairs = TargetCopy.oneToOneMapping(
            bins: feature.bins, binCount: feature.binCount, missingBin: Int32(feature.binCount - 1),
            levels: targetLevels, levelCount: targetLevelCount) else { return nil }
        let shown = pairs.prefix(5).map { p in
            let targetValue = target.isClassification
                ? target.classNames[p.level]
                : Column.format(target.values[targetLevels.firstIndex(of: Int32(p.level)) ?? 0])
            return "\(feature.binNames[p.bin]) → \(targetValue)"
        }.joined(separator: ", ") + (pairs.count > 5 ? ", …" : "")
        return DataWarning(
            kind: .targetCopy, severity: severity, column: name, score: 1,
            message: "Column '\(name)' is a copy of the target '\(targetName)': its values map one-to-one onto the "
                + "target's (\(shown)), so every model will score 100% by reading it. Drop it with \(hint).",
            hint: hint)
    }

    private func leakage(_ name: String, _ feature: BinnedFeature) -> DataWarning? {
        guard foldCount >= 2 else { return nil }
        // The per-(fold, bin, class) table must stay small; a column this fine-grained against this
        // many classes is skipped (its unseen levels would mostly predict the training frequency).
        let classCount = max(1, target.classNames.count)
        guard foldCount * feature.binCount * classCount <= ColumnCheckContext.maxCountCells else { return nil }
        var score: Double
        let threshold: Double, label: String
        if target.isClassification {
            score = SingleFeatureScore.classificationAUC(
                bins: feature.bins, binCount: feature.binCount, classes: target.classes,
                classCount: target.classNames.count, folds: folds, foldCount: foldCount)
            threshold = options.leakageAUCThreshold
            label = target.classNames.count > 2 ? "one-vs-rest macro AUC" : "AUC"
            // Quantile bins blur a clean threshold (one bin can straddle it, costing up to half a bin's
            // share of AUC), so a binary target also gets the rank AUC of the raw values, in the better
            // direction. Choosing one sign cannot overfit, so it needs no folds. It is only worth its
            // sort when the binned score is already close: 32 quantile bins lose far less than 0.1.
            if target.classNames.count == 2, !feature.binsAreLevels, feature.missingCount == 0,
               score >= options.leakageAUCThreshold - 0.1, let x = feature.numericValues {
                let raw = (try? ClassificationMetrics.rocAUC(isPositive: target.classes.map { $0 == 1 }, scores: x)) ?? .nan
                if !raw.isNaN { score = max(score.isNaN ? 0 : score, max(raw, 1 - raw)) }
            }
        } else {
            score = SingleFeatureScore.regressionR2(
                bins: feature.bins, binCount: feature.binCount, values: target.values, folds: folds,
                foldCount: foldCount)
            threshold = options.leakageR2Threshold
            label = "R²"
        }
        guard !score.isNaN, score >= threshold else { return nil }
        let hint = DataWarning.dropHint(name)
        return DataWarning(
            kind: .leakingColumn, severity: options.leakageSeverity, column: name, score: score,
            message: "Column '\(name)' alone predicts '\(targetName)' with a cross-validated \(label) of "
                + "\(DataChecks.formatScore(score)) (\(foldCount)-fold, one-column model; threshold "
                + "\(DataChecks.formatScore(threshold))). That is too good to be true: it almost certainly leaks the "
                + "target. If '\(name)' is not known when you predict, drop it with \(hint).",
            hint: hint)
    }
}

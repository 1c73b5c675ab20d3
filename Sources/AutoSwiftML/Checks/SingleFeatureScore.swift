import MLCore
import MLModels

// The single-feature leakage model and its cross-validated score.
//
// IN:  bins[r] in 0..<binCount (one feature, binned), folds[r] in 0..<foldCount, and the target
//      (class indices or values) per row.
// OUT: the out-of-fold score of a per-bin model fitted on the other folds: class frequencies per bin
//      (AUC; one-vs-rest macro for three or more classes) or target means per bin (R²), scored on each
//      validation fold and averaged over folds. A bin with no training rows — an unseen level —
//      predicts the training folds' overall frequency or mean.
//
// The per-fold models never look at their validation rows: training statistics of fold f are the
// column totals minus fold f's own. Every out-of-fold score is therefore determined by the
// (fold, bin) group of the row, so the AUC is computed over at most foldCount × binCount groups.
//
// Complexity: O(n + F·B·K + G log G) for n rows, F folds, B bins, K classes, G non-empty groups.
enum SingleFeatureScore {
    /// Cross-validated AUC of the per-bin class-frequency model: per validation fold, the binary AUC
    /// of the second class for two classes or the unweighted mean of one-vs-rest AUCs for more; then
    /// the mean over folds. NaN when no fold can be scored.
    static func classificationAUC(bins: [Int32], binCount: Int, classes: [Int32], classCount: Int,
                                  folds: [UInt8], foldCount: Int) -> Double {
        let n = bins.count
        let k = classCount, groupCount = foldCount * binCount
        // counts[(f * binCount + b) * k + c]
        var counts = [Double](repeating: 0, count: groupCount * k)
        counts.withUnsafeMutableBufferPointer { cnt in
            bins.withUnsafeBufferPointer { bp in
                classes.withUnsafeBufferPointer { cp in
                    folds.withUnsafeBufferPointer { fp in
                        for r in 0..<n {
                            let g = Int(fp[r]) &* binCount &+ Int(bp[r])
                            cnt[g &* k &+ Int(cp[r])] += 1
                        }
                    }
                }
            }
        }
        var binTotals = [Double](repeating: 0, count: binCount * k)     // over all folds
        var foldTotals = [Double](repeating: 0, count: foldCount * k)   // over all bins
        for f in 0..<foldCount {
            for b in 0..<binCount {
                let g = f * binCount + b
                for c in 0..<k {
                    binTotals[b * k + c] += counts[g * k + c]
                    foldTotals[f * k + c] += counts[g * k + c]
                }
            }
        }
        var classTotals = [Double](repeating: 0, count: k)
        for f in 0..<foldCount { for c in 0..<k { classTotals[c] += foldTotals[f * k + c] } }

        // Out-of-fold probability of each class for each (fold, bin) group.
        var groupScores = [Double](repeating: 0, count: groupCount * k)
        var groupSizes = [Double](repeating: 0, count: groupCount)
        for f in 0..<foldCount {
            var trainAll = 0.0
            for c in 0..<k { trainAll += classTotals[c] - foldTotals[f * k + c] }
            for b in 0..<binCount {
                let g = f * binCount + b
                var size = 0.0, trainBin = 0.0
                for c in 0..<k {
                    size += counts[g * k + c]
                    trainBin += binTotals[b * k + c] - counts[g * k + c]
                }
                groupSizes[g] = size
                if size == 0 { continue }
                for c in 0..<k {
                    let score: Double
                    if trainBin > 0 {
                        score = (binTotals[b * k + c] - counts[g * k + c]) / trainBin
                    } else {
                        score = trainAll > 0 ? (classTotals[c] - foldTotals[f * k + c]) / trainAll : 0
                    }
                    groupScores[g * k + c] = score
                }
            }
        }

        // Score each validation fold on its own, then average over folds (as cross_val_score does).
        // Pooling the folds would compare scores from different fold models, and those are biased
        // against their own validation rows (a fold rich in positives trains on fewer of them).
        let scoredClasses = k == 2 ? [1] : Array(0..<k)
        var foldSum = 0.0, foldsUsed = 0
        var scores: [Double] = [], positives: [Double] = [], negatives: [Double] = []
        for f in 0..<foldCount {
            var sum = 0.0, used = 0
            for c in scoredClasses {
                scores.removeAll(keepingCapacity: true)
                positives.removeAll(keepingCapacity: true)
                negatives.removeAll(keepingCapacity: true)
                for b in 0..<binCount {
                    let g = f * binCount + b
                    guard groupSizes[g] > 0 else { continue }
                    let p = counts[g * k + c]
                    scores.append(groupScores[g * k + c])
                    positives.append(p)
                    negatives.append(groupSizes[g] - p)
                }
                let auc = groupedAUC(scores: scores, positives: positives, negatives: negatives)
                if !auc.isNaN {
                    sum += auc
                    used += 1
                }
            }
            if used > 0 {
                foldSum += sum / Double(used)
                foldsUsed += 1
            }
        }
        return foldsUsed > 0 ? foldSum / Double(foldsUsed) : .nan
    }

    /// Cross-validated R² of the per-bin target-mean model: R² on each validation fold of two rows or
    /// more, averaged over folds. NaN when no fold has two rows.
    static func regressionR2(bins: [Int32], binCount: Int, values: [Double], folds: [UInt8], foldCount: Int) -> Double {
        let n = bins.count
        let groupCount = foldCount * binCount
        var sums = [Double](repeating: 0, count: groupCount)
        var counts = [Double](repeating: 0, count: groupCount)
        bins.withUnsafeBufferPointer { bp in
            values.withUnsafeBufferPointer { vp in
                folds.withUnsafeBufferPointer { fp in
                    for r in 0..<n {
                        let g = Int(fp[r]) &* binCount &+ Int(bp[r])
                        sums[g] += vp[r]
                        counts[g] += 1
                    }
                }
            }
        }
        var binSums = [Double](repeating: 0, count: binCount), binCounts = [Double](repeating: 0, count: binCount)
        var foldSums = [Double](repeating: 0, count: foldCount), foldCounts = [Double](repeating: 0, count: foldCount)
        for f in 0..<foldCount {
            for b in 0..<binCount {
                let g = f * binCount + b
                binSums[b] += sums[g]
                binCounts[b] += counts[g]
                foldSums[f] += sums[g]
                foldCounts[f] += counts[g]
            }
        }
        var totalSum = 0.0, totalCount = 0.0
        for f in 0..<foldCount {
            totalSum += foldSums[f]
            totalCount += foldCounts[f]
        }
        var predictions = [Double](repeating: 0, count: groupCount)
        for f in 0..<foldCount {
            let trainCount = totalCount - foldCounts[f]
            let trainMean = trainCount > 0 ? (totalSum - foldSums[f]) / trainCount : 0
            for b in 0..<binCount {
                let g = f * binCount + b
                let c = binCounts[b] - counts[g]
                predictions[g] = c > 0 ? (binSums[b] - sums[g]) / c : trainMean
            }
        }
        // R² per validation fold (around the fold's own mean, as r2_score does), averaged over folds.
        var residual = [Double](repeating: 0, count: foldCount), spread = [Double](repeating: 0, count: foldCount)
        var foldMeans = [Double](repeating: 0, count: foldCount)
        for f in 0..<foldCount where foldCounts[f] > 0 { foldMeans[f] = foldSums[f] / foldCounts[f] }
        bins.withUnsafeBufferPointer { bp in
            values.withUnsafeBufferPointer { vp in
                folds.withUnsafeBufferPointer { fp in
                    for r in 0..<n {
                        let f = Int(fp[r])
                        let d = vp[r] - predictions[f &* binCount &+ Int(bp[r])]
                        let m = vp[r] - foldMeans[f]
                        residual[f] += d * d
                        spread[f] += m * m
                    }
                }
            }
        }
        var sum = 0.0, used = 0
        for f in 0..<foldCount where foldCounts[f] >= 2 {
            sum += spread[f] > 0 ? 1 - residual[f] / spread[f] : (residual[f] == 0 ? 1 : 0)
            used += 1
        }
        return used > 0 ? sum / Double(used) : .nan
    }

    /// The binary ROC AUC of groups of rows sharing a score: `positives[g]` and `negatives[g]` rows
    /// score `scores[g]`. Equals `ClassificationMetrics.rocAUC` on the rows spelled out (ties count
    /// half). NaN when either class is empty.
    /// - Complexity: O(G log G).
    static func groupedAUC(scores: [Double], positives: [Double], negatives: [Double]) -> Double {
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] < scores[$1] : $0 < $1 }
        var negativeBelow = 0.0, area = 0.0, positiveTotal = 0.0
        var i = 0
        while i < order.count {
            let s = scores[order[i]]
            var groupPositive = 0.0, groupNegative = 0.0
            while i < order.count && scores[order[i]] == s {
                groupPositive += positives[order[i]]
                groupNegative += negatives[order[i]]
                i += 1
            }
            area += groupPositive * (negativeBelow + 0.5 * groupNegative)
            negativeBelow += groupNegative
            positiveTotal += groupPositive
        }
        let denominator = positiveTotal * negativeBelow
        return denominator > 0 ? area / denominator : .nan
    }
}

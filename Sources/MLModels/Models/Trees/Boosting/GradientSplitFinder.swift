/// The best split of one node on one feature, found from its gradient histogram.
struct SplitCandidate: Sendable {
    /// `score(left) + score(right)`; `-infinity` when no valid split exists.
    var gain: Double = -.infinity
    /// The split feature (-1 when none).
    var feature: Int = -1
    /// Bins `<= bin` go left.
    var bin: Int = 0
    /// Whether the missing bin goes left.
    var missingGoesLeft = false
    /// Left child's count, gradient sum, hessian sum.
    var leftCount = 0.0, leftGradient = 0.0, leftHessian = 0.0

    /// True when `self` is better than `other` (ties keep `other`, the earlier candidate).
    func isBetter(than other: SplitCandidate) -> Bool { gain > other.gain }
}

/// Parameters of the gradient split search (LightGBM's names in comments).
struct GradientSplitParameters: Sendable {
    /// L2 regularisation of leaf values (`lambda_l2`).
    var lambda: Double
    /// L1 regularisation of leaf values (`lambda_l1`): gradient sums are shrunk towards zero by it.
    var alpha: Double = 0
    /// Minimum rows per child (`min_data_in_leaf`).
    var minCount: Double
    /// Minimum hessian sum per child (`min_sum_hessian_in_leaf`).
    var minHessian: Double
}

/// The split-finding kernel of gradient boosting: scans one feature's histogram
/// (`[count, gradient, hessian]` per bin, the missing bin last) for the threshold maximising
/// `T(G_L)²/(H_L+λ) + T(G_R)²/(H_R+λ)`, where `T(G) = sign(G)·max(0, |G| − α)` is LightGBM's
/// `ThresholdL1` (the identity when α = 0).
///
/// Missing values are learned, as in LightGBM: one pass sends the missing bin right, a second
/// (only when there are missing rows) sends it left; "all values left, missing right" is also a
/// candidate.
enum GradientSplitFinder {
    /// LightGBM's `ThresholdL1`: `sign(g)·max(0, |g| − alpha)`, the gradient sum after L1 shrinkage.
    @inline(__always)
    static func thresholdL1(_ g: Double, _ alpha: Double) -> Double {
        let shrunk = Swift.max(0, Swift.abs(g) - alpha)
        return g > 0 ? shrunk : (g < 0 ? -shrunk : 0)
    }

    /// LightGBM's leaf score (`GetLeafGain` without max_delta_step or path smoothing):
    /// `T(G)² / (H + λ)` with `T = thresholdL1`.
    @inline(__always)
    static func score(_ g: Double, _ h: Double, _ p: GradientSplitParameters) -> Double {
        let t = thresholdL1(g, p.alpha)
        return t * t / (h + p.lambda)
    }

    /// LightGBM's leaf output before shrinkage (`CalculateSplittedLeafOutput` without
    /// max_delta_step or path smoothing): `−T(G) / (H + λ)`, 0 when `H + λ` is not positive.
    @inline(__always)
    static func leafOutput(_ g: Double, _ h: Double, _ p: GradientSplitParameters) -> Double {
        let d = h + p.lambda
        return d > 0 ? -thresholdL1(g, p.alpha) / d : 0
    }

    /// The best split of `feature` from its histogram `hist` of `valueBins + 1` bins.
    /// - Complexity: O(valueBins).
    static func bestSplit(hist: UnsafePointer<Double>, valueBins: Int, feature: Int,
                          totalCount: Double, totalGradient: Double, totalHessian: Double,
                          parameters p: GradientSplitParameters) -> SplitCandidate {
        var best = SplitCandidate()
        let m = valueBins &* 3
        let missCount = hist[m], missG = hist[m &+ 1], missH = hist[m &+ 2]
        let hasMissing = missCount > 0
        for pass in 0..<(hasMissing ? 2 : 1) {
            let missingLeft = pass == 1
            var lc = missingLeft ? missCount : 0
            var lg = missingLeft ? missG : 0
            var lh = missingLeft ? missH : 0
            let lastBin = (hasMissing && !missingLeft) ? valueBins : valueBins &- 1
            var b = 0
            while b < lastBin {
                let o = b &* 3
                lc += hist[o]; lg += hist[o &+ 1]; lh += hist[o &+ 2]
                b &+= 1
                if hist[o] == 0 { continue }  // same partition as the previous bin
                let rc = totalCount - lc, rh = totalHessian - lh
                if lc < p.minCount || lh < p.minHessian { continue }
                if rc < p.minCount || rh < p.minHessian { break }
                let rg = totalGradient - lg
                let gain = score(lg, lh, p) + score(rg, rh, p)
                if gain > best.gain {
                    best.gain = gain; best.feature = feature; best.bin = b &- 1
                    best.missingGoesLeft = missingLeft
                    best.leftCount = lc; best.leftGradient = lg; best.leftHessian = lh
                }
            }
        }
        return best
    }
}

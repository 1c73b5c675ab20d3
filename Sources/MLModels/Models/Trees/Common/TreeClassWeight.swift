/// Per-class weights of the CART classifiers (scikit-learn's `class_weight`), multiplied into the
/// sample weights. JSON: `"none"`, `"balanced"`, `"balanced_subsample"`.
///
/// As in scikit-learn 1.9, the decision tree counts `n_c` in rows while the forests count it in
/// sample weight. With bootstrap, `.balancedSubsample` computes `n / (k × n_c)` from each tree's
/// draws (repeats counted, `k` the classes drawn) and multiplies it with the draw counts and the
/// sample weights (scikit-learn 1.9 instead draws rows in proportion to the sample weights).
public enum TreeClassWeight: String, Codable, Sendable, Hashable, CaseIterable {
    /// Every class weighs 1 (scikit-learn's `None`).
    case none
    /// Class `c` weighs `n / (k × n_c)` over the training rows, `k` the classes present
    /// (scikit-learn's `"balanced"`).
    case balanced
    /// Forests only: `"balanced"` recomputed on each tree's bootstrap sample (counting repeats);
    /// without bootstrap it is `"balanced"`, as in scikit-learn.
    case balancedSubsample = "balanced_subsample"
}

/// How `fitCARTEnsemble` turns class weights into row weights.
enum CARTClassWeighting: Sendable {
    /// Row weights as given.
    case none
    /// `n / (k × n_c)` once over all rows; with `weightedCounts` `n` and `n_c` are sums of the
    /// sample weights (scikit-learn's forests), else row counts (its decision tree).
    case balanced(weightedCounts: Bool)
    /// `n / (k × n_c)` per tree over its bootstrap draws (row counts, repeats included).
    case balancedPerBootstrap

    /// The balanced factor per class: `Σ count / (k × count_c)` over the classes with at least
    /// one row (`hasRows`), 0 for the others (they have no weight to scale).
    static func balancedFactors(counts: [Double], hasRows: [Bool]) -> [Double] {
        let present = hasRows.filter { $0 }.count
        var total = 0.0
        for c in counts { total += c }
        return counts.indices.map { c in
            hasRows[c] && counts[c] > 0 ? total / (Double(present) * counts[c]) : 0
        }
    }
}

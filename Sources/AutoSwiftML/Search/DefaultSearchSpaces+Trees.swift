import MLCore
import MLModels

// Default search spaces of the Trees family. The tree models arrive on another branch; add one
// entry per registry entry here, with the space as an extension of the estimator, following
// PyCaret's tune_distributions:
//   dt:  max_depth ~ IntU(1, 0.85 × features), max_features ~ IntU(1, features), min_samples_leaf ~ IntU(2, 6),
//        criterion ∈ {gini, entropy}
//   rf:  n_estimators ~ IntU(10, 1000), max_depth ~ IntU(10, 110), min_impurity_decrease ~ U(0, 0.1),
//        min_samples_split ~ IntU(2, 10), min_samples_leaf ~ IntU(1, 5), ccp_alpha ~ U(0, 0.01),
//        max_features ∈ {1.0, sqrt, log2}, bootstrap ∈ {true, false}, criterion ∈ {gini, entropy}
//   et:  n_estimators ~ IntU(10, 200), max_depth ~ IntU(10, 110), min_samples_split ~ IntU(2, 10),
//        min_samples_leaf ~ IntU(1, 5), criterion, max_features, bootstrap as rf
//   ada: n_estimators ~ IntU(10, 200), learning_rate ~ U(0, 1) (from a positive bound if it must be > 0)
//   gbc: n_estimators ~ IntU(10, 200), learning_rate ~ U(0, 1), subsample ~ U(0.1, 1),
//        min_samples_split ~ IntU(2, 10), min_samples_leaf ~ IntU(1, 5), max_depth ~ IntU(10, 110)
// for example:
//   (.classification, "dt", { DecisionTreeClassifier.defaultSearchSpace.erased() }),

extension DefaultSearchSpaces {
    /// The Trees family's entries, by registry kind and ID (none yet).
    static let treeSpaces: [Entry] = []
}

import MLCore
import MLModels

// Default search spaces of the Linear family (PyCaret's tune_distributions).

extension DefaultSearchSpaces {
    /// The Linear family's entries, by registry kind and ID.
    static let linearSpaces: [Entry] = [
        (.classification, "lr", { LogisticRegression.defaultSearchSpace.erased() }),
        (.classification, "ridge", { RidgeClassifier.defaultSearchSpace.erased() }),
        (.classification, "svm", { LinearSVMClassifier.defaultSearchSpace.erased() }),
        (.regression, "lr", { LinearRegression.defaultSearchSpace.erased() }),
        (.regression, "ridge", { Ridge.defaultSearchSpace.erased() }),
        (.regression, "lasso", { Lasso.defaultSearchSpace.erased() }),
        (.regression, "en", { ElasticNet.defaultSearchSpace.erased() }),
        (.regression, "br", { BayesianRidge.defaultSearchSpace.erased() }),
        (.regression, "huber", { HuberRegressor.defaultSearchSpace.erased() }),
        (.regression, "lar", { Lars.defaultSearchSpace.erased() }),
        (.regression, "svm", { LinearSVMRegressor.defaultSearchSpace.erased() }),
        (.regression, "llar", { LassoLars.defaultSearchSpace.erased() }),
        (.regression, "omp", { OrthogonalMatchingPursuit.defaultSearchSpace.erased() }),
        (.regression, "ard", { ARDRegression.defaultSearchSpace.erased() }),
        (.regression, "ransac", { RANSACRegressor.defaultSearchSpace.erased() }),
        (.regression, "tr", { TheilSenRegressor.defaultSearchSpace.erased() }),
    ]
}

extension LogisticRegression {
    /// PyCaret: `C ~ U(0.001, 10)`, `class_weight ∈ {balanced, {}}` (here `none`). Here `penalty ∈
    /// {l2, none}` is searched too, and `c` only when there is a penalty (PyCaret keeps l2).
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .categorical("penalty", \.penalty, [.l2, .none]),
            SearchDimension.uniform("c", \.c, 0.001...10).when("penalty", is: "l1", "l2"),
            .categorical("classWeight", \.classWeight, [.balanced, .none]),
        ], available: [
            .boolean("fitsIntercept", \.fitsIntercept),
            .integer("maxIterations", \.maxIterations, 100...1000),
            .logUniform("tolerance", \.tolerance, 1e-6...1e-2),
        ])
    }
}

extension RidgeClassifier {
    /// PyCaret: `alpha ~ U(0.001, 10)`, `fit_intercept ∈ {true, false}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("alpha", \.alpha, 0.001...10), .boolean("fitsIntercept", \.fitsIntercept)])
    }
}

extension LinearSVMClassifier {
    /// PyCaret (`SGDClassifier`): `alpha ~ logU(1e-10, 0.9999999999)`, `fit_intercept ∈ {true,
    /// false}`. PyCaret's `penalty`, `l1_ratio`, `learning_rate` and `eta0` are not searched: this
    /// model solves the L2 hinge objective exactly, with no SGD schedule.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.logUniform("alpha", \.alpha, 0.0000000001...0.9999999999), .boolean("fitsIntercept", \.fitsIntercept)],
                    available: [.logUniform("tolerance", \.tolerance, 1e-6...1e-2)])
    }
}

extension LinearRegression {
    /// PyCaret: `fit_intercept ∈ {true, false}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.boolean("fitsIntercept", \.fitsIntercept)])
    }
}

extension Ridge {
    /// PyCaret: `alpha ~ U(0.001, 10)`, `fit_intercept ∈ {true, false}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("alpha", \.alpha, 0.001...10), .boolean("fitsIntercept", \.fitsIntercept)])
    }
}

extension Lasso {
    /// PyCaret: `alpha ~ U(0.001, 10)`, `fit_intercept ∈ {true, false}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("alpha", \.alpha, 0.001...10), .boolean("fitsIntercept", \.fitsIntercept)],
                    available: [.integer("maxIterations", \.maxIterations, 100...5000)])
    }
}

extension ElasticNet {
    /// PyCaret: `alpha ~ U(0, 1)`, `l1_ratio ~ U(0.01, 0.9999999999)`, `fit_intercept ∈ {true, false}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("alpha", \.alpha, 0...1), .uniform("l1Ratio", \.l1Ratio, 0.01...0.9999999999),
                     .boolean("fitsIntercept", \.fitsIntercept)],
                    available: [.integer("maxIterations", \.maxIterations, 100...5000)])
    }
}

extension BayesianRidge {
    /// PyCaret: `alpha_1, alpha_2, lambda_1, lambda_2 ~ logU(1e-10, 0.9999999999)`, `fit_intercept`;
    /// PyCaret's `compute_score` only records the evidence and is not searched.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .logUniform("alpha1", \.alpha1, 0.0000000001...0.9999999999),
            .logUniform("alpha2", \.alpha2, 0.0000000001...0.9999999999),
            .logUniform("lambda1", \.lambda1, 0.0000000001...0.9999999999),
            .logUniform("lambda2", \.lambda2, 0.0000000001...0.9999999999),
            .boolean("fitsIntercept", \.fitsIntercept),
        ])
    }
}

extension HuberRegressor {
    /// PyCaret: `epsilon ~ U(1, 2)`, `alpha ~ U(1e-10, 0.9999999999)`, `fit_intercept`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("epsilon", \.epsilon, 1...2),
                     .uniform("alpha", \.alpha, 0.0000000001...0.9999999999),
                     .boolean("fitsIntercept", \.fitsIntercept)])
    }
}

extension Lars {
    /// PyCaret: `eps ~ U(1e-5, 0.1)`, `fit_intercept`. `eps` (scikit-learn's regularisation of
    /// the Cholesky diagonal) does not exist in this LARS, so the active-set size
    /// (`n_nonzero_coefs`) ~ IntU(1, 100) is searched in its place.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.integer("nonzeroCoefficients", \.nonzeroCoefficients, 1...100),
                     .boolean("fitsIntercept", \.fitsIntercept)])
    }
}

extension LinearSVMRegressor {
    /// PyCaret (SVR): `C ~ U(0, 10)` (from 0.001: C must be positive), `epsilon ~ U(1, 2)`;
    /// PyCaret's `shrinking` (a libsvm speed heuristic) does not apply to this solver.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("c", \.c, 0.001...10), .uniform("epsilon", \.epsilon, 1...2)],
                    available: [.boolean("fitsIntercept", \.fitsIntercept)])
    }
}

extension LassoLars {
    /// PyCaret: `alpha ~ logU(1e-10, 0.9999999999)`, `eps ~ U(1e-5, 0.1)`, `fit_intercept`; `eps`
    /// (scikit-learn's regularisation of the Cholesky diagonal) does not exist in this LARS.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.logUniform("alpha", \.alpha, 0.0000000001...0.9999999999), .boolean("fitsIntercept", \.fitsIntercept)])
    }
}

extension OrthogonalMatchingPursuit {
    /// PyCaret: `n_nonzero_coefs ~ IntU(1, features)`, `fit_intercept`. Without data the bound is
    /// 10, PyCaret's range on the 10-feature diabetes data; `tune` bounds it by the training part's
    /// feature columns (`DefaultSearchSpaces.space(id:kind:featureCount:)`). A count above the
    /// number of encoded features is capped by the model.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .custom("nonzeroCoefficients", .integer(lower: 1, upper: 10)) { e, v in
                if case let .integer(i) = v { e.nonzeroCoefficients = i }
            },
            .boolean("fitsIntercept", \.fitsIntercept),
        ])
    }
}

extension ARDRegression {
    /// PyCaret: the four Gamma prior parameters ~ logU(1e-10, 0.9999999999),
    /// `threshold_lambda ~ IntU(1000, 100000)` (integers written into the real threshold),
    /// `fit_intercept`; PyCaret's `compute_score` only records the evidence and is not searched.
    public static var defaultSearchSpace: SearchSpace<Self> {
        let prior = 0.0000000001...0.9999999999
        return SearchSpace([
            .logUniform("alpha1", \.alpha1, prior), .logUniform("alpha2", \.alpha2, prior),
            .logUniform("lambda1", \.lambda1, prior), .logUniform("lambda2", \.lambda2, prior),
            .custom("thresholdLambda", .integer(lower: 1000, upper: 100_000)) { e, v in
                if let x = v.number { e.thresholdLambda = x }
            },
            .boolean("fitsIntercept", \.fitsIntercept),
        ])
    }
}

extension RANSACRegressor {
    /// PyCaret: `max_trials ~ IntU(1, 20)`, `stop_probability ~ U(0, 1)`; PyCaret's `min_samples`,
    /// `max_skips`, `stop_n_inliers` and `loss` are not implemented here.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.integer("maxTrials", \.maxTrials, 1...20), .uniform("stopProbability", \.stopProbability, 0...1)])
    }
}

extension TheilSenRegressor {
    /// PyCaret: `fit_intercept` only; the subpopulation size can be searched on request.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.boolean("fitsIntercept", \.fitsIntercept)],
                    available: [.integer("maxSubpopulation", \.maxSubpopulation, 5000...50000)])
    }
}

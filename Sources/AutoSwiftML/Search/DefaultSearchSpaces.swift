import MLCore
import MLModels

// The default search spaces follow PyCaret's `tune_distributions`
// (containers/models/classification.py and regression.py), with categorical grids as categorical
// dimensions. Where PyCaret's lower bound is 0 but the parameter must be positive (`C > 0`), the
// lower bound is 0.001 so that no draw breaks a declared constraint. Each space also lists
// `available` parameters that are not searched unless a domain is given for them.

/// The default search space of every registry entry, keyed by (problem kind, model ID).
public enum DefaultSearchSpaces {
    /// A registry entry's key.
    struct Key: Hashable {
        let kind: ProblemKind
        let id: String
    }

    private static let table: [Key: @Sendable () -> AnySearchSpace] = [
        Key(kind: .classification, id: "lr"): { LogisticRegression.defaultSearchSpace.erased() },
        Key(kind: .classification, id: "ridge"): { RidgeClassifier.defaultSearchSpace.erased() },
        Key(kind: .classification, id: "svm"): { LinearSVMClassifier.defaultSearchSpace.erased() },
        Key(kind: .classification, id: "nb"): { GaussianNaiveBayes.defaultSearchSpace.erased() },
        Key(kind: .classification, id: "lda"): { LinearDiscriminantAnalysis.defaultSearchSpace.erased() },
        Key(kind: .classification, id: "qda"): { QuadraticDiscriminantAnalysis.defaultSearchSpace.erased() },
        Key(kind: .classification, id: "knn"): { KNeighborsClassifier.defaultSearchSpace.erased() },
        Key(kind: .classification, id: "rbfsvm"): { SVC.defaultSearchSpace.erased() },
        Key(kind: .classification, id: "mlp"): { MLPClassifier.defaultSearchSpace.erased() },
        Key(kind: .classification, id: "dummy"): { DummyClassifier.defaultSearchSpace.erased() },
        Key(kind: .regression, id: "lr"): { LinearRegression.defaultSearchSpace.erased() },
        Key(kind: .regression, id: "ridge"): { Ridge.defaultSearchSpace.erased() },
        Key(kind: .regression, id: "lasso"): { Lasso.defaultSearchSpace.erased() },
        Key(kind: .regression, id: "en"): { ElasticNet.defaultSearchSpace.erased() },
        Key(kind: .regression, id: "br"): { BayesianRidge.defaultSearchSpace.erased() },
        Key(kind: .regression, id: "huber"): { HuberRegressor.defaultSearchSpace.erased() },
        Key(kind: .regression, id: "lar"): { Lars.defaultSearchSpace.erased() },
        Key(kind: .regression, id: "svm"): { LinearSVMRegressor.defaultSearchSpace.erased() },
        Key(kind: .regression, id: "knn"): { KNeighborsRegressor.defaultSearchSpace.erased() },
        Key(kind: .regression, id: "mlp"): { MLPRegressor.defaultSearchSpace.erased() },
        Key(kind: .regression, id: "dummy"): { DummyRegressor.defaultSearchSpace.erased() },
    ]

    /// The default space of the registry entry (`kind`, `id`), or `nil` when none is declared
    /// (for example a model family added later without a space).
    public static func space(id: String, kind: ProblemKind) -> AnySearchSpace? {
        table[Key(kind: kind, id: id)]?()
    }

    /// The default space of a registry entry.
    public static func space(for spec: ModelSpec) -> AnySearchSpace? { space(id: spec.id, kind: spec.kind) }
}

extension LogisticRegression {
    /// PyCaret: `C ~ U(0, 10)`, `penalty ∈ {l2, none}`, `class_weight ∈ {balanced, none}`; `c` is
    /// searched only when there is a penalty.
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
    /// PyCaret: `alpha ~ U(1e-10, 1)`, `fit_intercept ∈ {true, false}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("alpha", \.alpha, 0.0000000001...0.9999999999), .boolean("fitsIntercept", \.fitsIntercept)])
    }
}

extension LinearSVMClassifier {
    /// PyCaret (SGD linear SVM): `alpha ~ U(1e-10, 1)`, `fit_intercept ∈ {true, false}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("alpha", \.alpha, 0.0000000001...0.9999999999), .boolean("fitsIntercept", \.fitsIntercept)],
                    available: [.logUniform("tolerance", \.tolerance, 1e-6...1e-2)])
    }
}

extension GaussianNaiveBayes {
    /// PyCaret: `var_smoothing ~ logU(1e-9, 1)`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.logUniform("varSmoothing", \.varSmoothing, 1e-9...1)])
    }
}

extension LinearDiscriminantAnalysis {
    /// PyCaret: `solver ∈ {lsqr, eigen}` (here `svd`, `eigen`), `shrinkage ~ logU(1e-4, 1)`,
    /// searched only with the eigen solver (the SVD solver takes no shrinkage).
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .categorical("solver", \.solver, [.svd, .eigen]),
            SearchDimension.real("shrinkage", \.shrinkage, .logUniform(lower: 0.0001, upper: 1)).when("solver", is: "eigen"),
        ])
    }
}

extension QuadraticDiscriminantAnalysis {
    /// PyCaret: `reg_param ~ U(0, 1)`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("regParam", \.regParam, 0...1)])
    }
}

extension KNeighborsClassifier {
    /// PyCaret: `n_neighbors ~ IntU(1, 51)`, `weights ∈ {uniform, distance}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.integer("neighborCount", \.neighborCount, 1...51),
                     .categorical("weighting", \.weighting, NeighborWeighting.allCases)])
    }
}

extension KNeighborsRegressor {
    /// PyCaret: `n_neighbors ~ IntU(1, 51)`, `weights ∈ {uniform, distance}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.integer("neighborCount", \.neighborCount, 1...51),
                     .categorical("weighting", \.weighting, NeighborWeighting.allCases)])
    }
}

extension SVC {
    /// PyCaret: `C ~ U(0, 50)` (from 0.001 here: C must be positive).
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("c", \.c, 0.001...50)],
                    available: [.custom("gamma", .logUniform(lower: 1e-4, upper: 10)) { e, v in
                        if let g = v.number { e.gamma = .value(g) }
                    }])
    }
}

/// The hidden layer dimensions of PyCaret's tunable MLP: layer 1 ~ IntU(50, 100), layers 2 and 3
/// ~ IntU(0, 100), where 0 means "no such layer" (a third layer needs a second one).
private func hiddenLayerDimension<E: Estimator>(_ layer: Int, _ path: WritableKeyPath<E, [Int]> & Sendable,
                                                range: ClosedRange<Int>) -> SearchDimension<E> {
    .custom("hiddenLayer\(layer + 1)", .integer(lower: range.lowerBound, upper: range.upperBound)) { e, v in
        guard case let .integer(size) = v else { return }
        var sizes = e[keyPath: path]
        if layer == 0 {
            sizes = [size]
        } else if size > 0, sizes.count == layer {
            sizes.append(size)
        }
        e[keyPath: path] = sizes
    }
}

extension MLPClassifier {
    /// PyCaret: `alpha ~ U(0, 1)`, hidden layers (50–100, 0–100, 0–100), activation.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .uniform("alpha", \.alpha, 0...1),
            hiddenLayerDimension(0, \.hiddenLayerSizes, range: 50...100),
            hiddenLayerDimension(1, \.hiddenLayerSizes, range: 0...100),
            hiddenLayerDimension(2, \.hiddenLayerSizes, range: 0...100),
            .categorical("activation", \.activation, [.tanh, .identity, .logistic, .relu]),
        ], available: [.logUniform("learningRate", \.learningRate, 1e-4...1e-1)])
    }
}

extension MLPRegressor {
    /// PyCaret: `alpha ~ U(0, 1)`, hidden layers (50–100, 0–100, 0–100), activation.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .uniform("alpha", \.alpha, 0...1),
            hiddenLayerDimension(0, \.hiddenLayerSizes, range: 50...100),
            hiddenLayerDimension(1, \.hiddenLayerSizes, range: 0...100),
            hiddenLayerDimension(2, \.hiddenLayerSizes, range: 0...100),
            .categorical("activation", \.activation, [.tanh, .identity, .logistic, .relu]),
        ], available: [.logUniform("learningRate", \.learningRate, 1e-4...1e-1)])
    }
}

extension DummyClassifier {
    /// PyCaret does not tune the dummy model; here its strategy is searchable.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.categorical("strategy", \.strategy, Strategy.allCases)])
    }
}

extension DummyRegressor {
    /// PyCaret does not tune the dummy model; here mean or median is searchable.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.categorical("strategy", \.strategy, [.mean, .median])])
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
    /// PyCaret: `alpha ~ U(0, 1)`, `l1_ratio ~ U(0.01, 1)`, `fit_intercept ∈ {true, false}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("alpha", \.alpha, 0...1), .uniform("l1Ratio", \.l1Ratio, 0.01...0.9999999999),
                     .boolean("fitsIntercept", \.fitsIntercept)],
                    available: [.integer("maxIterations", \.maxIterations, 100...5000)])
    }
}

extension BayesianRidge {
    /// PyCaret: `alpha_1, alpha_2, lambda_1, lambda_2 ~ logU(1e-10, 1)`, `fit_intercept`.
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
    /// PyCaret: `epsilon ~ U(1, 2)`, `alpha ~ logU(1e-10, 1)`, `fit_intercept`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("epsilon", \.epsilon, 1...2),
                     .logUniform("alpha", \.alpha, 0.0000000001...0.9999999999),
                     .boolean("fitsIntercept", \.fitsIntercept)])
    }
}

extension Lars {
    /// PyCaret tunes `eps`, which this Lars does not have; here the active-set size and
    /// `fit_intercept` are searched.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.integer("nonzeroCoefficients", \.nonzeroCoefficients, 1...100),
                     .boolean("fitsIntercept", \.fitsIntercept)])
    }
}

extension LinearSVMRegressor {
    /// PyCaret (SVR): `C ~ U(0, 10)` (from 0.001: C must be positive), `epsilon ~ U(1, 2)`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("c", \.c, 0.001...10), .uniform("epsilon", \.epsilon, 1...2)],
                    available: [.boolean("fitsIntercept", \.fitsIntercept)])
    }
}

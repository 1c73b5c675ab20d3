import MLCore
import MLModels

// Default search spaces of the Classic family (PyCaret's tune_distributions).

extension GaussianNaiveBayes {
    /// PyCaret: `var_smoothing ~ logU(1e-9, 1)`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.logUniform("varSmoothing", \.varSmoothing, 1e-9...1)])
    }
}

extension LinearDiscriminantAnalysis {
    /// PyCaret: `solver ∈ {lsqr, eigen}`, `shrinkage ~ logU(1e-4, 1)` (both solvers take shrinkage;
    /// the default SVD solver, which takes none, is not searched).
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .categorical("solver", \.solver, [.lsqr, .eigen]),
            .custom("shrinkage", .logUniform(lower: 0.0001, upper: 1)) { e, v in
                if let x = v.number { e.shrinkage = .fixed(x) }
            },
        ])
    }
}

extension QuadraticDiscriminantAnalysis {
    /// PyCaret: `reg_param ~ U(0, 1)`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("regParam", \.regParam, 0...1)])
    }
}

/// `metric ∈ {minkowski, euclidean, manhattan}`, PyCaret's labels: "minkowski" is scikit-learn's
/// default with p = 2, the Euclidean distance, so two of the three labels draw it, as in PyCaret.
private func neighborMetricDimension<E: Estimator>(_ path: WritableKeyPath<E, NeighborMetric> & Sendable) -> SearchDimension<E> {
    .categorical("metric", path, choices: [("minkowski", NeighborMetric.euclidean), ("euclidean", .euclidean),
                                           ("manhattan", .manhattan)])
}

extension KNeighborsClassifier {
    /// PyCaret: `n_neighbors ~ IntU(1, 51)`, `weights ∈ {uniform, distance}`, `metric ∈
    /// {minkowski, euclidean, manhattan}` (see `neighborMetricDimension`).
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.integer("neighborCount", \.neighborCount, 1...51),
                     .categorical("weighting", \.weighting, NeighborWeighting.allCases),
                     neighborMetricDimension(\.metric)])
    }
}

extension KNeighborsRegressor {
    /// PyCaret: `n_neighbors ~ IntU(1, 51)`, `weights ∈ {uniform, distance}`, `metric ∈
    /// {minkowski, euclidean, manhattan}` (see `neighborMetricDimension`).
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.integer("neighborCount", \.neighborCount, 1...51),
                     .categorical("weighting", \.weighting, NeighborWeighting.allCases),
                     neighborMetricDimension(\.metric)])
    }
}

extension SVC {
    /// PyCaret: `C ~ U(0, 50)` (from 0.001 here: C must be positive), `class_weight ∈ {balanced,
    /// {}}` (here `none`).
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.uniform("c", \.c, 0.001...50), .categorical("classWeight", \.classWeight, [.balanced, .none])],
                    available: [.custom("gamma", .logUniform(lower: 1e-4, upper: 10)) { e, v in
                        if let g = v.number { e.gamma = .value(g) }
                    }])
    }
}

extension DefaultSearchSpaces {
    /// The Classic family's entries, by registry kind and ID.
    static let classicSpaces: [Entry] = [
        (.classification, "nb", { GaussianNaiveBayes.defaultSearchSpace.erased() }),
        (.classification, "lda", { LinearDiscriminantAnalysis.defaultSearchSpace.erased() }),
        (.classification, "qda", { QuadraticDiscriminantAnalysis.defaultSearchSpace.erased() }),
        (.classification, "knn", { KNeighborsClassifier.defaultSearchSpace.erased() }),
        (.classification, "rbfsvm", { SVC.defaultSearchSpace.erased() }),
        (.classification, "mlp", { MLPClassifier.defaultSearchSpace.erased() }),
        (.classification, "gpc", { GaussianProcessClassifier.defaultSearchSpace.erased() }),
        (.regression, "knn", { KNeighborsRegressor.defaultSearchSpace.erased() }),
        (.regression, "mlp", { MLPRegressor.defaultSearchSpace.erased() }),
    ]
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
    /// PyCaret: `alpha ~ logU(1e-10, 0.9999999999)`, hidden layers ~ IntU(50, 100), IntU(0, 100),
    /// IntU(0, 100), `activation ∈ {tanh, identity, logistic, relu}`. PyCaret's `learning_rate ∈
    /// {constant, invscaling, adaptive}` is a schedule that scikit-learn uses only with the SGD
    /// solver; PyCaret's MLP (and this one) trains with Adam, so it is not searched.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .logUniform("alpha", \.alpha, 0.0000000001...0.9999999999),
            hiddenLayerDimension(0, \.hiddenLayerSizes, range: 50...100),
            hiddenLayerDimension(1, \.hiddenLayerSizes, range: 0...100),
            hiddenLayerDimension(2, \.hiddenLayerSizes, range: 0...100),
            .categorical("activation", \.activation, [.tanh, .identity, .logistic, .relu]),
        ], available: [.logUniform("learningRate", \.learningRate, 1e-4...1e-1)])
    }
}

extension MLPRegressor {
    /// PyCaret: `alpha ~ logU(1e-10, 0.9999999999)`, hidden layers ~ IntU(50, 100), IntU(0, 100),
    /// IntU(0, 100), `activation ∈ {tanh, identity, logistic, relu}`. PyCaret's `learning_rate ∈
    /// {constant, invscaling, adaptive}` is a schedule that scikit-learn uses only with the SGD
    /// solver; PyCaret's MLP (and this one) trains with Adam, so it is not searched.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([
            .logUniform("alpha", \.alpha, 0.0000000001...0.9999999999),
            hiddenLayerDimension(0, \.hiddenLayerSizes, range: 50...100),
            hiddenLayerDimension(1, \.hiddenLayerSizes, range: 0...100),
            hiddenLayerDimension(2, \.hiddenLayerSizes, range: 0...100),
            .categorical("activation", \.activation, [.tanh, .identity, .logistic, .relu]),
        ], available: [.logUniform("learningRate", \.learningRate, 1e-4...1e-1)])
    }
}

extension GaussianProcessClassifier {
    /// PyCaret: `max_iter_predict ~ IntU(100, 1000)`; the kernel's length scale is also searchable.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.integer("maxIterationsPredict", \.maxIterationsPredict, 100...1000)],
                    available: [.logUniform("lengthScale", \.lengthScale, 1e-2...1e2)])
    }
}

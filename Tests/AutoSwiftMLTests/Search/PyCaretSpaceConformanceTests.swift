import Foundation
import Testing
import TestSupport
@testable import AutoSwiftML

// Checks every default search space against PyCaret 3.3.2's tune distributions, dumped by
// Fixtures/pycaret_spaces/make_pycaret_spaces.sh into pycaret_3.3.2_spaces.json. For every model
// that has both a PyCaret distribution and one of our default spaces, each PyCaret parameter is
// mapped to our dimension by `pyCaretNames`, and the two must have the same kind (uniform, log,
// int, categorical), the same bounds and the same label set (after `pyCaretLabels`), and ours must
// be unconditional. Every difference must be listed in `spaceDeviations` with its reason; an
// unlisted difference, or a listed one that no longer holds, fails.

/// PyCaret's parameter name → our dimension name.
private let pyCaretNames: [String: String] = [
    // Shared by many models.
    "C": "c", "alpha": "alpha", "fit_intercept": "fitsIntercept", "class_weight": "classWeight",
    "n_estimators": "estimatorCount", "learning_rate": "learningRate", "loss": "loss",
    // Trees.
    "max_depth": "maxDepth", "max_features": "maxFeatures", "min_samples_leaf": "minSamplesLeaf",
    "min_samples_split": "minSamplesSplit", "min_impurity_decrease": "minImpurityDecrease",
    "criterion": "criterion", "bootstrap": "bootstrap",
    // LightGBM.
    "num_leaves": "leafCount", "min_split_gain": "minSplitGain", "reg_alpha": "regAlpha",
    "reg_lambda": "regLambda", "feature_fraction": "featureFraction", "bagging_fraction": "baggingFraction",
    "bagging_freq": "baggingFrequency", "min_child_samples": "minChildSamples",
    // Classic.
    "n_neighbors": "neighborCount", "weights": "weighting", "metric": "metric",
    "var_smoothing": "varSmoothing", "reg_param": "regParam", "shrinkage": "shrinkage", "solver": "solver",
    "max_iter_predict": "maxIterationsPredict", "activation": "activation",
    "hidden_layer_size_0": "hiddenLayer1", "hidden_layer_size_1": "hiddenLayer2", "hidden_layer_size_2": "hiddenLayer3",
    "strategy": "strategy",
    // Linear.
    "l1_ratio": "l1Ratio", "epsilon": "epsilon", "alpha_1": "alpha1", "alpha_2": "alpha2",
    "lambda_1": "lambda1", "lambda_2": "lambda2", "threshold_lambda": "thresholdLambda",
    "n_nonzero_coefs": "nonzeroCoefficients", "max_trials": "maxTrials", "stop_probability": "stopProbability",
]

/// PyCaret's categorical value (as the dumper writes it) → our label. Booleans are already
/// "true"/"false" on both sides; PyCaret's `class_weight` {} (no weights) is our "none".
private let pyCaretLabels: [String: String] = ["{}": "none"]

/// How one of our dimensions departs from PyCaret.
private enum DeviationKind: String {
    /// PyCaret searches the parameter (PyCaret's name); we do not.
    case notSearched
    /// We search the dimension (our name); PyCaret does not.
    case added
    /// Both search it (our name), with another domain or only under a condition.
    case differs
}

/// One listed difference between our default space and PyCaret's.
private struct SpaceDeviation {
    /// "classification" or "regression".
    let task: String
    /// The model ID.
    let model: String
    let kind: DeviationKind
    /// PyCaret's name for `.notSearched`, ours otherwise.
    let parameter: String
    let reason: String

    init(_ task: String, _ model: String, _ kind: DeviationKind, _ parameter: String, _ reason: String) {
        self.task = task
        self.model = model
        self.kind = kind
        self.parameter = parameter
        self.reason = reason
    }
}

private let sgdOnly = "PyCaret's linear SVM is SGDClassifier; ours solves the same L2 hinge objective exactly (Newton on a smoothed hinge, or dual coordinate descent), so it has no SGD step schedule, no initial step and no L1 or elastic-net penalty"
private let positiveC = "lower bound 0.001 instead of PyCaret's 0: C must be positive (a draw of exactly 0 is rejected by scikit-learn too)"
private let adamOnly = "a step-size schedule that scikit-learn applies only with solver='sgd'; PyCaret's MLP and ours train with Adam, so PyCaret's draws change nothing"
private let cholesky = "scikit-learn's 'eps' regularises the Cholesky diagonal of its LARS; our LARS has no such regulariser, so there is nothing to search"
private let computeScore = "'compute_score' only records the log marginal likelihood at each iteration; the fitted model is the same"

/// Every difference between our default spaces and PyCaret 3.3.2's tune distributions, each with
/// its reason. The conformance test fails on a difference missing here and on an entry here that
/// no longer holds.
private let spaceDeviations: [SpaceDeviation] = [
    // Classification.
    .init("classification", "lr", .added, "penalty", "kept to show a conditional dimension: {l2, none}, with c searched only under l2 (PyCaret always uses l2)"),
    .init("classification", "lr", .differs, "c", "searched only while penalty is l2 (an unpenalised fit has no C); its range is PyCaret's"),
    .init("classification", "svm", .notSearched, "penalty", sgdOnly),
    .init("classification", "svm", .notSearched, "l1_ratio", sgdOnly),
    .init("classification", "svm", .notSearched, "learning_rate", sgdOnly),
    .init("classification", "svm", .notSearched, "eta0", sgdOnly),
    .init("classification", "rbfsvm", .differs, "c", positiveC),
    .init("classification", "mlp", .notSearched, "learning_rate", adamOnly),
    .init("classification", "ada", .notSearched, "algorithm", "a single value, SAMME, which is the only algorithm our AdaBoostClassifier implements"),
    // Regression.
    .init("regression", "mlp", .notSearched, "learning_rate", adamOnly),
    .init("regression", "lar", .notSearched, "eps", cholesky),
    .init("regression", "lar", .added, "nonzeroCoefficients", "searched in place of eps: the size of the active set (scikit-learn's n_nonzero_coefs), the knob this LARS has"),
    .init("regression", "llar", .notSearched, "eps", cholesky),
    .init("regression", "br", .notSearched, "compute_score", computeScore),
    .init("regression", "ard", .notSearched, "compute_score", computeScore),
    .init("regression", "ransac", .notSearched, "min_samples", "not implemented: our RANSAC always draws features + 1 rows per trial (scikit-learn's default for a linear model), not a fraction of the rows"),
    .init("regression", "ransac", .notSearched, "max_skips", "not implemented: trials that find no inlier are skipped without a cap (scikit-learn's default max_skips = inf)"),
    .init("regression", "ransac", .notSearched, "stop_n_inliers", "not implemented: there is no inlier-count stop (scikit-learn's default stop_n_inliers = inf)"),
    .init("regression", "ransac", .notSearched, "loss", "not implemented: residuals are absolute (scikit-learn's default absolute_error); squared_error is not available"),
    .init("regression", "svm", .differs, "c", positiveC),
    .init("regression", "svm", .notSearched, "shrinking", "a libsvm speed heuristic that does not change the optimum; our linear SVR is solved by dual coordinate descent, which has no shrinking switch"),
    .init("regression", "dummy", .added, "strategy", "PyCaret tunes nothing on the dummy regressor; mean or median is searched so that tune has a dimension to draw"),
]

/// One parameter of PyCaret's dump.
private struct PyCaretParameter: Decodable {
    let kind: String
    let lower: Double?
    let upper: Double?
    let values: [String]?

    /// The same distribution as our domain, with PyCaret's labels mapped to ours.
    var domain: ParameterDomain? {
        switch kind {
        case "uniform": return lower.flatMap { l in upper.map { .uniform(lower: l, upper: $0) } }
        case "log": return lower.flatMap { l in upper.map { .logUniform(lower: l, upper: $0) } }
        case "int": return lower.flatMap { l in upper.map { .integer(lower: Int(l), upper: Int($0)) } }
        case "categorical": return values.map { .categorical($0.map { pyCaretLabels[$0] ?? $0 }) }
        default: return nil
        }
    }
}

/// The fixture: PyCaret's version and, per task, model ID → parameter name → distribution.
private struct PyCaretSpaces: Decodable {
    let pycaret: String
    let classification: [String: [String: PyCaretParameter]]
    let regression: [String: [String: PyCaretParameter]]

    func models(_ task: String) -> [String: [String: PyCaretParameter]] {
        task == "classification" ? classification : regression
    }

    static func load() throws -> PyCaretSpaces {
        let url = RepositoryPaths.tests.appendingPathComponent("AutoSwiftMLTests/Fixtures/pycaret_spaces/pycaret_3.3.2_spaces.json")
        return try JSONDecoder().decode(PyCaretSpaces.self, from: Data(contentsOf: url))
    }
}

/// Two domains are the same distribution: same kind and bounds, or the same set of labels.
private func sameDistribution(_ a: ParameterDomain, _ b: ParameterDomain) -> Bool {
    if case let .categorical(x) = a, case let .categorical(y) = b { return Set(x) == Set(y) && x.count == y.count }
    return a == b
}

private func task(of kind: ProblemKind) -> String { kind == .regression ? "regression" : "classification" }

@Suite struct PyCaretSpaceConformanceTests {
    @Test func fixtureIsPyCaret332AndEveryRegistryModelIsAPyCaretModel() throws {
        let pycaret = try PyCaretSpaces.load()
        #expect(pycaret.pycaret == "3.3.2")
        for spec in ModelRegistry.all {
            #expect(pycaret.models(task(of: spec.kind))[spec.id] != nil, "PyCaret 3.3.2 has no \(task(of: spec.kind)) model '\(spec.id)'")
        }
    }

    /// Every deviation names a model that has both spaces, and each parameter at most once.
    @Test func deviationTableNamesRealModelsOnce() throws {
        let pycaret = try PyCaretSpaces.load()
        var seen = Set<String>()
        for d in spaceDeviations {
            let key = "\(d.task)/\(d.model)/\(d.kind)/\(d.parameter)"
            #expect(seen.insert(key).inserted, "listed twice: \(key)")
            #expect(!d.reason.isEmpty, "\(key) has no reason")
            let kind: ProblemKind = d.task == "regression" ? .regression : .classification
            #expect(pycaret.models(d.task)[d.model] != nil, "\(key): PyCaret has no such model")
            #expect(DefaultSearchSpaces.space(id: d.model, kind: kind) != nil, "\(key): we have no such space")
        }
    }

    /// Each of our dimensions against PyCaret's, for every model with both.
    @Test(arguments: ModelRegistry.all.map { "\(task(of: $0.kind))/\($0.id)" })
    func defaultSpaceMatchesPyCaret(_ key: String) throws {
        let parts = key.split(separator: "/").map(String.init)
        let (taskName, model) = (parts[0], parts[1])
        let pycaret = try PyCaretSpaces.load()
        guard let theirs = pycaret.models(taskName)[model] else { return }
        let space = try #require(DefaultSearchSpaces.space(id: model, kind: taskName == "regression" ? .regression : .classification))
        let deviations = spaceDeviations.filter { $0.task == taskName && $0.model == model }
        func listed(_ kind: DeviationKind, _ name: String) -> Bool {
            deviations.contains { $0.kind == kind && $0.parameter == name }
        }
        var ours: [String: SearchDimensionInfo] = [:]
        for d in space.dimensions { ours[d.name] = d }
        var matched = Set<String>()

        for (name, parameter) in theirs.sorted(by: { $0.key < $1.key }) {
            let ourName = pyCaretNames[name] ?? name
            let dimension = ours[ourName]
            if listed(.notSearched, name) {
                #expect(dimension == nil, "\(key): '\(name)' is listed as not searched, but we search '\(ourName)'")
                continue
            }
            guard let dimension else {
                Issue.record("\(key): PyCaret searches '\(name)' \(parameter.kind); we have no dimension '\(ourName)' and no deviation lists it")
                continue
            }
            matched.insert(ourName)
            let expected = try #require(parameter.domain, "\(key): unreadable PyCaret distribution for '\(name)'")
            let same = sameDistribution(dimension.domain, expected) && dimension.condition == nil
            if listed(.differs, ourName) {
                #expect(!same, "\(key): '\(ourName)' is listed as different but equals PyCaret's \(expected)")
            } else {
                #expect(sameDistribution(dimension.domain, expected),
                        "\(key): '\(ourName)' is \(dimension.domain); PyCaret's '\(name)' is \(expected)")
                #expect(dimension.condition == nil, "\(key): '\(ourName)' is searched only when \(dimension.condition.map { "\($0)" } ?? ""); PyCaret's is not conditional")
            }
        }
        for d in space.dimensions where !matched.contains(d.name) {
            #expect(listed(.added, d.name), "\(key): we search '\(d.name)' \(d.domain), which PyCaret does not; no deviation lists it")
        }
        for d in deviations where d.kind == .added {
            #expect(ours[d.parameter] != nil && !matched.contains(d.parameter),
                    "\(key): '\(d.parameter)' is listed as added, but it is not an unmatched dimension of ours")
        }
        for d in deviations where d.kind == .differs {
            #expect(matched.contains(d.parameter), "\(key): '\(d.parameter)' is listed as different, but no PyCaret parameter maps to it")
        }
    }
}

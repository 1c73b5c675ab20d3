import Foundation
import MLCore
@testable import MLModels
import Testing
import TestSupport

/// One classifier set of `tree_pruning_reference.json`.
struct PruningClassifierData: Decodable {
    let X: [[Double]]
    let y: [Double]
    let X_test: [[Double]]
    let sample_weight: [Double]
}

/// One scikit-learn `DecisionTreeClassifier` of the fixture and its test-set outputs.
struct PruningClassifierCase: Decodable {
    let data: String
    let criterion: String
    let min_impurity_decrease: Double
    let class_weight: String
    let max_depth: Int?
    let weighted: Bool
    let tree: SklearnTree
    let leaf_count: Int
    let proba_test: [[Double]]
    let predict_test: [Double]
}

/// One scikit-learn `DecisionTreeRegressor` of the fixture.
struct PruningRegressionCase: Decodable {
    let min_impurity_decrease: Double
    let weighted: Bool
    let tree: SklearnTree
    let leaf_count: Int
    let predict_test: [Double]
}

/// `tree_pruning_reference.json`, produced by `make_tree_pruning.py` (scikit-learn 1.9.1).
struct TreePruningReference: Decodable {
    let classifier_data: [String: PruningClassifierData]
    let classifier_cases: [PruningClassifierCase]
    let X_regression: [[Double]]
    let y_regression: [Double]
    let X_regression_test: [[Double]]
    let sample_weight_regression: [Double]
    let regression_cases: [PruningRegressionCase]

    static let shared: TreePruningReference? =
        try? loadFixture("MLModelsTests/Fixtures/trees/tree_pruning_reference.json")
    static func load() throws -> TreePruningReference {
        guard let r = shared else { throw MLError.invalidInput("tree_pruning_reference.json could not be loaded") }
        return r
    }
}

/// The number of leaves of a fitted tree.
func leafCount(_ tree: TreeNodes) -> Int { tree.feature.filter { $0 < 0 }.count }

/// Two classes in 0/1 labels, 40 rows of which 8 are class 1, on 3 features with few values.
func imbalancedToyData(seed: UInt64 = 3) throws -> TrainingData {
    var rng = RandomStream(seed: seed)
    var rows: [[Double]] = []
    var y: [Int32] = []
    for i in 0..<40 {
        let cls: Int32 = i % 5 == 0 ? 1 : 0
        rows.append([Double(rng.nextInt(below: 6)) + Double(cls), Double(rng.nextInt(below: 4)), Double(i % 7)])
        y.append(cls)
    }
    return TrainingData(features: try Matrix(rows: rows), target: .classes(indices: y, names: ["no", "yes"]))
}

@Suite("Tree min_impurity_decrease and class_weight")
struct TreePruningTests {
    @Test func classifiersMatchScikitLearn() throws {
        let ref = try TreePruningReference.load()
        #expect(ref.classifier_cases.count == 10)
        for c in ref.classifier_cases {
            let set = try #require(ref.classifier_data[c.data])
            var dt = DecisionTreeClassifier()
            dt.criterion = try #require(CARTCriterion(rawValue: c.criterion))
            dt.minImpurityDecrease = c.min_impurity_decrease
            dt.classWeight = try #require(TreeClassWeight(rawValue: c.class_weight))
            dt.maxDepth = c.max_depth
            let data = TrainingData(features: try Matrix(rows: set.X),
                                    target: .classes(indices: set.y.map { Int32($0) }, names: ["B", "M"]),
                                    sampleWeights: c.weighted ? set.sample_weight : nil)
            var rng = RandomStream(seed: 0)
            let model = try dt.fit(data, using: &rng)
            let label = "\(c.data) \(c.criterion) mid=\(c.min_impurity_decrease) \(c.class_weight) weighted=\(c.weighted)"
            let difference = treeDifference(model.trees[0], c.tree)
            #expect(difference == nil, "\(label): \(difference ?? "")")
            #expect(leafCount(model.trees[0]) == c.leaf_count, "\(label)")
            let test = try Matrix(rows: set.X_test)
            let p = try model.predictProbabilities(test)
            for i in 0..<test.rowCount {
                #expect(allClose([p[i, 0], p[i, 1]], c.proba_test[i], rel: 1e-9, abs: 1e-12), "\(label) row \(i)")
            }
            #expect(accuracy(try model.predict(test), c.predict_test) == 1, "\(label)")
        }
    }

    @Test func regressorsMatchScikitLearn() throws {
        let ref = try TreePruningReference.load()
        let x = try Matrix(rows: ref.X_regression)
        let test = try Matrix(rows: ref.X_regression_test)
        for c in ref.regression_cases {
            var dt = DecisionTreeRegressor()
            dt.minImpurityDecrease = c.min_impurity_decrease
            let data = TrainingData(features: x, target: .values(ref.y_regression),
                                    sampleWeights: c.weighted ? ref.sample_weight_regression : nil)
            var rng = RandomStream(seed: 0)
            let model = try dt.fit(data, using: &rng)
            let difference = treeDifference(model.trees[0], c.tree)
            #expect(difference == nil, "mid=\(c.min_impurity_decrease): \(difference ?? "")")
            #expect(leafCount(model.trees[0]) == c.leaf_count)
            guard case let .values(v) = try model.predict(test) else { Issue.record("not values"); continue }
            #expect(allClose(v, c.predict_test, rel: 1e-9, abs: 1e-9))
        }
    }

    /// A single forest tree without bootstrap on every feature is the decision tree (tree 0 draws
    /// from the same stream), so the forest passes both settings through unchanged.
    @Test func oneTreeForestWithoutBootstrapIsTheDecisionTree() throws {
        let ref = try TreePruningReference.load()
        let set = try #require(ref.classifier_data["imbalanced"])
        let data = TrainingData(features: try Matrix(rows: set.X),
                                target: .classes(indices: set.y.map { Int32($0) }, names: ["B", "M"]))
        for weight in [TreeClassWeight.none, .balanced] {
            var dt = DecisionTreeClassifier()
            dt.minImpurityDecrease = 0.01
            dt.classWeight = weight
            var rf = RandomForestClassifier()
            rf.estimatorCount = 1
            rf.bootstrap = false
            rf.maxFeatures = .all
            rf.minImpurityDecrease = 0.01
            rf.classWeight = weight
            var r1 = RandomStream(seed: 5), r2 = RandomStream(seed: 5)
            let a = try dt.fit(data, using: &r1), b = try rf.fit(data, using: &r2)
            #expect(a.trees == b.trees)
        }
    }

    /// scikit-learn: "balanced_subsample" without bootstrap is "balanced".
    @Test func balancedSubsampleWithoutBootstrapIsBalanced() throws {
        let data = try imbalancedToyData()
        var et = ExtraTreesClassifier()
        et.estimatorCount = 5
        var rf = RandomForestClassifier()
        rf.estimatorCount = 5
        rf.bootstrap = false
        #expect(try canonicalJSON(fitted(et, .balanced, data)) == canonicalJSON(fitted(et, .balancedSubsample, data)))
        #expect(try canonicalJSON(fitted(rf, .balanced, data)) == canonicalJSON(fitted(rf, .balancedSubsample, data)))
    }

    func fitted<E: ForestClassifierEstimator>(_ e: E, _ weight: TreeClassWeight, _ data: TrainingData,
                                               seed: UInt64 = 9) throws -> TreeEnsembleModel {
        var e = e
        e.classWeight = weight
        var rng = RandomStream(seed: seed)
        return try e.fit(data, using: &rng)
    }

    @Test func balancedSubsampleWithBootstrap() throws {
        let data = try imbalancedToyData()
        var rf = RandomForestClassifier()
        rf.estimatorCount = 10
        let sub = try fitted(rf, .balancedSubsample, data)
        // Deterministic for a seed, and a different weighting from plain balancing.
        #expect(try canonicalJSON(sub) == canonicalJSON(try fitted(rf, .balancedSubsample, data)))
        #expect(try canonicalJSON(sub) != canonicalJSON(try fitted(rf, .balanced, data)))
        let p = try sub.predictProbabilities(data.features)
        for i in 0..<p.rowCount { #expect(abs(p[i, 0] + p[i, 1] - 1) < 1e-12) }
        // Every tree's leaves hold balanced class fractions of its bootstrap draws: the root of
        // each tree weighs both classes equally.
        for tree in sub.trees { #expect(abs(tree.values[0] - 0.5) < 1e-12 && abs(tree.values[1] - 0.5) < 1e-12) }
        // Plain balancing weighs the classes over all rows, so bootstrap roots are not balanced.
        let plain = try fitted(rf, .balanced, data)
        #expect(plain.trees.contains { abs($0.values[0] - 0.5) > 1e-6 })
    }

    @Test func balancedWeightsComposeWithSampleWeights() throws {
        // Doubling every sample weight changes nothing (balanced factors are scale-free), and
        // balancing makes the decision tree's root weigh both classes equally.
        var data = try imbalancedToyData()
        var dt = DecisionTreeClassifier()
        dt.classWeight = .balanced
        dt.maxDepth = 2
        var r1 = RandomStream(seed: 1)
        let plain = try dt.fit(data, using: &r1)
        #expect(abs(plain.trees[0].values[0] - 0.5) < 1e-12)
        data.sampleWeights = [Double](repeating: 2, count: data.features.rowCount)
        var r2 = RandomStream(seed: 1)
        #expect(try dt.fit(data, using: &r2).trees == plain.trees)
        // Forests count classes by sample weight: with the minority's weights tripled, the
        // balanced root of a tree without bootstrap is still 0.5 / 0.5.
        guard case let .classes(y, _) = data.target else { return }
        data.sampleWeights = y.map { $0 == 1 ? 3 : 1 }
        var rf = RandomForestClassifier()
        rf.estimatorCount = 2
        rf.bootstrap = false
        let forest = try fitted(rf, .balanced, data)
        for tree in forest.trees { #expect(abs(tree.values[0] - 0.5) < 1e-12) }
    }

    @Test func largeDecreaseLeavesOnlyTheRoot() throws {
        let data = try imbalancedToyData()
        var rf = RandomForestClassifier()
        rf.estimatorCount = 3
        rf.minImpurityDecrease = 0.5   // a gini decrease is at most 0.5
        let model = try fitted(rf, .none, data)
        for tree in model.trees { #expect(tree.feature.count == 1) }
        var et = ExtraTreesRegressor()
        et.estimatorCount = 3
        et.minImpurityDecrease = 1e9
        var rng = RandomStream(seed: 2)
        let regression = TrainingData(features: data.features, target: .values((0..<40).map { Double($0 % 9) }))
        for tree in try et.fit(regression, using: &rng).trees { #expect(tree.feature.count == 1) }
    }

    @Test func invalidValuesAreRejected() throws {
        let data = try imbalancedToyData()
        func expectInvalid<E: Estimator>(_ e: E, _ name: String) {
            var rng = RandomStream(seed: 0)
            do {
                _ = try e.fit(data, using: &rng)
                Issue.record("\(E.self) \(name): no error")
            } catch let MLError.invalidParameter(_, n, _, _) {
                #expect(n == name)
            } catch {
                Issue.record("\(E.self) \(name): \(error)")
            }
        }
        for bad in [-0.1, Double.nan] {
            var dt = DecisionTreeClassifier(); dt.minImpurityDecrease = bad
            var dtr = DecisionTreeRegressor(); dtr.minImpurityDecrease = bad
            var rf = RandomForestClassifier(); rf.minImpurityDecrease = bad
            var rfr = RandomForestRegressor(); rfr.minImpurityDecrease = bad
            var et = ExtraTreesClassifier(); et.minImpurityDecrease = bad
            var etr = ExtraTreesRegressor(); etr.minImpurityDecrease = bad
            expectInvalid(dt, "min_impurity_decrease")
            expectInvalid(dtr, "min_impurity_decrease")
            expectInvalid(rf, "min_impurity_decrease")
            expectInvalid(rfr, "min_impurity_decrease")
            expectInvalid(et, "min_impurity_decrease")
            expectInvalid(etr, "min_impurity_decrease")
        }
        var dt = DecisionTreeClassifier()
        dt.classWeight = .balancedSubsample
        expectInvalid(dt, "class_weight")
    }

    /// Hyperparameter JSON written before the two settings existed still decodes, to the defaults.
    @Test func olderHyperparameterJSONDecodes() throws {
        func dropNewKeys<E: Estimator>(_ e: E) throws -> Data {
            var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(e)) as? [String: Any])
            #expect(object["minImpurityDecrease"] != nil)
            object["minImpurityDecrease"] = nil
            object["classWeight"] = nil
            return try JSONSerialization.data(withJSONObject: object)
        }
        func roundTrip<E: Estimator & Equatable>(_ e: E, _ changed: E) throws {
            #expect(try JSONDecoder().decode(E.self, from: dropNewKeys(e)) == e)
            #expect(try JSONDecoder().decode(E.self, from: JSONEncoder().encode(changed)) == changed)
        }
        var dt = DecisionTreeClassifier(); dt.maxDepth = 4
        var dt2 = dt; dt2.minImpurityDecrease = 0.25; dt2.classWeight = .balanced
        try roundTrip(dt, dt2)
        var dtr = DecisionTreeRegressor(); dtr.maxFeatures = .fraction(0.5)
        var dtr2 = dtr; dtr2.minImpurityDecrease = 3
        try roundTrip(dtr, dtr2)
        var rf = RandomForestClassifier(); rf.threads = 2
        var rf2 = rf; rf2.classWeight = .balancedSubsample; rf2.minImpurityDecrease = 1e-3
        try roundTrip(rf, rf2)
        let rfr = RandomForestRegressor()
        var rfr2 = rfr; rfr2.minImpurityDecrease = 1
        try roundTrip(rfr, rfr2)
        let et = ExtraTreesClassifier()
        var et2 = et; et2.classWeight = .balanced
        try roundTrip(et, et2)
        let etr = ExtraTreesRegressor()
        var etr2 = etr; etr2.minImpurityDecrease = 0.5
        try roundTrip(etr, etr2)
        // A key that was always there is still required.
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(dt)) as? [String: Any])
        object["maxBins"] = nil
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(DecisionTreeClassifier.self, from: JSONSerialization.data(withJSONObject: object))
        }
        // The JSON spelling of the class weights.
        #expect(String(decoding: try JSONEncoder().encode(TreeClassWeight.balancedSubsample), as: UTF8.self) == "\"balanced_subsample\"")
    }
}

import Foundation
import MLCore
@testable import MLModels
import Testing
import TestSupport

/// Walks our tree and scikit-learn's side by side; returns the first difference, if any.
func treeDifference(_ ours: TreeNodes, _ theirs: SklearnTree, _ a: Int = 0, _ b: Int = 0) -> String? {
    let theirLeaf = theirs.left[b] < 0
    let ourLeaf = ours.feature[a] < 0
    if theirLeaf != ourLeaf { return "node \(b): leaf \(theirLeaf) vs ours \(ourLeaf)" }
    if theirLeaf {
        let v = Array(ours.values[(a * ours.valueStride)..<((a + 1) * ours.valueStride)])
        return allClose(v, theirs.value[b], rel: 1e-9, abs: 1e-9) ? nil : "node \(b): value \(theirs.value[b]) vs ours \(v)"
    }
    if Int(ours.feature[a]) != theirs.feature[b] { return "node \(b): feature \(theirs.feature[b]) vs ours \(ours.feature[a])" }
    // scikit-learn's trees work on float32 copies of X, so thresholds agree to float32 precision.
    if !isClose(ours.threshold[a], theirs.threshold[b], rel: 1e-6) {
        return "node \(b): threshold \(theirs.threshold[b]) vs ours \(ours.threshold[a])"
    }
    return treeDifference(ours, theirs, Int(ours.left[a]), theirs.left[b])
        ?? treeDifference(ours, theirs, Int(ours.right[a]), theirs.right[b])
}

@Suite("Decision tree")
struct DecisionTreeTests {
    @Test(arguments: [CARTCriterion.gini, .entropy])
    func depthThreeClassifierMatchesScikitLearn(criterion: CARTCriterion) throws {
        let ref = try TreesReference.load().dt_small
        var dt = DecisionTreeClassifier()
        dt.maxDepth = 3
        dt.criterion = criterion
        var rng = RandomStream(seed: 0)
        let data = TrainingData(features: try Matrix(rows: ref.X),
                                target: .classes(indices: ref.y.map { Int32($0) }, names: ["a", "b"]))
        let model = try dt.fit(data, using: &rng)
        let theirs = criterion == .gini ? ref.gini : ref.entropy
        #expect(treeDifference(model.trees[0], theirs) == nil, "\(treeDifference(model.trees[0], theirs) ?? "")")
    }

    @Test func depthThreeRegressorMatchesScikitLearn() throws {
        let ref = try TreesReference.load().dt_regression
        var dt = DecisionTreeRegressor()
        dt.maxDepth = 3
        dt.minSamplesLeaf = 5
        var rng = RandomStream(seed: 0)
        let model = try dt.fit(TrainingData(features: try Matrix(rows: ref.X), target: .values(ref.y)), using: &rng)
        #expect(treeDifference(model.trees[0], ref.tree) == nil, "\(treeDifference(model.trees[0], ref.tree) ?? "")")
    }

    @Test func fullTreeFitsTrainingDataExactly() throws {
        let ref = try TreesReference.load().dt_small
        var rng = RandomStream(seed: 0)
        let data = TrainingData(features: try Matrix(rows: ref.X),
                                target: .classes(indices: ref.y.map { Int32($0) }, names: ["a", "b", "unseen"]))
        let model = try DecisionTreeClassifier().fit(data, using: &rng)
        #expect(accuracy(try model.predict(data.features), ref.y) == 1)
        let p = try model.predictProbabilities(data.features)
        #expect(p.columnCount == 3)
        for i in 0..<p.rowCount { #expect(p[i, 2] == 0) }
        #expect(abs(model.featureImportances.reduce(0, +) - 1) < 1e-12)
    }

    @Test func minSamplesLeafIsRespected() throws {
        let ref = try TreesReference.load().dt_regression
        var dt = DecisionTreeRegressor()
        dt.minSamplesLeaf = 10
        var rng = RandomStream(seed: 0)
        let x = try Matrix(rows: ref.X)
        let model = try dt.fit(TrainingData(features: x, target: .values(ref.y)), using: &rng)
        var counts: [Int: Int] = [:]
        for leaf in model.trees[0].leaves(x) { counts[leaf, default: 0] += 1 }
        #expect(counts.values.allSatisfy { $0 >= 10 })
    }
}

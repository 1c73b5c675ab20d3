import AutoSwiftML
import MLCore
import MLModels
import Testing

/// The tree models' default spaces are PyCaret 3.3.2's tune distributions.
@Suite("Tree search spaces")
struct TreeSearchSpaceTests {
    func domains<E: Estimator>(_ space: SearchSpace<E>) -> [String: ParameterDomain] {
        Dictionary(uniqueKeysWithValues: space.infos.map { ($0.name, $0.domain) })
    }

    @Test func decisionTreesFollowPyCaret() {
        for d in [domains(DecisionTreeClassifier.defaultSearchSpace), domains(DecisionTreeRegressor.defaultSearchSpace)] {
            #expect(d["maxDepth"] == .integer(lower: 1, upper: 16))
            #expect(d["maxFeatures"] == .uniform(lower: 0.4, upper: 1))
            #expect(d["minSamplesLeaf"] == .integer(lower: 2, upper: 6))
            #expect(d["minSamplesSplit"] == .integer(lower: 2, upper: 10))
            #expect(d["minImpurityDecrease"] == .logUniform(lower: 1e-9, upper: 0.5))
            #expect(d["classWeight"] == nil)
        }
        #expect(domains(DecisionTreeClassifier.defaultSearchSpace)["criterion"] == .categorical(["gini", "entropy"]))
        let regressor = domains(DecisionTreeRegressor.defaultSearchSpace)
        #expect(regressor["criterion"] == .categorical(["squared_error", "absolute_error", "friedman_mse"]))
        #expect(regressor.count == 6)
    }

    @Test func forestsFollowPyCaret() {
        let rf = domains(RandomForestClassifier.defaultSearchSpace), et = domains(ExtraTreesClassifier.defaultSearchSpace)
        let rfr = domains(RandomForestRegressor.defaultSearchSpace), etr = domains(ExtraTreesRegressor.defaultSearchSpace)
        for d in [rf, et, rfr, etr] {
            #expect(d["estimatorCount"] == .integer(lower: 10, upper: 300))
            #expect(d["maxDepth"] == .integer(lower: 1, upper: 11))
            #expect(d["minImpurityDecrease"] == .logUniform(lower: 1e-9, upper: 0.5))
            #expect(d["maxFeatures"] == .uniform(lower: 0.4, upper: 1))
            #expect(d["minSamplesSplit"] == .integer(lower: 2, upper: 10))
            #expect(d["bootstrap"] == .categorical(["true", "false"]))
        }
        for d in [rf, rfr] { #expect(d["minSamplesLeaf"] == .integer(lower: 2, upper: 6)) }
        for d in [et, etr] { #expect(d["minSamplesLeaf"] == .integer(lower: 1, upper: 5)) }
        for d in [rf, et] {
            #expect(d["criterion"] == .categorical(["gini", "entropy"]))
            #expect(d["classWeight"] == .categorical(["balanced", "balanced_subsample", "none"]))
            #expect(d.count == 9)
        }
        for d in [rfr, etr] {
            #expect(d["criterion"] == .categorical(["squared_error", "absolute_error"]))
            #expect(d.count == 8)
        }
    }

    @Test func valuesReachTheEstimator() throws {
        let space = RandomForestClassifier.defaultSearchSpace
        let values: [ParameterValue?] = space.infos.map { info in
            switch info.name {
            case "maxFeatures": return .real(0.55)
            case "minImpurityDecrease": return .real(1e-4)
            case "classWeight": return .category("balanced_subsample")
            default: return nil
            }
        }
        let e = space.estimator(from: values, base: RandomForestClassifier())
        #expect(e.maxFeatures == .fraction(0.55))
        #expect(e.minImpurityDecrease == 1e-4)
        #expect(e.classWeight == .balancedSubsample)
        try space.validate(base: RandomForestClassifier())
        // A regressor's criterion label reaches the estimator, and the spaces validate.
        let regression = ExtraTreesRegressor.defaultSearchSpace
        let et = regression.estimator(from: regression.infos.map { $0.name == "criterion" ? .category("absolute_error") : nil },
                                      base: ExtraTreesRegressor())
        #expect(et.criterion == .absoluteError)
        try regression.validate(base: ExtraTreesRegressor())
        try RandomForestRegressor.defaultSearchSpace.validate(base: RandomForestRegressor())
        try DecisionTreeRegressor.defaultSearchSpace.validate(base: DecisionTreeRegressor())
    }
}

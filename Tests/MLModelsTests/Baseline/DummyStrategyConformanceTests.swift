import MLCore
import MLModels
import Testing

/// The registry runs the conformance suite on the defaults only; this runs it on every strategy.
@Suite("Dummy strategies pass the conformance checks")
struct DummyStrategyConformanceTests {
    @Test(arguments: DummyClassifier.Strategy.allCases)
    func classifierStrategy(_ strategy: DummyClassifier.Strategy) {
        let randomized = strategy == .uniform || strategy == .stratified
        let spec = ModelSpec(DummyClassifier.self, kind: .classification,
                             capabilities: Capabilities(supportsSampleWeights: true, providesProbabilities: true,
                                                        isRandomized: randomized),
                             make: { DummyClassifier(strategy: strategy) })
        let e = DummyClassifier(strategy: strategy)
        EstimatorChecks.fitsEverySupportedTask(e, spec)
        EstimatorChecks.handlesSmallAndDegenerateData(e, spec)
        EstimatorChecks.isDeterministic(e, spec)
        EstimatorChecks.roundTripsThroughJSON(e, spec)
        EstimatorChecks.rejectsBadInput(e, spec)
        EstimatorChecks.unitWeightsEqualNoWeights(e, spec)
        EstimatorChecks.handlesClassesWithoutRows(e, spec)
    }

    @Test(arguments: DummyRegressor.Strategy.allCases)
    func regressorStrategy(_ strategy: DummyRegressor.Strategy) {
        let e = DummyRegressor(strategy: strategy, quantile: 0.3, constant: 2)
        let spec = ModelSpec(DummyRegressor.self, kind: .regression, capabilities: Capabilities(supportsSampleWeights: true),
                             make: { e })
        EstimatorChecks.fitsEverySupportedTask(e, spec)
        EstimatorChecks.handlesSmallAndDegenerateData(e, spec)
        EstimatorChecks.isDeterministic(e, spec)
        EstimatorChecks.roundTripsThroughJSON(e, spec)
        EstimatorChecks.rejectsBadInput(e, spec)
        EstimatorChecks.rejectsEveryDeclaredInvalidParameter(e, spec)
        // Median and quantile use scikit-learn's inverted-CDF weighted percentile once weights are
        // given, which differs from numpy's interpolated percentile even for unit weights.
        if strategy == .mean || strategy == .constant {
            EstimatorChecks.unitWeightsEqualNoWeights(e, spec)
        }
    }
}

import MLModels
import Testing

/// One registry entry as a test argument, shown as "dummy (classification)" in test output.
struct RegisteredModel: Sendable, CustomTestStringConvertible {
    let index: Int
    var spec: ModelSpec { ModelRegistry.all[index] }
    var testDescription: String { "\(spec.id) (\(spec.kind.rawValue))" }

    /// Every entry of `ModelRegistry.all`: models merged from other families are covered automatically.
    static let all: [RegisteredModel] = ModelRegistry.all.indices.map(RegisteredModel.init)
}

/// The estimator conformance suite, run over every registered model (scikit-learn's
/// `parametrize_with_checks`). Checks are chosen from `supportedTasks`, `kind` and `capabilities`.
@Suite("Estimator conformance")
struct EstimatorConformanceTests {
    @Test func registryIsNotEmptyAndIDsAreUniquePerKind() {
        #expect(!ModelRegistry.all.isEmpty)
        let keys = ModelRegistry.all.map { "\($0.kind.rawValue)/\($0.id)" }
        #expect(Set(keys).count == keys.count, "duplicate registry entries: \(keys)")
    }

    @Test(arguments: RegisteredModel.all)
    func declarationsAreConsistent(_ model: RegisteredModel) {
        EstimatorChecks.declarationsAreConsistent(model.spec.make(), model.spec)
    }

    @Test(arguments: RegisteredModel.all)
    func fitsEverySupportedTask(_ model: RegisteredModel) {
        EstimatorChecks.fitsEverySupportedTask(model.spec.make(), model.spec)
    }

    @Test(arguments: RegisteredModel.all)
    func handlesSmallAndDegenerateData(_ model: RegisteredModel) {
        EstimatorChecks.handlesSmallAndDegenerateData(model.spec.make(), model.spec)
    }

    @Test(arguments: RegisteredModel.all)
    func isDeterministic(_ model: RegisteredModel) {
        EstimatorChecks.isDeterministic(model.spec.make(), model.spec)
    }

    @Test(arguments: RegisteredModel.all)
    func roundTripsThroughJSON(_ model: RegisteredModel) {
        EstimatorChecks.roundTripsThroughJSON(model.spec.make(), model.spec)
    }

    @Test(arguments: RegisteredModel.all)
    func rejectsBadInput(_ model: RegisteredModel) {
        EstimatorChecks.rejectsBadInput(model.spec.make(), model.spec)
    }

    @Test(arguments: RegisteredModel.all)
    func rejectsEveryDeclaredInvalidParameter(_ model: RegisteredModel) {
        EstimatorChecks.rejectsEveryDeclaredInvalidParameter(model.spec.make(), model.spec)
    }

    @Test(arguments: RegisteredModel.all.filter { $0.spec.capabilities.supportsSampleWeights })
    func unitWeightsEqualNoWeights(_ model: RegisteredModel) {
        EstimatorChecks.unitWeightsEqualNoWeights(model.spec.make(), model.spec)
    }

    @Test(arguments: RegisteredModel.all.filter { $0.spec.kind == .classification })
    func handlesClassesWithoutRows(_ model: RegisteredModel) {
        EstimatorChecks.handlesClassesWithoutRows(model.spec.make(), model.spec)
    }

    @Test(arguments: RegisteredModel.all.filter { $0.spec.capabilities.providesImportances })
    func importancesAreValid(_ model: RegisteredModel) {
        EstimatorChecks.importancesAreValid(model.spec.make(), model.spec)
    }
}

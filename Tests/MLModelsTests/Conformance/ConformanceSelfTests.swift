import MLCore
import MLModels
import Testing

/// A deliberately broken classifier: proves each conformance check really catches its fault.
struct FaultyClassifier: Estimator {
    enum Fault: String, Codable, Hashable, Sendable {
        case none, unnormalizedProbabilities, acceptsNonFinite, skipsValidation, seedDependent, dropsEmptyClasses
    }
    var fault: Fault = .none
    var alpha: Double = 1

    static let id = "faulty"
    static let displayName = "Faulty Classifier"
    static let supportedTasks: Set<Task> = [.binary, .multiclass]
    static let constraints: [ParameterConstraint<FaultyClassifier>] = [.real("alpha", \.alpha, .greaterThan(0))]

    init() {}
    init(_ fault: Fault) { self.fault = fault }

    func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        if fault != .skipsValidation { try validate() }
        if fault != .acceptsNonFinite { try checkTrainingData(data) }
        guard case let .classes(indices, names) = data.target else { throw MLError.invalidInput("classes only") }
        var prior = [Double](repeating: 0, count: names.count)
        for c in indices { prior[Int(c)] += 1 / Double(indices.count) }
        if fault == .dropsEmptyClasses { prior = prior.filter { $0 > 0 } }
        let shift = fault == .seedDependent ? Int(rng.next() % UInt64(prior.count)) : 0
        return Model(prior: prior, featureCount: data.features.columnCount, shift: shift,
                     scale: fault == .unnormalizedProbabilities ? 2 : 1)
    }

    struct Model: ProbabilisticModel {
        let prior: [Double]
        let featureCount: Int
        let shift: Int
        let scale: Double
        var classCount: Int { prior.count }

        func predict(_ features: Matrix) throws -> Prediction {
            try checkPredictionInput(features)
            return .classes(argmaxClasses(try predictProbabilities(features)).map { Int32((Int($0) + shift) % prior.count) })
        }

        func predictProbabilities(_ features: Matrix) throws -> Matrix {
            try checkPredictionInput(features)
            var p = Matrix(rowCount: features.rowCount, columnCount: prior.count)
            for k in prior.indices { for i in 0..<features.rowCount { p[i, k] = min(1, prior[k] * scale) } }
            return p
        }
    }
}

/// The conformance checks themselves: silent on a correct model, and each one records an issue
/// for the fault it exists to catch.
@Suite("Conformance checks catch faults")
struct ConformanceSelfTests {
    func spec(_ fault: FaultyClassifier.Fault) -> (FaultyClassifier, ModelSpec) {
        (FaultyClassifier(fault), ModelSpec(FaultyClassifier.self, kind: .classification,
                                             capabilities: Capabilities(providesProbabilities: true),
                                             make: { FaultyClassifier(fault) }))
    }

    @Test func aCorrectModelPassesEveryCheck() {
        let (e, s) = spec(.none)
        EstimatorChecks.fitsEverySupportedTask(e, s)
        EstimatorChecks.handlesSmallAndDegenerateData(e, s)
        EstimatorChecks.isDeterministic(e, s)
        EstimatorChecks.roundTripsThroughJSON(e, s)
        EstimatorChecks.rejectsBadInput(e, s)
        EstimatorChecks.rejectsEveryDeclaredInvalidParameter(e, s)
        EstimatorChecks.handlesClassesWithoutRows(e, s)
    }

    @Test func unnormalizedProbabilitiesAreCaught() {
        let (e, s) = spec(.unnormalizedProbabilities)
        withKnownIssue { EstimatorChecks.fitsEverySupportedTask(e, s) }
    }

    @Test func acceptingNonFiniteFeaturesIsCaught() {
        let (e, s) = spec(.acceptsNonFinite)
        withKnownIssue { EstimatorChecks.rejectsBadInput(e, s) }
    }

    @Test func skippingParameterValidationIsCaught() {
        let (e, s) = spec(.skipsValidation)
        withKnownIssue { EstimatorChecks.rejectsEveryDeclaredInvalidParameter(e, s) }
    }

    @Test func seedDependenceOfANonRandomizedModelIsCaught() {
        let (e, s) = spec(.seedDependent)
        withKnownIssue { EstimatorChecks.isDeterministic(e, s) }
    }

    @Test func droppingAnEmptyClassColumnIsCaught() {
        let (e, s) = spec(.dropsEmptyClasses)
        withKnownIssue { EstimatorChecks.handlesClassesWithoutRows(e, s) }
    }

    @Test func aMismatchedSpecIsCaught() {
        let (e, _) = spec(.none)
        let regressionSpec = ModelSpec(FaultyClassifier.self, kind: .regression, capabilities: Capabilities(providesProbabilities: true))
        withKnownIssue { EstimatorChecks.declarationsAreConsistent(e, regressionSpec) }
    }
}

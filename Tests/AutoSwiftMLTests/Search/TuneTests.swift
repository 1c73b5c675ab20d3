import Foundation
import Testing
import TestSupport
@testable import AutoSwiftML

@Suite struct TuneTests {
    /// 150 rows, two noisy informative features and one noise feature, three classes.
    static func syntheticExperiment(seed: UInt64 = 7, threads: Int? = 1) throws -> Experiment {
        var rng = RandomStream(seed: 99)
        var a: [Double] = [], b: [Double] = [], c: [Double] = [], y: [String?] = []
        for i in 0..<150 {
            let k = i % 3
            a.append(Double(k) + 1.5 * rng.nextNormal())
            b.append(Double(k == 1 ? 1 : 0) + rng.nextNormal())
            c.append(5 * rng.nextNormal())
            y.append(["x", "y", "z"][k])
        }
        let table = try makeTable([("a", numeric(a)), ("b", numeric(b)), ("c", numeric(c)), ("label", categorical(y))])
        var config = ExperimentConfig(seed: seed)
        config.folds.count = 3
        config.threadCount = threads
        return try Experiment(table: table, targetColumn: "label", config: config)
    }

    /// 90 rows, y = 2x − z + noise: two feature columns.
    static func regressionExperiment() throws -> Experiment {
        var rng = RandomStream(seed: 4)
        let x = (0..<90).map { _ in rng.nextNormal() }
        let z = (0..<90).map { _ in rng.nextNormal() }
        let y = zip(x, z).map { 2 * $0 - $1 + 0.3 * rng.nextNormal() }
        let table = try makeTable([("x", numeric(x)), ("z", numeric(z)), ("y", numeric(y))])
        var config = ExperimentConfig(seed: 1)
        config.folds.count = 3
        return try Experiment(table: table, targetColumn: "y", config: config)
    }

    static let probeSpace = SearchSpace<ProbeEstimator>([
        .uniform("shrinkage", \.shrinkage, 0...1),
        .categorical("distance", \.distance, ProbeEstimator.Distance.allCases),
        SearchDimension.integer("power", \.power, 1...4).when("distance", is: "manhattan"),
    ])

    static func withoutTimes(_ r: TuneResult) -> [TuneTrial] {
        r.history.map { TuneTrial(index: $0.index, parameters: $0.parameters, foldScores: $0.foldScores, mean: $0.mean,
                                  resource: $0.resource, seconds: 0, error: $0.error) }
    }

    @Test(arguments: SearchMethod.allCases)
    func sameSeedSameHistoryForOneAndTwoThreads(_ method: SearchMethod) throws {
        var options = TuneOptions(search: SearchOptions(method: method, trials: 14, batchSize: 2, startupTrials: 4))
        options.search.threadCount = 1
        let one = try tune(ProbeEstimator(), space: Self.probeSpace, experiment: try Self.syntheticExperiment(), options: options)
        let again = try tune(ProbeEstimator(), space: Self.probeSpace, experiment: try Self.syntheticExperiment(), options: options)
        options.search.threadCount = 2
        let two = try tune(ProbeEstimator(), space: Self.probeSpace, experiment: try Self.syntheticExperiment(threads: 2),
                           options: options)
        #expect(one.history.count == (method == .halving ? 14 + 5 + 2 : 14))
        #expect(Self.withoutTimes(one) == Self.withoutTimes(again))
        #expect(Self.withoutTimes(one) == Self.withoutTimes(two))
        #expect(one.bestParameters == two.bestParameters)
        let other = try tune(ProbeEstimator(), space: Self.probeSpace, experiment: try Self.syntheticExperiment(seed: 8),
                             options: options)
        #expect(Self.withoutTimes(other) != Self.withoutTimes(one))
    }

    @Test func invalidCandidatesNeverReachFit() throws {
        let options = TuneOptions(search: SearchOptions(method: .random, trials: 30, threadCount: 1), choosesBetter: false)
        let result = try tune(ProbeEstimator(), space: Self.probeSpace, experiment: try Self.syntheticExperiment(),
                              options: options)
        #expect(!result.history.contains { ($0.error ?? "").contains("PROBE") })
        let rejected = result.history.filter { t in
            guard case let .real(s)? = t.parameters.first(where: { $0.name == "shrinkage" })?.value else { return false }
            return s > 0.4 && s < 0.6
        }
        #expect(!rejected.isEmpty)
        for t in rejected {
            #expect(t.mean == nil)
            #expect((t.error ?? "").contains("shrinkage"))
        }
        // Conditional `power` appears only with the manhattan distance.
        for t in result.history {
            let manhattan = t.parameters.contains { $0 == ParameterAssignment(name: "distance", value: .category("manhattan")) }
            #expect(manhattan == t.parameters.contains { $0.name == "power" })
        }
    }

    @Test func historyRecordsFoldScoresAndTheBestTrial() throws {
        let options = TuneOptions(search: SearchOptions(method: .tpe, trials: 12, threadCount: 1, startupTrials: 5),
                                  metric: .accuracy, choosesBetter: false)
        let result = try tune(ProbeEstimator(), space: Self.probeSpace, experiment: try Self.syntheticExperiment(),
                              options: options)
        let scored = result.history.filter { $0.mean != nil }
        #expect(!scored.isEmpty)
        for t in scored {
            #expect(t.foldScores.count == 3)
            #expect(abs(Stats.mean(t.foldScores.compactMap { $0 }) - t.mean!) < 1e-12)
        }
        let bestMean = scored.map { $0.mean! }.max()!
        #expect(result.bestScore == bestMean)
        #expect(result.history[result.bestTrialIndex!].mean == bestMean)
        #expect(result.model.featureCount == 3)
        let csv = result.historyCSV()
        #expect(csv.hasPrefix("trial,shrinkage,distance,power,fold_1,fold_2,fold_3,mean,resource,seconds,error\n"))
        #expect(csv.split(separator: "\n").count == 13)
    }

    @Test func halvingRunsRoundsOnGrowingSharesOfTheRows() throws {
        let options = TuneOptions(search: SearchOptions(method: .halving, trials: 9, threadCount: 1), choosesBetter: false)
        let result = try tune(ProbeEstimator(), space: Self.probeSpace, experiment: try Self.syntheticExperiment(),
                              options: options)
        // 9 candidates on 1/9 of the rows, the best 3 on 1/3, the best one on all of them.
        #expect(result.history.map(\.resource) == [Double](repeating: 1.0 / 9, count: 9) + [1.0 / 3, 1.0 / 3, 1.0 / 3, 1])
        let firstRound = result.history[..<9].filter { $0.mean != nil }.sorted { a, b in
            a.mean! != b.mean! ? a.mean! > b.mean! : a.index < b.index
        }
        let promoted = result.history[9..<12].map(\.parameters.description)
        #expect(promoted == firstRound.prefix(3).map(\.parameters.description))
        #expect(result.history[result.bestTrialIndex!].resource == 1)
        let folds = try Self.syntheticExperiment().folds
        let third = subsampledFolds(folds, share: 1.0 / 3, using: RandomStream(seed: 1))
        for (a, b) in zip(folds, third) {
            #expect(b.validation == a.validation)
            #expect(b.train.count == (a.train.count + 2) / 3)
            #expect(Set(b.train).isSubset(of: Set(a.train)))
        }
    }

    @Test func patienceStopsEarlyAndChooseBetterKeepsTheDefault() throws {
        // A space where every candidate is worse than the default (no shrinkage): all shrink fully.
        let space = SearchSpace<ProbeEstimator>([.uniform("shrinkage", \.shrinkage, 0.99...1)])
        let options = TuneOptions(search: SearchOptions(method: .random, trials: 40, patience: 3, batchSize: 1, threadCount: 1))
        let result = try tune(ProbeEstimator(), space: space, experiment: try Self.syntheticExperiment(), options: options)
        #expect(result.stopReason == .patience)
        #expect(result.history.count == 4)
        #expect(result.keptDefault)
        #expect(result.bestScore == result.defaultScore)
        #expect(result.bestParameters.isEmpty)
    }

    @Test func anEstimatorValueKeepsItsOtherParametersAndRegressionMinimisesErrors() throws {
        let experiment = try Self.syntheticExperiment()
        let options = TuneOptions(search: SearchOptions(method: .random, trials: 4, threadCount: 1), choosesBetter: false)
        let result = try tune(LogisticRegression(maxIterations: 321), experiment: experiment, options: options)
        let chosen = try #require(result.bestEstimator as? LogisticRegression)
        #expect(chosen.maxIterations == 321)
        #expect(result.bestParameters.map(\.name).contains("penalty"))

        let regression = try Self.regressionExperiment()
        let tuned = try tune(modelID: "ridge", experiment: regression,
                             options: TuneOptions(search: SearchOptions(method: .tpe, trials: 12, threadCount: 1, startupTrials: 4),
                                                  metric: .mae, choosesBetter: false))
        let best = try #require(tuned.bestScore)
        #expect(tuned.history.compactMap(\.mean).allSatisfy { $0 >= best })   // MAE: lower is better
        #expect(best < 0.5)
    }

    /// PyCaret bounds omp's `n_nonzero_coefs` by the training part's feature columns, and so does
    /// `tune`; without data the space keeps PyCaret's bound on the 10-feature diabetes data, and
    /// no other space depends on the data.
    @Test func ompSearchesUpToTheDataFeatureCount() throws {
        let regression = try Self.regressionExperiment()
        let tuned = try tune(modelID: "omp", experiment: regression,
                             options: TuneOptions(search: SearchOptions(method: .random, trials: 8, threadCount: 1), choosesBetter: false))
        let searched = try #require(tuned.dimensions.first { $0.name == "nonzeroCoefficients" })
        #expect(searched.domain == .integer(lower: 1, upper: 2))
        let drawn = tuned.history.compactMap { $0.parameters.first { $0.name == "nonzeroCoefficients" }?.value }
        #expect(drawn.count == 8)
        #expect(drawn.allSatisfy { $0 == .integer(1) || $0 == .integer(2) })

        func bound(_ space: AnySearchSpace?) -> ParameterDomain? {
            space?.dimensions.first { $0.name == "nonzeroCoefficients" }?.domain
        }
        #expect(bound(DefaultSearchSpaces.space(id: "omp", kind: .regression)) == .integer(lower: 1, upper: 10))
        #expect(bound(DefaultSearchSpaces.space(id: "omp", kind: .regression, featureCount: 37)) == .integer(lower: 1, upper: 37))
        #expect(bound(DefaultSearchSpaces.space(id: "omp", kind: .regression, featureCount: 0)) == .integer(lower: 1, upper: 1))
        for spec in ModelRegistry.all where !(spec.kind == .regression && spec.id == "omp") {
            #expect(DefaultSearchSpaces.space(id: spec.id, kind: spec.kind, featureCount: 3)?.dimensions
                    == DefaultSearchSpaces.space(for: spec)?.dimensions, "\(spec.kind.rawValue)/\(spec.id)")
        }
    }

    @Test func badOptionsAndMetricsAreNamed() throws {
        let experiment = try Self.syntheticExperiment()
        #expect(throws: MLError.self) { try tune("nope", in: experiment) }
        #expect(throws: MLError.self) { try tune("lr", in: experiment, metric: .r2) }
        var options = TuneOptions()
        options.search.trials = 0
        #expect(throws: MLError.self) { try tune(modelID: "lr", experiment: experiment, options: options) }
        options = TuneOptions(overrides: [ParameterOverride(name: "c", domain: .uniform(lower: -1, upper: 1))])
        #expect(throws: MLError.self) { try tune(modelID: "lr", experiment: experiment, options: options) }
    }

    @Test func tuningLogisticRegressionOnTitanicKeepsOrImprovesTheScore() throws {
        let (table, _) = try CSVReader.read(at: RepositoryPaths.dataset("titanic.csv"))
        var config = ExperimentConfig(seed: 123)
        config.folds.count = 3
        config.threadCount = 2
        let experiment = try Experiment(table: table, targetColumn: "Survived", config: config)
        let result = try tune("lr", in: experiment, search: .tpe, trials: 8)
        #expect(result.history.count == 8)
        let defaultScore = try #require(result.defaultScore)
        let best = try #require(result.bestScore)
        #expect(best >= defaultScore)
        #expect(defaultScore > 0.7)
        #expect(result.holdoutScore ?? 0 > 0.7)
        // The untuned score is compare's cross-validation score for `lr`.
        let board = try compare(experiment, options: CompareOptions(include: ["lr"], scoresHoldout: false))
        #expect(board.rows[0].mean(.accuracy) == defaultScore)
    }
}

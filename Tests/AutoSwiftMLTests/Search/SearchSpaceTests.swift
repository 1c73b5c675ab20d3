import Testing
@testable import AutoSwiftML

@Suite struct SearchSpaceTests {
    @Test func domainsParseFromTheCommandLineForm() throws {
        #expect(try ParameterDomain(parsing: "int:2..16") == .integer(lower: 2, upper: 16))
        #expect(try ParameterDomain(parsing: "log:0.001..100") == .logUniform(lower: 0.001, upper: 100))
        #expect(try ParameterDomain(parsing: "uniform:0..1") == .uniform(lower: 0, upper: 1))
        #expect(try ParameterDomain(parsing: "cat:l1, l2") == .categorical(["l1", "l2"]))
        #expect(try ParameterOverride(parsing: "max_depth=int:2..16") == ParameterOverride(name: "max_depth", domain: .integer(lower: 2, upper: 16)))
        #expect(throws: MLError.self) { try ParameterDomain(parsing: "log:0..1") }
        #expect(throws: MLError.self) { try ParameterDomain(parsing: "int:5..2") }
        #expect(throws: MLError.self) { try ParameterDomain(parsing: "gauss:0..1") }
        #expect(throws: MLError.self) { try ParameterDomain(parsing: "cat:") }
        #expect(throws: MLError.self) { try ParameterOverride(parsing: "c") }
    }

    @Test func unitMappingCoversEveryValue() {
        let d = ParameterDomain.integer(lower: 2, upper: 4)
        #expect(d.value(atUnit: 0) == .integer(2))
        #expect(d.value(atUnit: 0.5) == .integer(3))
        #expect(d.value(atUnit: 1) == .integer(4))
        let log = ParameterDomain.logUniform(lower: 0.01, upper: 100)
        #expect(abs(log.value(atUnit: 0.5).number! - 1) < 1e-12)
        #expect(log.value(atUnit: 1) == .real(100))
        let cat = ParameterDomain.categorical(["a", "b", "c"])
        #expect(cat.value(atUnit: 0.99) == .category("c"))
        #expect(cat.unit(of: .category("b")) == 0.5)
    }

    @Test func dimensionsWriteThroughKeyPaths() {
        let space = LogisticRegression.defaultSearchSpace
        #expect(space.dimensions.map(\.name) == ["penalty", "c", "classWeight"])
        let lr = space.estimator(from: [.category("l2"), .real(2.5), .category("balanced")], base: LogisticRegression())
        #expect(lr.penalty == .l2)
        #expect(lr.c == 2.5)
        #expect(lr.classWeight == .balanced)
        let untouched = space.estimator(from: [.category("none"), nil, .category("none")], base: LogisticRegression(c: 7))
        #expect(untouched.c == 7)
        #expect(untouched.penalty == LogisticRegression.Penalty.none)
    }

    @Test func conditionalDimensionIsActiveOnlyForItsParentValues() throws {
        let geometry = try SearchGeometry(LogisticRegression.defaultSearchSpace.infos)
        var rng = RandomStream(seed: 5)
        var sawActive = false, sawInactive = false
        for _ in 0..<200 {
            let u = geometry.randomPoint(using: &rng)
            let values = geometry.values(u)
            guard case let .category(penalty)? = values[0] else { Issue.record("penalty must always be active"); continue }
            if penalty == "none" {
                #expect(values[1] == nil)
                sawInactive = true
            } else {
                #expect(values[1] != nil)
                sawActive = true
            }
            #expect(values[2] != nil)
        }
        #expect(sawActive && sawInactive)

        // LDA's solvers (lsqr, eigen, as PyCaret's) both take shrinkage, so it is always active.
        let lda = try SearchGeometry(LinearDiscriminantAnalysis.defaultSearchSpace.infos)
        for _ in 0..<100 {
            let v = lda.values(lda.randomPoint(using: &rng))
            #expect(v[0] == .category("lsqr") || v[0] == .category("eigen"))
            #expect(v[1] != nil)
        }
    }

    @Test func conditionalDimensionsStayInactiveInTPEAndGPTrials() throws {
        for method in [SearchMethod.tpe, .gp] {
            let options = SearchOptions(method: method, trials: 16, batchSize: 2, threadCount: 1, startupTrials: 4)
            let outcome = try minimize(LogisticRegression.defaultSearchSpace.infos, options: options,
                                       using: RandomStream(seed: 9)) { v -> (loss: Double?, payload: Void) in
                let c = v[1]?.number ?? 20
                return (abs(c - 3) + (v[2] == .category("none") ? 0 : 1), ())
            }
            for t in outcome.trials {
                #expect((t.values[0] == .category("none")) == (t.values[1] == nil), "\(method) trial \(t.index)")
            }
        }
    }

    @Test func userOverridesReplaceOrSwitchOnDimensions() throws {
        var space = LogisticRegression.defaultSearchSpace
        try space.setDomain("C", .logUniform(lower: 0.001, upper: 100))
        try space.setDomain("penalty", .categorical(["l1", "l2"]))
        try space.setDomain("max_iterations", .integer(lower: 200, upper: 400))
        #expect(space.dimensions.map(\.name) == ["penalty", "c", "classWeight", "maxIterations"])
        #expect(space.dimensions[1].domain == .logUniform(lower: 0.001, upper: 100))
        try space.validate(base: LogisticRegression())
        #expect(throws: MLError.self) { try space.setDomain("depth", .integer(lower: 1, upper: 3)) }
        #expect(throws: MLError.self) { try space.setDomain("c", .integer(lower: 1, upper: 3)) }
        #expect(throws: MLError.self) { try space.setDomain("penalty", .categorical(["l3"])) }
        // An override reaching outside a declared constraint is rejected before any fit.
        var bad = LogisticRegression.defaultSearchSpace
        try bad.setDomain("c", .uniform(lower: 0, upper: 10))
        #expect(throws: MLError.self) { try bad.validate(base: LogisticRegression()) }
    }

    /// Every registry entry has a default space, it validates, and no draw breaks a constraint.
    @Test(arguments: ModelRegistry.all.map { "\($0.kind.rawValue)/\($0.id)" })
    func defaultSpaceDrawsOnlyValidCandidates(_ key: String) throws {
        let parts = key.split(separator: "/").map(String.init)
        let kind = ProblemKind(rawValue: parts[0])!
        let space = try #require(DefaultSearchSpaces.space(id: parts[1], kind: kind))
        try space.validate()
        let geometry = try SearchGeometry(space.dimensions)
        var rng = RandomStream(seed: 11)
        for _ in 0..<200 {
            let candidate = space.estimator(from: geometry.values(geometry.randomPoint(using: &rng)))
            try candidate.validate()
        }
        #expect(space.modelID == parts[1])
    }
}

import Foundation
import Testing
import TestSupport
@testable import AutoSwiftML

/// The numbers of `Fixtures/preprocessing/preprocessing.json`, made by
/// `make_preprocessing_fixtures.py` with scikit-learn 1.9.1.
struct PreprocessingReference: Decodable {
    struct Imputer: Decodable { let x: [Double?]; let mean: Double; let median: Double; let most_frequent: Double }
    struct Scalers: Decodable { let columns: [[Double]]; let standard: [[Double]]; let minmax: [[Double]]; let robust: [[Double]] }
    struct Encoding: Decodable { let categories: [String]; let encodings: [[Double]]; let target_mean: [Double] }
    struct TargetEncoderCase: Decodable {
        let categories: [String]
        let binary: [Int32]
        let multiclass: [String]
        let continuous: [Double]
        let auto: [String: Encoding]
        let fixed2_5: [String: Encoding]
        enum CodingKeys: String, CodingKey { case categories, binary, multiclass, continuous, auto, fixed2_5 = "fixed2.5" }
    }
    struct Stratified: Decodable { let y: [Int32]; let k: Int; let counts: [[Int]] }
    let imputer: Imputer
    let scalers: Scalers
    let target_encoder: TargetEncoderCase
    let stratified_kfold: [Stratified]
}

@Suite("Preprocessing against scikit-learn 1.9.1")
struct ScikitLearnFixtureTests {
    let ref: PreprocessingReference

    init() throws {
        ref = try loadFixture("AutoSwiftMLTests/Fixtures/preprocessing/preprocessing.json")
    }

    @Test func simpleImputerStatistics() throws {
        let x = ref.imputer.x
        let table = try makeTable([("x", numeric(x))])
        let target: Target = .values(x.map { _ in 0 })
        let cases: [(NumericImputation, Double)] = [
            (.mean, ref.imputer.mean), (.median, ref.imputer.median), (.mostFrequent, ref.imputer.most_frequent),
        ]
        for (strategy, expected) in cases {
            let p = try PreprocessingConfig(numericImputation: strategy).fit(table, target: target, using: RandomStream(seed: 1))
            guard case let .numeric(_, fill) = p.encodings[0] else { Issue.record("numeric expected"); continue }
            #expect(isClose(fill, expected, rel: 1e-12), "\(strategy): \(fill) vs \(expected)")
        }
    }

    @Test func scalersMatch() throws {
        let table = try makeTable(ref.scalers.columns.enumerated().map { ("c\($0.offset)", numeric($0.element)) })
        let target: Target = .values(ref.scalers.columns[0].map { _ in 0 })
        for (method, expected) in [(Scaling.standard, ref.scalers.standard), (.minMax, ref.scalers.minmax), (.robust, ref.scalers.robust)] {
            let fitted = try PreprocessingConfig(scaling: method).fitTransform(table, target: target, using: RandomStream(seed: 1))
            for j in expected.indices {
                #expect(allClose(fitted.features.column(j), expected[j], rel: 1e-10, abs: 1e-12), "\(method) column \(j)")
            }
        }
    }

    @Test func targetEncoderEncodingsMatch() throws {
        let te = ref.target_encoder
        let table = try makeTable([("h", categorical(te.categories))])
        let classNames = ["a", "b", "c"]
        let multi = te.multiclass.map { Int32(classNames.firstIndex(of: $0) ?? -1) }
        let targets: [(String, Target)] = [
            ("binary", .classes(indices: te.binary, names: ["0", "1"])),
            ("multiclass", .classes(indices: multi, names: classNames)),
            ("continuous", .values(te.continuous)),
        ]
        for (smoothing, refs) in [(TargetEncodingSmoothing.auto, te.auto), (.fixed(2.5), te.fixed2_5)] {
            for (name, target) in targets {
                let expected = try #require(refs[name])
                let config = PreprocessingConfig(maxOneHotLevels: 5, targetEncodingSmoothing: smoothing)
                let p = try config.fit(table, target: target, using: RandomStream(seed: 1))
                guard case let .target(_, levels, _, encodings, defaults, _) = p.encodings[0] else {
                    Issue.record("target encoding expected"); continue
                }
                #expect(levels == expected.categories)
                #expect(encodings.count == expected.encodings.count)
                for k in encodings.indices {
                    #expect(allClose(encodings[k], expected.encodings[k], rel: 1e-10, abs: 1e-12), "\(smoothing) \(name) column \(k)")
                }
                #expect(allClose(defaults, expected.target_mean, rel: 1e-12))
            }
        }
    }

    @Test func stratifiedKFoldAllocationMatches() throws {
        for (i, c) in ref.stratified_kfold.enumerated() {
            var rng = RandomStream(seed: UInt64(i))
            let folds = try StratifiedKFold(foldCount: c.k).folds(classes: c.y, using: &rng)
            let classCount = Int(c.y.max() ?? 0) + 1
            let counts = folds.map { f in (0..<classCount).map { k in f.validation.filter { c.y[$0] == Int32(k) }.count } }
            // scikit-learn's per-fold class counts; which rows go where is random in both.
            #expect(counts == c.counts)
        }
    }
}

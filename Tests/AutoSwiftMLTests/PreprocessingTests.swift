import Foundation
import Testing
import TestSupport
@testable import AutoSwiftML

@Suite("Preprocessing")
struct PreprocessingTests {
    let binary6: Target = .classes(indices: [0, 1, 0, 1, 0, 1], names: ["no", "yes"])

    func fit(_ table: DataTable, _ target: Target, _ config: PreprocessingConfig = PreprocessingConfig()) throws -> FittedPipeline {
        try config.fit(table, target: target, using: RandomStream(seed: 1))
    }

    @Test func numericImputationStrategies() throws {
        let table = try makeTable([("x", numeric([1, nil, 3, 10, nil, 1] as [Double?]))])
        let query = try makeTable([("x", numeric([nil, 5] as [Double?]))])
        let cases: [(NumericImputation, Double)] = [
            (.mean, 15.0 / 4),         // (1 + 3 + 10 + 1) / 4
            (.median, 2),              // sorted 1 1 3 10 → (1 + 3) / 2
            (.mostFrequent, 1),        // 1 appears twice
            (.constant(-7), -7),
        ]
        for (strategy, fill) in cases {
            let p = try fit(table, binary6, PreprocessingConfig(numericImputation: strategy))
            #expect(p.encodings == [.numeric(column: "x", fill: fill)])
            #expect(try p.transform(query).column(0) == [fill, 5])
        }
    }

    @Test func mostFrequentTiesGoToTheSmallest() throws {
        let table = try makeTable([("x", numeric([4, 2, nil, 2, 4, 9] as [Double?]))])
        let p = try fit(table, binary6, PreprocessingConfig(numericImputation: .mostFrequent))
        #expect(p.encodings == [.numeric(column: "x", fill: 2)])
    }

    @Test func binaryCategoryAndImputation() throws {
        let table = try makeTable([("c", categorical(["b", "a", nil, "b", "a", "b"]))])
        let p = try fit(table, binary6)
        // a: 2, b: 3 → missing becomes "b"; two levels → one column, "b" (second in string order) is 1.
        #expect(p.encodings == [.binary(column: "c", levels: ["a", "b"], fill: "b")])
        #expect(p.featureNames == ["c_b"])
        let q = try makeTable([("c", categorical(["a", "b", nil, "unseen"]))])
        #expect(try p.transform(q).column(0) == [0, 1, 1, 0])
    }

    @Test func missingLevelImputationAddsALevel() throws {
        let table = try makeTable([("c", categorical(["b", "a", nil, "b", "a", "b"]))])
        let p = try fit(table, binary6, PreprocessingConfig(categoricalImputation: .missingLevel))
        #expect(p.featureNames == ["c_a", "c_b", "c_missing"])
        let q = try makeTable([("c", categorical([nil, "a"]))])
        #expect(try p.transform(q).rows == [[0, 0, 1], [1, 0, 0]])
    }

    @Test func oneHotWithUnseenCategory() throws {
        let table = try makeTable([("c", categorical(["y", "x", "z", "x", nil, "y"]))])
        let p = try fit(table, binary6)
        #expect(p.featureNames == ["c_x", "c_y", "c_z"])
        let q = try makeTable([("c", categorical(["z", "w", nil]))])
        // z → [0 0 1]; unseen w → all zeros; missing → most frequent (x and y tie at 2: x first).
        #expect(try p.transform(q).rows == [[0, 0, 1], [0, 0, 0], [1, 0, 0]])
    }

    @Test func booleanToZeroOne() throws {
        let table = try makeTable([("b", ColumnData.boolean(values: [true, false, true, false, true, false],
                                                             missing: [false, false, false, true, false, false]))])
        let p = try fit(table, binary6)
        #expect(p.encodings == [.boolean(column: "b", fill: 1)])   // 3 true, 2 false
        let q = try makeTable([("b", ColumnData.boolean(values: [false, true, false], missing: [false, false, true]))])
        #expect(try p.transform(q).column(0) == [0, 1, 1])
    }

    @Test func scalingMethods() throws {
        let x: [Double] = [2, 1, 3, 4, 10]
        let table = try makeTable([("x", numeric(x))])
        let target: Target = .classes(indices: [0, 1, 0, 1, 0], names: ["no", "yes"])
        let expected: [(Scaling, [Double])] = [
            (.none, x),
            (.standard, x.map { ($0 - 4) / 10.0.squareRoot() }),   // mean 4, population var (4+9+1+0+36)/5 = 10
            (.minMax, x.map { ($0 - 1) / 9 }),
            (.robust, x.map { ($0 - 3) / 2 }),                      // median 3, q25 = 2, q75 = 4
        ]
        for (method, values) in expected {
            let p = try PreprocessingConfig(scaling: method).fitTransform(table, target: target, using: RandomStream(seed: 1))
            #expect(allClose(p.features.column(0), values, rel: 1e-12))
            #expect(allClose(try p.pipeline.transform(table).column(0), values, rel: 1e-12))
        }
    }

    @Test func standardScalingOfAConstantOutputKeepsScaleOne() throws {
        // One-hot columns where one level is missing from training rows cannot happen, but a
        // scale of zero must never divide: check the guard directly.
        let m = try Matrix(columns: [[5, 5, 5]])
        let s = FittedScaler.fit(.standard, m)
        #expect(s.scales == [1])
        #expect(s.offsets == [5])
    }

    @Test func targetEncodingMatchesScikitLearn() throws {
        let codes = [0, 0, 0, 1, 1, 2]                       // A A A B B C
        let y: [Double] = [1, 1, 0, 0, 1, 0]
        // smooth="auto": ȳ = 0.5, v = 0.25. A: n 3, mean 2/3, s = 2/3 → λ = 0.75/(0.75 + 2/9) = 27/35,
        // 0.5 + λ/6 = 22/35. B: mean 0.5 → 0.5. C: n 1, s = 0 → λ = 1 → 0.
        // (scikit-learn 1.9.1 TargetEncoder(smooth="auto").fit(...).encodings_ = [0.62857143, 0.5, 0.])
        let auto = TargetMeanEncoder.encode(codes: codes, y: y, rows: Array(0..<6), levelCount: 3, smoothing: .auto)
        #expect(allClose(auto.encodings, [22.0 / 35, 0.5, 0], rel: 1e-12))
        #expect(auto.mean == 0.5)
        // smooth=1: (Σy + ȳ)/(n + 1) = 2.5/4, 1.5/3, 0.5/2.
        let fixed = TargetMeanEncoder.encode(codes: codes, y: y, rows: Array(0..<6), levelCount: 3, smoothing: .fixed(1))
        #expect(allClose(fixed.encodings, [0.625, 0.5, 0.25], rel: 1e-12))
    }

    @Test func multiclassTargetEncodingHasOneColumnPerClass() throws {
        let table = try makeTable([("h", categorical(["A", "A", "A", "B", "B", "C"]))])
        let target: Target = .classes(indices: [0, 1, 2, 0, 1, 2], names: ["a", "b", "c"])
        let p = try fit(table, target, PreprocessingConfig(maxOneHotLevels: 2))
        #expect(p.featureNames == ["h_a", "h_b", "h_c"])
        guard case let .target(_, levels, _, encodings, defaults, _) = p.encodings[0] else {
            Issue.record("expected target encoding"); return
        }
        #expect(levels == ["A", "B", "C"])
        // scikit-learn 1.9.1 encodings_: [1/3, .44, 0], [1/3, .44, 0], [1/3, 0, 1].
        #expect(allClose(encodings[0], [1.0 / 3, 0.44, 0], rel: 1e-12))
        #expect(allClose(encodings[1], [1.0 / 3, 0.44, 0], rel: 1e-12))
        #expect(allClose(encodings[2], [1.0 / 3, 0, 1], rel: 1e-12))
        #expect(allClose(defaults, [1.0 / 3, 1.0 / 3, 1.0 / 3], rel: 1e-12))
        let q = try makeTable([("h", categorical(["C", "new"]))])
        #expect(allClose(try p.transform(q).row(1), defaults))   // unseen → class priors
    }

    @Test func targetEncodingIsOutOfFoldOnTrainingRows() throws {
        // 40 rows, 8 levels; each training row's encoding must come from the other inner folds only.
        let n = 40
        let codes: [Int] = (0..<n).map { (i: Int) -> Int in (i * 7) % 8 }
        let y: [Int32] = (0..<n).map { (i: Int) -> Int32 in Int32((i * 5 + i / 3) % 2) }
        let target: Target = .classes(indices: y, names: ["0", "1"])
        let rng = RandomStream(seed: 9)
        let encoder = TargetMeanEncoder(smoothing: .auto, folds: 5)
        let result = try encoder.fitTransform(codes: codes, levelCount: 8, target: target, using: rng)
        var stream = rng
        let inner = try StratifiedKFold(foldCount: 5).folds(classes: y, using: &stream)
        let yd = y.map(Double.init)
        for fold in inner {
            let part = TargetMeanEncoder.encode(codes: codes, y: yd, rows: fold.train, levelCount: 8, smoothing: .auto)
            for i in fold.validation { #expect(result.outOfFold[0][i] == part.encodings[codes[i]]) }
        }
        // And the out-of-fold values differ from the full fit (a row's own target is not used).
        let full = TargetMeanEncoder.encode(codes: codes, y: yd, rows: Array(0..<n), levelCount: 8, smoothing: .auto)
        #expect(result.encodings[0] == full.encodings)
        #expect((0..<n).contains { result.outOfFold[0][$0] != full.encodings[codes[$0]] })
    }

    @Test func targetEncodedColumnInPipelineUsesOutOfFoldForTrainingAndFullFitForNewRows() throws {
        let levels = (0..<30).map { "L\($0 % 10)" }
        let table = try makeTable([("h", categorical(levels))])
        let target: Target = .classes(indices: (0..<30).map { Int32(($0 / 2) % 2) }, names: ["n", "y"])
        let fitted = try PreprocessingConfig(maxOneHotLevels: 5).fitTransform(table, target: target, using: RandomStream(seed: 4))
        let transformed = try fitted.pipeline.transform(table)
        #expect(fitted.pipeline.featureNames == ["h"])
        #expect(fitted.features != transformed)   // training rows: out-of-fold; new rows: full-fit statistics
    }

    @Test func droppedColumnsAreReported() throws {
        let n = 6
        let table = try makeTable([
            ("id", numeric((1...n).map(Double.init))),
            ("name", ColumnData.text((0..<n).map { "person \($0)" })),
            ("code", categorical((0..<n).map { "c\($0)" })),
            ("empty", numeric([Double?](repeating: nil, count: n))),
            ("same", numeric([Double](repeating: 3, count: n))),
            ("skip", numeric([5, 1, 4, 2, 6, 3])),
            ("x", numeric([0.5, 1.5, 0.25, 2, 3, 1])),
        ])
        let config = PreprocessingConfig(maxOneHotLevels: 3, ignoredColumns: ["skip"])
        let p = try fit(table, binary6, config)
        #expect(p.droppedColumns == [
            DroppedColumn(name: "id", reason: .idLike),
            DroppedColumn(name: "name", reason: .text),
            DroppedColumn(name: "code", reason: .idLike),
            DroppedColumn(name: "empty", reason: .allMissing),
            DroppedColumn(name: "same", reason: .constant),
            DroppedColumn(name: "skip", reason: .ignored),
        ])
        #expect(p.featureNames == ["x"])
        // Dropped columns may be absent at transform time.
        let q = try makeTable([("x", numeric([7]))])
        #expect(try p.transform(q).rows == [[7]])
    }

    @Test func noUsableColumnIsAnError() throws {
        let table = try makeTable([("same", numeric([Double](repeating: 1, count: 6)))])
        #expect(throws: MLError.self) { try fit(table, binary6) }
    }

    @Test func transformErrorsNameTheColumn() throws {
        let table = try makeTable([("x", numeric([0.5, 1.5, 0.25, 2, 3, 1])), ("c", categorical(["a", "b", "a", "b", "a", "b"]))])
        let p = try fit(table, binary6)
        let unknown = try makeTable([("x", numeric([1])), ("c", categorical(["a"])), ("zzz", numeric([1]))])
        #expect { try p.transform(unknown) } throws: { "\($0)".contains("'zzz'") }
        let missing = try makeTable([("x", numeric([1]))])
        #expect { try p.transform(missing) } throws: { "\($0)".contains("'c'") }
        let wrongType = try makeTable([("x", categorical(["a"])), ("c", categorical(["a"]))])
        #expect { try p.transform(wrongType) } throws: { "\($0)".contains("'x'") }
        // A category column read back as numbers is formatted and matched as text.
        let table2 = try makeTable([("k", categorical(["1", "2", "1", "2", "1", "3"]))])
        let p2 = try fit(table2, binary6)
        let q2 = try makeTable([("k", numeric([2, 3]))])
        #expect(try p2.transform(q2).rows == [[0, 1, 0], [0, 0, 1]])
    }

    @Test func invalidSettingsAreRejected() throws {
        let table = try makeTable([("x", numeric([0.5, 1.5, 0.25, 2, 3, 1]))])
        #expect(throws: MLError.self) { try fit(table, binary6, PreprocessingConfig(maxOneHotLevels: 1)) }
        #expect(throws: MLError.self) { try fit(table, binary6, PreprocessingConfig(targetEncodingFolds: 1)) }
        #expect(throws: MLError.self) { try fit(table, binary6, PreprocessingConfig(targetEncodingSmoothing: .fixed(-1))) }
        #expect(throws: MLError.self) { try fit(table, .values([1, 2]), PreprocessingConfig()) }
    }

    @Test func pipelineRoundTripsThroughJSON() throws {
        let table = try makeTable([("x", numeric([0.5, nil, 0.25, 2, 3, 1] as [Double?])), ("c", categorical(["a", "b", "c", "b", nil, "b"]))])
        let p = try fit(table, binary6, PreprocessingConfig(scaling: .standard))
        let data = try JSONEncoder().encode(p)
        let back = try JSONDecoder().decode(FittedPipeline.self, from: data)
        #expect(back == p)
        #expect(try back.transform(table) == p.transform(table))
    }
}

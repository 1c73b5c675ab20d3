import MLCore
@testable import MLModels
import Testing
import TestSupport

@Suite struct KNeighborsTests {
    struct ClassRef: Decodable { let predict: [Int]; let proba: [[Double]]; let accuracy: Double }
    struct ValueRef: Decodable { let predict: [Double]; let r2: Double }

    /// The naive twin of `NeighborSearch.kNearest`: exact distances, a stable sort of all of them.
    static func naiveNearest(train: Matrix, queries: Matrix, k: Int,
                             metric: NeighborMetric = .euclidean) -> ([Int32], [Double]) {
        var idx = [Int32](), dist = [Double]()
        for q in 0..<queries.rowCount {
            var all: [(Double, Int)] = []
            for i in 0..<train.rowCount {
                var s = 0.0
                for j in 0..<train.columnCount {
                    let t = train[i, j] - queries[q, j]
                    s += metric == .euclidean ? t * t : abs(t)
                }
                all.append((metric == .euclidean ? s.squareRoot() : s, i))
            }
            all.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            for r in 0..<k { idx.append(Int32(all[r].1)); dist.append(all[r].0) }
        }
        return (idx, dist)
    }

    @Test func kernelMatchesNaiveTwin() throws {
        var rng = RandomStream(seed: 7)
        // Integer-valued coordinates: the gemm distances are exact, so ties must resolve by index.
        let train = try Matrix(rows: (0..<300).map { _ in (0..<4).map { _ in Double(rng.nextInt(below: 4)) } })
        let queries = try Matrix(rows: (0..<70).map { _ in (0..<4).map { _ in Double(rng.nextInt(below: 4)) } })
        for k in [1, 5, 17] {
            let fast = NeighborSearch.kNearest(train: train, queries: queries, k: k, threads: 2)
            let naive = Self.naiveNearest(train: train, queries: queries, k: k)
            #expect(fast.indices == naive.0)
            #expect(maxAbsoluteError(fast.distances, naive.1) < 1e-12)
        }
        // Real-valued data, split into several query blocks (7 per block, the last one partial).
        let t2 = try Matrix(rows: (0..<200).map { _ in (0..<6).map { _ in rng.nextNormal() } })
        let q2 = try Matrix(rows: (0..<50).map { _ in (0..<6).map { _ in rng.nextNormal() } })
        let fast = NeighborSearch.kNearest(train: t2, queries: q2, k: 7, threads: 2, blockSize: 7)
        let naive = Self.naiveNearest(train: t2, queries: q2, k: 7)
        #expect(fast.indices == naive.0)
        #expect(maxAbsoluteError(fast.distances, naive.1) < 1e-9)
        // The thread count never changes the result.
        let oneThread = NeighborSearch.kNearest(train: t2, queries: q2, k: 7, threads: 1, blockSize: 3)
        #expect(oneThread.indices == fast.indices && oneThread.distances == fast.distances)
        #expect(NeighborSearch.blockSize(trainingRows: 100_000) == 41)
        #expect(NeighborSearch.blockSize(trainingRows: 10) == 1024)
    }

    /// The Manhattan kernel against the naive twin: exact sums in feature order, so indices and
    /// distances agree bit for bit, ties included, for any block size and thread count.
    @Test func manhattanKernelMatchesNaiveTwin() throws {
        var rng = RandomStream(seed: 8)
        let train = try Matrix(rows: (0..<300).map { _ in (0..<4).map { _ in Double(rng.nextInt(below: 4)) } })
        let queries = try Matrix(rows: (0..<70).map { _ in (0..<4).map { _ in Double(rng.nextInt(below: 4)) } })
        for k in [1, 5, 17] {
            let fast = NeighborSearch.kNearest(train: train, queries: queries, k: k, metric: .manhattan, threads: 2)
            let naive = Self.naiveNearest(train: train, queries: queries, k: k, metric: .manhattan)
            #expect(fast.indices == naive.0)
            #expect(fast.distances == naive.1)
        }
        let t2 = try Matrix(rows: (0..<200).map { _ in (0..<6).map { _ in rng.nextNormal() } })
        let q2 = try Matrix(rows: (0..<50).map { _ in (0..<6).map { _ in rng.nextNormal() } })
        let fast = NeighborSearch.kNearest(train: t2, queries: q2, k: 7, metric: .manhattan, threads: 2, blockSize: 7)
        let naive = Self.naiveNearest(train: t2, queries: q2, k: 7, metric: .manhattan)
        #expect(fast.indices == naive.0 && fast.distances == naive.1)
        let oneThread = NeighborSearch.kNearest(train: t2, queries: q2, k: 7, metric: .manhattan, threads: 1, blockSize: 3)
        #expect(oneThread.indices == fast.indices && oneThread.distances == fast.distances)
        // A hand-checked case: |0−1| + |0−2| = 3 and |4−1| + |0−2| = 5.
        let small = NeighborSearch.kNearest(train: try Matrix(rows: [[0, 0], [4, 0]]), queries: try Matrix(rows: [[1, 2]]),
                                            k: 2, metric: .manhattan)
        #expect(small.indices == [0, 1] && small.distances == [3, 5])
    }

    /// Each metric's scikit-learn fixture: `knn.json` (Euclidean), `knn_manhattan.json`.
    static let metricFixtures: [(NeighborMetric, String)] = [(.euclidean, "knn.json"), (.manhattan, "knn_manhattan.json")]

    @Test(arguments: ["titanic", "wine"], metricFixtures)
    func classifierMatchesScikitLearn(_ name: String, _ metric: (NeighborMetric, String)) throws {
        let data = try ClassicDataFixture.load(name)
        let refs = try loadClassic(metric.1, as: [String: AnyClassEntry].self)[name]!
        let train = try data.trainingData(classification: true)
        let test = try data.testFeatures
        var rng = RandomStream(seed: 0)
        for k in [1, 5, 15] {
            let ties = Set(refs.ties["k\(k)_ties"] ?? [])
            for weighting in NeighborWeighting.allCases {
                let ref = refs.results["k\(k)_\(weighting.rawValue)"]!
                let model = try KNeighborsClassifier(neighborCount: k, weighting: weighting, metric: metric.0).fit(train, using: &rng)
                guard case let .classes(pred) = try model.predict(test) else { Issue.record("not classes"); return }
                let proba = try model.predictProbabilities(test)
                // Rows whose k-th and (k+1)-th neighbours tie may legitimately pick either; all others must match.
                for i in 0..<pred.count where !ties.contains(i) {
                    #expect(Int(pred[i]) == ref.predict[i], "k=\(k) \(weighting) row \(i)")
                    #expect(maxAbsoluteError(proba.row(i), ref.proba[i]) < 1e-7, "k=\(k) \(weighting) row \(i)")
                }
                #expect(abs(accuracy(.classes(pred), data.testClasses) - ref.accuracy) <= 0.02)
            }
        }
    }

    @Test(arguments: metricFixtures)
    func regressorMatchesScikitLearn(_ metric: (NeighborMetric, String)) throws {
        let data = try ClassicDataFixture.load("diabetes")
        let refs = try loadClassic(metric.1, as: [String: AnyValueEntry].self)["diabetes"]!
        let train = try data.trainingData(classification: false)
        var rng = RandomStream(seed: 0)
        for k in [1, 5, 15] {
            #expect(refs.ties["k\(k)_ties"] == [])
            for weighting in NeighborWeighting.allCases {
                let ref = refs.results["k\(k)_\(weighting.rawValue)"]!
                let model = try KNeighborsRegressor(neighborCount: k, weighting: weighting, metric: metric.0).fit(train, using: &rng)
                guard case let .values(pred) = try model.predict(try data.testFeatures) else { Issue.record("not values"); return }
                #expect(maxRelativeError(pred, ref.predict) < 1e-10)
            }
        }
    }

    @Test func distanceWeightingAtZeroDistanceAndBadInput() throws {
        let x = try Matrix(rows: [[0], [1], [3]])
        let data = TrainingData(features: x, target: .values([10, 20, 40]))
        var rng = RandomStream(seed: 0)
        let model = try KNeighborsRegressor(neighborCount: 2, weighting: .distance).fit(data, using: &rng)
        #expect(try model.predict(try Matrix(rows: [[1], [2]])) == .values([20, 30]))
        #expect(throws: MLError.self) { try KNeighborsRegressor(neighborCount: 0).fit(data, using: &rng) }
        #expect(throws: MLError.self) { try KNeighborsClassifier().fit(data, using: &rng) }
        #expect(throws: MLError.self) { try model.predict(try Matrix(rows: [[1, 2]])) }
    }

    /// Fewer training rows than `neighborCount`: every row is a neighbour, exactly as with
    /// `neighborCount` = rows (what scikit-learn would need to be told).
    @Test func fewerRowsThanNeighborCountUsesAllRows() throws {
        let x = try Matrix(rows: [[0], [1], [3]])
        let queries = try Matrix(rows: [[-1], [0.5], [2], [9]])
        var rng = RandomStream(seed: 0)
        for weighting in [NeighborWeighting.uniform, .distance] {
            let values = TrainingData(features: x, target: .values([10, 20, 40]))
            let big = try KNeighborsRegressor(neighborCount: 4, weighting: weighting).fit(values, using: &rng)
            let exact = try KNeighborsRegressor(neighborCount: 3, weighting: weighting).fit(values, using: &rng)
            #expect(big.neighborCount == 3)
            #expect(try big.predict(queries) == exact.predict(queries))
            let classes = TrainingData(features: x, target: .classes(indices: [0, 1, 1], names: ["a", "b", "c"]))
            let bigC = try KNeighborsClassifier(neighborCount: 5, weighting: weighting).fit(classes, using: &rng)
            let exactC = try KNeighborsClassifier(neighborCount: 3, weighting: weighting).fit(classes, using: &rng)
            #expect(bigC.neighborCount == 3)
            #expect(try bigC.predictProbabilities(queries) == exactC.predictProbabilities(queries))
        }
        let uniform = try KNeighborsRegressor(neighborCount: 10).fit(TrainingData(features: x, target: .values([10, 20, 40])), using: &rng)
        #expect(try uniform.predict(queries) == .values([70.0 / 3, 70.0 / 3, 70.0 / 3, 70.0 / 3]))
        let votes = try KNeighborsClassifier(neighborCount: 10)
            .fit(TrainingData(features: x, target: .classes(indices: [0, 1, 1], names: ["a", "b", "c"])), using: &rng)
        let p = try votes.predictProbabilities(queries)
        for i in 0..<4 { #expect(p.rows[i] == [1.0 / 3, 2.0 / 3, 0]) }
        #expect(try votes.predict(queries) == .classes([1, 1, 1, 1]))
    }
}

/// knn.json entries mix result objects and tie lists; these decode the two apart (entries of the
/// other problem kind are skipped).
struct AnyClassEntry: Decodable {
    var results: [String: KNeighborsTests.ClassRef] = [:]
    var ties: [String: [Int]] = [:]
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        for key in c.allKeys {
            if key.stringValue.hasSuffix("_ties") { ties[key.stringValue] = try c.decode([Int].self, forKey: key) }
            else { results[key.stringValue] = try? c.decode(KNeighborsTests.ClassRef.self, forKey: key) }
        }
    }
}

struct AnyValueEntry: Decodable {
    var results: [String: KNeighborsTests.ValueRef] = [:]
    var ties: [String: [Int]] = [:]
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        for key in c.allKeys {
            if key.stringValue.hasSuffix("_ties") { ties[key.stringValue] = try c.decode([Int].self, forKey: key) }
            else { results[key.stringValue] = try? c.decode(KNeighborsTests.ValueRef.self, forKey: key) }
        }
    }
}

struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

import Testing
@testable import AutoSwiftML

@Suite("Splits")
struct SplitTests {
    /// Every row is validated exactly once, train and validation are disjoint and cover all rows.
    func checkPartition(_ folds: [Fold], rowCount: Int) {
        var seen = [Int](repeating: 0, count: rowCount)
        for fold in folds {
            #expect(Set(fold.train).isDisjoint(with: fold.validation))
            #expect(fold.train.count + fold.validation.count == rowCount)
            #expect(Set(fold.train + fold.validation) == Set(0..<rowCount))
            #expect(fold.train == fold.train.sorted())
            for v in fold.validation { seen[v] += 1 }
        }
        #expect(seen.allSatisfy { $0 == 1 })
    }

    @Test func kFoldPartitionsAndSizes() throws {
        var rng = RandomStream(seed: 1)
        let folds = try KFold(foldCount: 4).folds(rowCount: 10, using: &rng)
        checkPartition(folds, rowCount: 10)
        // scikit-learn's sizes: the first n % k folds get one more row.
        #expect(folds.map(\.validation.count) == [3, 3, 2, 2])
    }

    @Test func kFoldWithoutShuffleIsConsecutive() throws {
        var rng = RandomStream(seed: 1)
        let folds = try KFold(foldCount: 3, shuffles: false).folds(rowCount: 7, using: &rng)
        #expect(folds.map(\.validation) == [[0, 1, 2], [3, 4], [5, 6]])
    }

    @Test func kFoldSeeds() throws {
        var a = RandomStream(seed: 7), b = RandomStream(seed: 7), c = RandomStream(seed: 8)
        let fa = try KFold(foldCount: 5).folds(rowCount: 50, using: &a)
        let fb = try KFold(foldCount: 5).folds(rowCount: 50, using: &b)
        let fc = try KFold(foldCount: 5).folds(rowCount: 50, using: &c)
        #expect(fa == fb)
        #expect(fa != fc)
    }

    @Test func stratifiedKFoldKeepsProportions() throws {
        // 60 of class 0, 30 of class 1, 10 of class 2, interleaved.
        var classes: [Int32] = []
        for i in 0..<100 { classes.append(i % 10 == 9 ? 2 : (i % 3 == 0 ? 1 : 0)) }
        let counts = (0..<3).map { c in classes.filter { $0 == Int32(c) }.count }
        var rng = RandomStream(seed: 3)
        let folds = try StratifiedKFold(foldCount: 5).folds(classes: classes, using: &rng)
        checkPartition(folds, rowCount: 100)
        for fold in folds {
            #expect(fold.validation.count == 20)
            for c in 0..<3 {
                let inFold = fold.validation.filter { classes[$0] == Int32(c) }.count
                // Each class's members are dealt round-robin: per fold count is floor or ceil of count/k.
                #expect(inFold == counts[c] / 5 || inFold == counts[c] / 5 + 1)
            }
        }
    }

    @Test func stratifiedKFoldSeeds() throws {
        let classes: [Int32] = (0..<40).map { Int32($0 % 2) }
        var a = RandomStream(seed: 1), b = RandomStream(seed: 1), c = RandomStream(seed: 2)
        let fa = try StratifiedKFold(foldCount: 4).folds(classes: classes, using: &a)
        let fb = try StratifiedKFold(foldCount: 4).folds(classes: classes, using: &b)
        let fc = try StratifiedKFold(foldCount: 4).folds(classes: classes, using: &c)
        #expect(fa == fb)
        #expect(fa != fc)
    }

    @Test func foldErrorsAreThrownNotTrapped() {
        var rng = RandomStream(seed: 1)
        #expect(throws: MLError.self) { try KFold(foldCount: 1).folds(rowCount: 10, using: &rng) }
        #expect(throws: MLError.self) { try KFold(foldCount: 5).folds(rowCount: 4, using: &rng) }
        let classes: [Int32] = [0, 0, 0, 0, 0, 1, 1]
        #expect(throws: MLError.self) {
            try StratifiedKFold(foldCount: 3).folds(classes: classes, classNames: ["a", "b"], using: &rng)
        }
    }

    @Test func trainTestSplitProportions() throws {
        var rng = RandomStream(seed: 5)
        let plain = try TrainTestSplit().split(rowCount: 101, using: &rng)
        #expect(plain.train.count == 70)   // floor(0.7 × 101)
        #expect(plain.holdout.count == 31)
        #expect(Set(plain.train).isDisjoint(with: plain.holdout))
        #expect(Set(plain.train + plain.holdout) == Set(0..<101))

        let classes: [Int32] = (0..<100).map { $0 < 80 ? 0 : 1 }
        let strat = try TrainTestSplit().split(rowCount: 100, classes: classes, using: &rng)
        #expect(strat.train.count == 70)
        #expect(strat.holdout.filter { classes[$0] == 1 }.count == 6)   // 30 × 20%
        #expect(strat.holdout.filter { classes[$0] == 0 }.count == 24)
    }

    @Test func trainTestSplitSeedAndErrors() throws {
        var a = RandomStream(seed: 5), b = RandomStream(seed: 5), c = RandomStream(seed: 6)
        let sa = try TrainTestSplit().split(rowCount: 30, using: &a)
        let sb = try TrainTestSplit().split(rowCount: 30, using: &b)
        let sc = try TrainTestSplit().split(rowCount: 30, using: &c)
        #expect(sa.train == sb.train)
        #expect(sa.train != sc.train)
        var rng = RandomStream(seed: 1)
        #expect(throws: MLError.self) { try TrainTestSplit(trainFraction: 1.5).split(rowCount: 10, using: &rng) }
        #expect(throws: MLError.self) { try TrainTestSplit().split(rowCount: 1, using: &rng) }
        #expect(throws: MLError.self) {
            try TrainTestSplit().split(rowCount: 10, classes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1], using: &rng)
        }
    }

    @Test func largestRemainder() {
        // 31 holdout rows over classes of 60/30/10 rows: 18.6, 9.3, 3.1 → 18+1, 9, 3.
        #expect(largestRemainderAllocation(counts: [60, 30, 10], total: 31) == [19, 9, 3])
    }
}

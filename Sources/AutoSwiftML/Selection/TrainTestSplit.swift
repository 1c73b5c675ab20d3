import MLCore

/// A seeded train/holdout split, as scikit-learn's `train_test_split` (and PyCaret's `setup`):
/// `floor(trainFraction × n)` training rows, the rest held out and scored at the end.
///
/// With `classes`, the split is stratified like `StratifiedShuffleSplit`: each class gets its
/// share of the holdout by largest remainder (ties go to the lower class index).
public struct TrainTestSplit: Sendable, Codable, Hashable {
    /// The fraction of rows used for training (default 0.7, as PyCaret's `train_size`).
    public var trainFraction: Double

    /// A splitter.
    public init(trainFraction: Double = 0.7) {
        self.trainFraction = trainFraction
    }

    /// The training and holdout rows of `0..<rowCount` (each ascending).
    /// - Parameter classes: one class index per row to stratify by, or `nil` for a plain shuffle.
    /// - Throws: `MLError` for a fraction outside (0, 1), a side with no rows, or (stratified) a
    ///   class with a single member or a side smaller than the class count.
    /// - Complexity: O(`rowCount`).
    public func split(rowCount: Int, classes: [Int32]? = nil,
                      using rng: inout RandomStream) throws -> (train: [Int], holdout: [Int]) {
        guard trainFraction > 0, trainFraction < 1, trainFraction.isFinite else {
            throw MLError.invalidParameter(estimator: "train/test split", name: "trainFraction",
                                           value: "\(trainFraction)", expected: "a number in (0, 1)")
        }
        if let classes, classes.count != rowCount {
            throw MLError.shapeMismatch(expected: "\(rowCount) class indices", got: "\(classes.count)")
        }
        let trainCount = Int((trainFraction * Double(rowCount)).rounded(.down))
        let holdoutCount = rowCount - trainCount
        guard trainCount > 0, holdoutCount > 0 else {
            throw MLError.invalidInput("A train fraction of \(trainFraction) on \(rowCount) rows leaves \(trainCount) training and \(holdoutCount) holdout rows; both need at least one.")
        }
        guard let classes else {
            let order = rng.permutation(rowCount)
            return (Array(order[holdoutCount...]).sorted(), Array(order[..<holdoutCount]).sorted())
        }
        let members = try groupByClass(classes).filter { !$0.isEmpty }
        if let smallest = members.min(by: { $0.count < $1.count }), smallest.count < 2 {
            throw MLError.invalidInput("A class has only 1 member; a stratified split needs at least 2 per class.")
        }
        guard trainCount >= members.count, holdoutCount >= members.count else {
            throw MLError.invalidInput("A stratified split of \(rowCount) rows into \(trainCount)/\(holdoutCount) cannot hold all \(members.count) classes on both sides.")
        }
        let holdoutPerClass = largestRemainderAllocation(counts: members.map(\.count), total: holdoutCount)
        var train: [Int] = []
        var holdout: [Int] = []
        for (c, var rows) in members.enumerated() {
            rng.shuffle(&rows)
            holdout.append(contentsOf: rows[..<holdoutPerClass[c]])
            train.append(contentsOf: rows[holdoutPerClass[c]...])
        }
        return (train.sorted(), holdout.sorted())
    }
}

extension TrainTestSplit {
    /// The first `floor(trainFraction × rowCount)` rows for training and the rest held out, in row
    /// order (for time series: the holdout is the most recent rows).
    /// - Throws: `MLError` for a fraction outside (0, 1) or a side with no rows.
    public func orderedSplit(rowCount: Int) throws -> (train: [Int], holdout: [Int]) {
        let trainCount = try checkedTrainCount(rowCount: rowCount)
        return (Array(0..<trainCount), Array(trainCount..<rowCount))
    }

    /// A split that never puts one group on both sides (scikit-learn's `GroupShuffleSplit`, by rows):
    /// shuffled groups are moved to the holdout until it holds at least `rowCount − floor(trainFraction ×
    /// rowCount)` rows.
    /// - Throws: `MLError` for a bad fraction, or when the groups cannot leave rows on both sides.
    /// - Complexity: O(`rowCount`).
    public func groupSplit<Key: Hashable>(groups: [Key], using rng: inout RandomStream) throws -> (train: [Int], holdout: [Int]) {
        let trainCount = try checkedTrainCount(rowCount: groups.count)
        var index: [Key: Int] = [:]
        var members: [[Int]] = []
        for (row, key) in groups.enumerated() {
            if let g = index[key] { members[g].append(row) } else { index[key] = members.count; members.append([row]) }
        }
        let order = rng.permutation(members.count)
        var holdoutGroups = Set<Int>()
        var held = 0
        for g in order where held < groups.count - trainCount {
            holdoutGroups.insert(g)
            held += members[g].count
        }
        guard held < groups.count, !holdoutGroups.isEmpty else {
            throw MLError.invalidInput("The \(members.count) group(s) cannot be split into a training part and a holdout part; use more groups.")
        }
        var train: [Int] = [], holdout: [Int] = []
        for (g, rows) in members.enumerated() {
            if holdoutGroups.contains(g) { holdout += rows } else { train += rows }
        }
        return (train.sorted(), holdout.sorted())
    }

    /// `floor(trainFraction × rowCount)` after checking the fraction and that both sides get rows.
    func checkedTrainCount(rowCount: Int) throws -> Int {
        guard trainFraction > 0, trainFraction < 1, trainFraction.isFinite else {
            throw MLError.invalidParameter(estimator: "train/test split", name: "trainFraction",
                                           value: "\(trainFraction)", expected: "a number in (0, 1)")
        }
        let trainCount = Int((trainFraction * Double(rowCount)).rounded(.down))
        guard trainCount > 0, rowCount - trainCount > 0 else {
            throw MLError.invalidInput("A train fraction of \(trainFraction) on \(rowCount) rows leaves \(trainCount) training and \(rowCount - trainCount) holdout rows; both need at least one.")
        }
        return trainCount
    }
}

/// Splits `total` draws among groups proportionally to `counts`: floors first, then one extra draw
/// to the largest remainders (ties to the lower index), never more than a group holds.
func largestRemainderAllocation(counts: [Int], total: Int) -> [Int] {
    let n = counts.reduce(0, +)
    guard n > 0 else { return counts.map { _ in 0 } }
    var alloc = counts.map { $0 * total / n }
    var left = total - alloc.reduce(0, +)
    let order = counts.indices.sorted { a, b in
        let ra = counts[a] * total % n, rb = counts[b] * total % n
        return ra != rb ? ra > rb : a < b
    }
    while left > 0 {
        var progressed = false
        for c in order where left > 0 && alloc[c] < counts[c] {
            alloc[c] += 1
            left -= 1
            progressed = true
        }
        if !progressed { break }
    }
    return alloc
}


import MLCore

/// A baseline classifier that ignores the features (scikit-learn `DummyClassifier`, PyCaret "dummy").
///
/// Defaults: `strategy = .prior`, as PyCaret sets it. The class prior is the (sample-weighted)
/// share of each class in the training target; classes listed in `Target.classes(names:)` without
/// training rows get prior 0 and still have a probability column.
///
///     let model = try DummyClassifier().fit(data, using: &rng)
///     let p = try model.predictProbabilities(test)   // every row equals the class prior
///
/// The random strategies draw one seed from the stream at `fit`; the model then derives its draws
/// from that seed and the row index, so the same model gives the same predictions every time
/// (scikit-learn instead draws at predict time from `random_state`).
public struct DummyClassifier: Estimator {
    /// How the constant (or random) prediction is chosen.
    public enum Strategy: String, Codable, Sendable, Hashable, CaseIterable {
        /// Predicts the most frequent class; probabilities equal the class prior.
        case prior
        /// Predicts the most frequent class with probability 1.
        case mostFrequent = "most_frequent"
        /// Predicts a class drawn uniformly among the classes seen in training.
        case uniform
        /// Predicts a class drawn from the class prior; its probability row is one-hot.
        case stratified
    }

    /// The strategy (default `.prior`).
    public var strategy: Strategy

    /// PyCaret's ID.
    public static let id = "dummy"
    /// The leaderboard name.
    public static let displayName = "Dummy Classifier"
    /// Binary and multiclass targets.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// No numeric hyperparameters; `strategy` is a closed enum.
    public static let constraints: [ParameterConstraint<DummyClassifier>] = []

    /// The defaults: `strategy = .prior`.
    public init() { self.strategy = .prior }

    /// A classifier with the given strategy.
    public init(strategy: Strategy) { self.strategy = strategy }

    /// Computes the (weighted) class prior and, for the random strategies, draws the prediction seed.
    /// - Throws: `MLError` for invalid data (see `checkTrainingData`).
    /// - Complexity: O(n).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        guard case let .classes(indices, names) = data.target else {
            throw MLError.invalidInput("\(Self.displayName) needs a class target.")
        }
        var prior = [Double](repeating: 0, count: names.count)
        var seen = [Bool](repeating: false, count: names.count)
        var total = 0.0
        for (i, c) in indices.enumerated() {
            let w = data.sampleWeights?[i] ?? 1
            prior[Int(c)] += w
            seen[Int(c)] = true
            total += w
        }
        for k in prior.indices { prior[k] /= total }
        let seed: UInt64 = (strategy == .uniform || strategy == .stratified) ? rng.next() : 0
        return Model(strategy: strategy, classPrior: prior,
                     seenClasses: seen.indices.filter { seen[$0] }.map { Int32($0) },
                     featureCount: data.features.columnCount, predictionSeed: seed)
    }

    /// A fitted dummy classifier.
    public struct Model: ProbabilisticModel, Codable, Sendable, Hashable {
        /// The strategy it was fitted with.
        public let strategy: Strategy
        /// The (weighted) training share of each class; sums to 1.
        public let classPrior: [Double]
        /// The classes with at least one training row, ascending.
        public let seenClasses: [Int32]
        /// The number of feature columns expected at prediction.
        public let featureCount: Int
        /// The seed of the per-row draws for the random strategies (0 otherwise).
        public let predictionSeed: UInt64

        /// The number of classes (probability columns).
        public var classCount: Int { classPrior.count }

        /// The class with the largest prior (ties go to the lower index, as `np.argmax`).
        public var mostFrequentClass: Int32 {
            var best = 0
            for k in classPrior.indices where classPrior[k] > classPrior[best] { best = k }
            return Int32(best)
        }

        /// One class per row.
        /// - Throws: `MLError.shapeMismatch` for a wrong column count, `MLError.invalidInput` for NaN.
        /// - Complexity: O(rows).
        public func predict(_ features: Matrix) throws -> Prediction {
            try checkPredictionInput(features)
            return .classes(drawClasses(features.rowCount))
        }

        /// Class probabilities, one row per sample: the prior, a one-hot row, or uniform over the
        /// classes seen in training, depending on the strategy.
        /// - Throws: as `predict`.
        /// - Complexity: O(rows × classes).
        public func predictProbabilities(_ features: Matrix) throws -> Matrix {
            try checkPredictionInput(features)
            let n = features.rowCount
            var out = Matrix(rowCount: n, columnCount: classCount)
            switch strategy {
            case .prior:
                for k in 0..<classCount { for i in 0..<n { out[i, k] = classPrior[k] } }
            case .uniform:
                let p = 1 / Double(seenClasses.count)
                for k in seenClasses { for i in 0..<n { out[i, Int(k)] = p } }
            case .mostFrequent, .stratified:
                for (i, c) in drawClasses(n).enumerated() { out[i, Int(c)] = 1 }
            }
            return out
        }

        /// The predicted class of each of `rowCount` rows; draws depend on the seed and row index only.
        func drawClasses(_ rowCount: Int) -> [Int32] {
            switch strategy {
            case .prior, .mostFrequent:
                return [Int32](repeating: mostFrequentClass, count: rowCount)
            case .uniform:
                var rng = RandomStream(seed: predictionSeed)
                return (0..<rowCount).map { _ in seenClasses[rng.nextInt(below: seenClasses.count)] }
            case .stratified:
                var rng = RandomStream(seed: predictionSeed)
                return (0..<rowCount).map { _ in sampleFromPrior(rng.nextUniform()) }
            }
        }

        /// The class whose cumulative prior first exceeds `u` (a uniform draw in [0, 1)).
        func sampleFromPrior(_ u: Double) -> Int32 {
            var cumulative = 0.0
            var last: Int32 = 0
            for k in classPrior.indices where classPrior[k] > 0 {
                cumulative += classPrior[k]
                last = Int32(k)
                if u < cumulative { return last }
            }
            return last   // rounding left the cumulative sum just below 1
        }
    }
}

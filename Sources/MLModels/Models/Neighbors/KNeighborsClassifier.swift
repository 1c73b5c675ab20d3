import MLCore

/// k-nearest-neighbours classification under the Euclidean (brute force, BLAS) or the Manhattan
/// distance.
///
/// Matches scikit-learn `KNeighborsClassifier(n_neighbors=5, weights="uniform",
/// metric="minkowski", p=2)` (with `metric = .manhattan`, `metric="manhattan"`): the class probabilities are the (weighted) share of each class among
/// the `neighborCount` nearest training rows (all of them when there are fewer; scikit-learn
/// raises there), and the prediction is the most probable class (ties go to the lower class index).
/// Neighbours at equal distance are taken in training-row order.
/// Sample weights are not used (scikit-learn has none either).
///
/// Defaults: `neighborCount = 5`, `weighting = .uniform`, `metric = .euclidean`.
/// PyCaret ID `"knn"`, "K Neighbors Classifier".
public struct KNeighborsClassifier: Estimator {
    /// How many neighbours vote (`n_neighbors`).
    public var neighborCount: Int
    /// How the votes are weighted.
    public var weighting: NeighborWeighting
    /// The distance (`metric`; default Euclidean).
    public var metric: NeighborMetric

    /// The defaults: 5 neighbours, uniform votes, Euclidean distance.
    public init() {
        neighborCount = 5
        weighting = .uniform
        metric = .euclidean
    }

    /// A classifier with `neighborCount` neighbours, the given weighting and distance.
    public init(neighborCount: Int = 5, weighting: NeighborWeighting = .uniform, metric: NeighborMetric = .euclidean) {
        self.neighborCount = neighborCount
        self.weighting = weighting
        self.metric = metric
    }

    /// `"knn"`.
    public static let id = "knn"
    /// `"K Neighbors Classifier"`.
    public static let displayName = "K Neighbors Classifier"
    /// Binary and multiclass classification.
    public static let supportedTasks: Set<Task> = [.binary, .multiclass]
    /// `neighborCount ≥ 1`.
    public static let constraints: [ParameterConstraint<KNeighborsClassifier>] = [
        .integer("neighborCount", \.neighborCount, 1...Int.max),
    ]

    /// Stores the training rows.
    ///
    /// With fewer training rows than `neighborCount`, every training row is a neighbour: the model
    /// uses `k = min(neighborCount, rows)` (scikit-learn raises instead; a leaderboard on tiny
    /// folds should not fail). `Model.neighborCount` records the `k` actually used.
    /// - Complexity: O(rows × features) (a copy).
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let (y, k) = try ClassicSupport.classTarget(data, estimator: Self.displayName)
        let used = min(neighborCount, data.features.rowCount)
        return Model(neighborCount: used, weighting: weighting, metric: metric, classCount: k, training: data.features, classes: y)
    }

    /// A fitted k-nearest-neighbours classifier: the training rows and their classes.
    public struct Model: ProbabilisticModel, Equatable {
        /// How many neighbours vote: `min(neighborCount, training rows)`.
        public let neighborCount: Int
        /// How the votes are weighted.
        public let weighting: NeighborWeighting
        /// The distance.
        public let metric: NeighborMetric
        /// The number of classes.
        public let classCount: Int
        /// The training rows.
        public let training: Matrix
        /// The training classes.
        public let classes: [Int32]

        /// Number of feature columns.
        public var featureCount: Int { training.columnCount }

        /// The nearest training rows of each query (row-major `rows × neighborCount`), nearest
        /// first, and their distances.
        /// - Complexity: O(rows × training rows × features).
        public func neighbors(_ features: Matrix) throws -> (indices: [Int32], distances: [Double]) {
            try checkPredictionInput(features)
            if features.rowCount == 0 { return ([], []) }
            return NeighborSearch.kNearest(train: training, queries: features, k: neighborCount, metric: metric)
        }

        /// The weighted share of each class among the neighbours (rows × classes).
        public func predictProbabilities(_ features: Matrix) throws -> Matrix {
            let (idx, dist) = try neighbors(features)
            let k = neighborCount
            var out = Matrix(rowCount: features.rowCount, columnCount: classCount)
            for q in 0..<features.rowCount {
                let w = weighting.weights(dist[(q * k)..<((q + 1) * k)])
                var total = 0.0
                for r in 0..<k {
                    out[q, Int(classes[Int(idx[q * k + r])])] += w[r]
                    total += w[r]
                }
                for c in 0..<classCount { out[q, c] /= total }
            }
            return out
        }

        /// The class with the largest (weighted) vote; ties go to the lower class index.
        public func predict(_ features: Matrix) throws -> Prediction {
            .classes(argmaxClasses(try predictProbabilities(features)))
        }
    }
}

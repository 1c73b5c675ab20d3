import MLCore

/// k-nearest-neighbours regression under the Euclidean (brute force, BLAS) or the Manhattan
/// distance.
///
/// Matches scikit-learn `KNeighborsRegressor(n_neighbors=5, weights="uniform")` (with
/// `metric = .manhattan`, `metric="manhattan"`): the prediction
/// is the (weighted) mean of the `neighborCount` nearest training targets (all of them when there
/// are fewer training rows; scikit-learn raises there). Neighbours at equal distance are taken in
/// training-row order.
///
/// Defaults: `neighborCount = 5`, `weighting = .uniform`, `metric = .euclidean`.
/// PyCaret ID `"knn"`, "K Neighbors Regressor".
public struct KNeighborsRegressor: Estimator {
    /// How many neighbours are averaged (`n_neighbors`).
    public var neighborCount: Int
    /// How they are weighted.
    public var weighting: NeighborWeighting
    /// The distance (`metric`; default Euclidean).
    public var metric: NeighborMetric

    /// The defaults: 5 neighbours, uniform weights, Euclidean distance.
    public init() {
        neighborCount = 5
        weighting = .uniform
        metric = .euclidean
    }

    /// A regressor with `neighborCount` neighbours, the given weighting and distance.
    public init(neighborCount: Int = 5, weighting: NeighborWeighting = .uniform, metric: NeighborMetric = .euclidean) {
        self.neighborCount = neighborCount
        self.weighting = weighting
        self.metric = metric
    }

    /// `"knn"`.
    public static let id = "knn"
    /// `"K Neighbors Regressor"`.
    public static let displayName = "K Neighbors Regressor"
    /// Regression.
    public static let supportedTasks: Set<Task> = [.regression]
    /// `neighborCount ≥ 1`.
    public static let constraints: [ParameterConstraint<KNeighborsRegressor>] = [
        .integer("neighborCount", \.neighborCount, 1...Int.max),
    ]

    /// Stores the training rows.
    ///
    /// With fewer training rows than `neighborCount`, every training row is a neighbour: the model
    /// uses `k = min(neighborCount, rows)` (scikit-learn raises instead; a leaderboard on tiny
    /// folds should not fail). `Model.neighborCount` records the `k` actually used.
    public func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        try validate()
        try checkTrainingData(data)
        let y = try ClassicSupport.valueTarget(data, estimator: Self.displayName)
        let k = min(neighborCount, data.features.rowCount)
        return Model(neighborCount: k, weighting: weighting, metric: metric, training: data.features, values: y)
    }

    /// A fitted k-nearest-neighbours regressor: the training rows and their targets.
    public struct Model: FittedModel, Equatable {
        /// How many neighbours are averaged: `min(neighborCount, training rows)`.
        public let neighborCount: Int
        /// How they are weighted.
        public let weighting: NeighborWeighting
        /// The distance.
        public let metric: NeighborMetric
        /// The training rows.
        public let training: Matrix
        /// The training targets.
        public let values: [Double]

        /// Number of feature columns.
        public var featureCount: Int { training.columnCount }

        /// The (weighted) mean target of each row's neighbours.
        /// - Complexity: O(rows × training rows × features).
        public func predict(_ features: Matrix) throws -> Prediction {
            try checkPredictionInput(features)
            if features.rowCount == 0 { return .values([]) }
            let k = neighborCount
            let (idx, dist) = NeighborSearch.kNearest(train: training, queries: features, k: k, metric: metric)
            var out = [Double](repeating: 0, count: features.rowCount)
            for q in 0..<features.rowCount {
                let w = weighting.weights(dist[(q * k)..<((q + 1) * k)])
                var s = 0.0, total = 0.0
                for r in 0..<k {
                    s += w[r] * values[Int(idx[q * k + r])]
                    total += w[r]
                }
                out[q] = s / total
            }
            return .values(out)
        }
    }
}

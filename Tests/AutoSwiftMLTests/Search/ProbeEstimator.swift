import AutoSwiftML

/// A shrunken nearest-centroid classifier for search tests: `shrinkage` pulls each class centroid
/// toward the overall mean. Its constraint is deliberately not an interval (`shrinkage` must stay
/// out of (0.4, 0.6)), so a space whose end points are valid can still draw invalid values; `fit`
/// reports any invalid value that reaches it.
struct ProbeEstimator: Estimator {
    enum Distance: String, Codable, Sendable, Hashable, CaseIterable { case euclidean, manhattan }

    static let id = "probe"
    static let displayName = "Probe"
    static let supportedTasks: Set<Task> = [.binary, .multiclass]
    static let constraints: [ParameterConstraint<ProbeEstimator>] = [
        ParameterConstraint(name: "shrinkage", expected: "a number in [0, 1] outside (0.4, 0.6)",
                            isSatisfied: { $0.shrinkage >= 0 && $0.shrinkage <= 1 && !($0.shrinkage > 0.4 && $0.shrinkage < 0.6) },
                            describeValue: { "\($0.shrinkage)" }, invalidVariants: { _ in [] }),
        .integer("power", \.power, 1...4),
    ]

    var shrinkage = 0.0
    var distance = Distance.euclidean
    var power = 1
    init() {}

    struct Model: FittedModel {
        let centroids: [[Double]]
        let distance: Distance
        var featureCount: Int { centroids.first?.count ?? 0 }

        func predict(_ x: Matrix) throws -> Prediction {
            try checkPredictionInput(x)
            var out = [Int32](repeating: 0, count: x.rowCount)
            for i in 0..<x.rowCount {
                let row = x.row(i)
                var best = 0, bestD = Double.infinity
                for (k, c) in centroids.enumerated() {
                    var d = 0.0
                    for j in 0..<row.count { d += distance == .euclidean ? (row[j] - c[j]) * (row[j] - c[j]) : abs(row[j] - c[j]) }
                    if d < bestD { bestD = d; best = k }
                }
                out[i] = Int32(best)
            }
            return .classes(out)
        }
    }

    func fit(_ data: TrainingData, using rng: inout RandomStream) throws -> Model {
        guard Self.constraints.allSatisfy({ $0.isSatisfied(self) }) else {
            throw MLError.invalidInput("PROBE: an invalid candidate reached fit")
        }
        try checkTrainingData(data)
        guard case let .classes(y, names) = data.target else { throw MLError.invalidInput("classes only") }
        let p = data.features.columnCount
        var mean = [Double](repeating: 0, count: p)
        var sums = [[Double]](repeating: [Double](repeating: 0, count: p), count: names.count)
        var counts = [Double](repeating: 0, count: names.count)
        for i in 0..<data.features.rowCount {
            counts[Int(y[i])] += 1
            for j in 0..<p {
                sums[Int(y[i])][j] += data.features[i, j]
                mean[j] += data.features[i, j] / Double(data.features.rowCount)
            }
        }
        let factor = pow(1 - shrinkage, Double(power))
        let centroids = (0..<names.count).map { k in
            (0..<p).map { j in counts[k] > 0 ? mean[j] + factor * (sums[k][j] / counts[k] - mean[j]) : mean[j] }
        }
        return Model(centroids: centroids, distance: distance)
    }
}

#if canImport(Glibc)
import Glibc
#endif

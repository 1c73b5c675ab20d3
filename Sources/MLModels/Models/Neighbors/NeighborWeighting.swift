/// How the k nearest neighbours' votes (or values) are weighted.
public enum NeighborWeighting: String, Codable, Sendable, Hashable, CaseIterable {
    /// Every neighbour counts the same (scikit-learn `weights="uniform"`, the default).
    case uniform
    /// Weight `1/distance`; neighbours at distance 0, if any, take all the weight
    /// (scikit-learn `weights="distance"`).
    case distance

    /// The weights of one query's neighbours, given their distances.
    func weights(_ distances: ArraySlice<Double>) -> [Double] {
        switch self {
        case .uniform:
            return [Double](repeating: 1, count: distances.count)
        case .distance:
            if distances.contains(0) { return distances.map { $0 == 0 ? 1 : 0 } }
            return distances.map { 1 / $0 }
        }
    }
}

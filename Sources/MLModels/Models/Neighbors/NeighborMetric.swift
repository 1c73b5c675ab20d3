/// The distance under which neighbours are found.
public enum NeighborMetric: String, Codable, Sendable, Hashable, CaseIterable {
    /// √Σ(xⱼ − yⱼ)² (scikit-learn `metric="minkowski", p=2`, the default, or `"euclidean"`).
    case euclidean
    /// Σ|xⱼ − yⱼ| (scikit-learn `metric="manhattan"`).
    case manhattan
}

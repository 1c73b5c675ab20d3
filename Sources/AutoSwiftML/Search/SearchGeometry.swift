import MLCore

/// The search space as the searchers see it: one unit coordinate per dimension, with conditions
/// resolved to parent indices. Every point of [0, 1]^d decodes to a valid candidate.
struct SearchGeometry: Sendable {
    /// The dimensions, in order.
    let dimensions: [SearchDimensionInfo]
    /// For each dimension, the index of its parent (an earlier categorical dimension), if any.
    let parents: [Int?]
    /// For each conditional dimension, the parent's category indices that make it active.
    let allowed: [Set<Int>]

    /// Resolves the conditions.
    /// - Throws: `MLError.invalidInput` for an empty space or a condition whose parent is not an
    ///   earlier categorical dimension.
    init(_ dimensions: [SearchDimensionInfo]) throws {
        guard !dimensions.isEmpty else { throw MLError.invalidInput("The search space has no dimension.") }
        var parents: [Int?] = []
        var allowed: [Set<Int>] = []
        for (i, d) in dimensions.enumerated() {
            try d.domain.validate()
            guard let c = d.condition else {
                parents.append(nil)
                allowed.append([])
                continue
            }
            let key = normalizedParameterName(c.parent)
            guard let p = dimensions[..<i].firstIndex(where: { normalizedParameterName($0.name) == key }),
                  case let .categorical(labels) = dimensions[p].domain else {
                throw MLError.invalidInput("'\(d.name)' depends on '\(c.parent)', which must be an earlier categorical dimension.")
            }
            parents.append(p)
            allowed.append(Set(c.values.compactMap { labels.firstIndex(of: $0) }))
        }
        self.dimensions = dimensions
        self.parents = parents
        self.allowed = allowed
    }

    /// The number of dimensions.
    var count: Int { dimensions.count }

    /// Which dimensions are active at `u`: a dimension is active when it has no condition, or its
    /// parent is active and takes one of the allowed categories.
    func activeMask(_ u: [Double]) -> [Bool] {
        var active = [Bool](repeating: true, count: count)
        for i in 0..<count {
            guard let p = parents[i] else { continue }
            active[i] = active[p] && allowed[i].contains(dimensions[p].domain.categoryIndex(atUnit: u[p]))
        }
        return active
    }

    /// The decoded values at `u` (`nil` for inactive dimensions).
    func values(_ u: [Double]) -> [ParameterValue?] {
        let active = activeMask(u)
        return (0..<count).map { active[$0] ? dimensions[$0].domain.value(atUnit: u[$0]) : nil }
    }

    /// `u` with integer and categorical coordinates moved to their bin centres (what a model of
    /// the objective should see: points that decode alike are alike).
    func snapped(_ u: [Double]) -> [Double] {
        (0..<count).map { i in
            let d = dimensions[i].domain
            switch d {
            case .integer, .categorical: return d.unit(of: d.value(atUnit: u[i])) ?? u[i]
            case .uniform, .logUniform: return min(max(u[i], 0), 1)
            }
        }
    }

    /// A uniform random point.
    func randomPoint(using rng: inout RandomStream) -> [Double] {
        (0..<count).map { _ in rng.nextUniform() }
    }

    /// A Latin hypercube of `count` points: on every coordinate each of the `count` equal strata
    /// [k/count, (k+1)/count) holds exactly one point, at a uniform position inside it; the strata
    /// are matched across coordinates by independent random permutations.
    func latinHypercube(count: Int, using rng: inout RandomStream) -> [[Double]] {
        guard count > 0 else { return [] }
        var points = [[Double]](repeating: [Double](repeating: 0, count: self.count), count: count)
        for d in 0..<self.count {
            let strata = rng.permutation(count)
            for i in 0..<count { points[i][d] = (Double(strata[i]) + rng.nextUniform()) / Double(count) }
        }
        return points
    }

    /// The width of the Gaussian process's input: one column per real or integer dimension and one
    /// per category.
    var featureCount: Int {
        dimensions.reduce(0) { $0 + ($1.domain.categoryCount ?? 1) }
    }

    /// The Gaussian process's input for `u`: real coordinates as they are, integers rounded to
    /// their bin centre, categories one-hot; inactive dimensions give 0.5 (reals) or all zeros
    /// (categories), so they do not separate points.
    func features(_ u: [Double]) -> [Double] {
        let active = activeMask(u)
        let s = snapped(u)
        var out: [Double] = []
        out.reserveCapacity(featureCount)
        for i in 0..<count {
            let d = dimensions[i].domain
            if let k = d.categoryCount {
                var oneHot = [Double](repeating: 0, count: k)
                if active[i] { oneHot[d.categoryIndex(atUnit: u[i])] = 1 }
                out += oneHot
            } else {
                out.append(active[i] ? s[i] : 0.5)
            }
        }
        return out
    }
}

/// One finished trial as a searcher sees it.
struct SearchObservation: Sendable {
    /// The trial's index (its order of proposal).
    let index: Int
    /// The proposed point.
    let unit: [Double]
    /// Which dimensions were active.
    let active: [Bool]
    /// The loss (lower is better); `nil` when the trial failed.
    let loss: Double?
}

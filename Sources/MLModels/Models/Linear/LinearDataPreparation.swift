import MLCore

// Shared data preparation for the linear family: weights, weighted centring, class layouts.

/// The sample weights of `data`, or all ones when it has none.
func effectiveSampleWeights(_ data: TrainingData) -> [Double] {
    data.sampleWeights ?? [Double](repeating: 1, count: data.features.rowCount)
}

/// Weighted column means of `x` and the centred copy, optionally scaled row-wise by √w.
///
/// scikit-learn's `_preprocess_data` + `_rescale_data`: with rows scaled by √w, ordinary least
/// squares on the result minimises Σ wᵢ rᵢ².
/// - Complexity: O(rows × columns).
struct CentredDesign {
    /// Weighted mean of each feature column.
    var featureMeans: [Double]
    /// Weighted mean of the target (each target column, for several).
    var targetMeans: [Double]
    /// The centred features, rows multiplied by √wᵢ.
    var features: Matrix
    /// The centred targets (one column per output), rows multiplied by √wᵢ.
    var targets: Matrix

    init(features x: Matrix, targets y: Matrix, weights w: [Double], fitsIntercept: Bool) {
        let n = x.rowCount, p = x.columnCount
        var total = 0.0
        for v in w { total += v }
        var means = [Double](repeating: 0, count: p)
        var yMeans = [Double](repeating: 0, count: y.columnCount)
        var xs = x
        var ys = y
        var root = [Double](repeating: 0, count: n)
        for i in 0..<n { root[i] = w[i].squareRoot() }
        xs.storage.withUnsafeMutableBufferPointer { buf in
            for j in 0..<p {
                let base = j &* n
                var m = 0.0
                if fitsIntercept {
                    for i in 0..<n { m += w[i] * buf[base &+ i] }
                    m /= total
                }
                means[j] = m
                for i in 0..<n { buf[base &+ i] = (buf[base &+ i] - m) * root[i] }
            }
        }
        ys.storage.withUnsafeMutableBufferPointer { buf in
            for j in 0..<y.columnCount {
                let base = j &* n
                var m = 0.0
                if fitsIntercept {
                    for i in 0..<n { m += w[i] * buf[base &+ i] }
                    m /= total
                }
                yMeans[j] = m
                for i in 0..<n { buf[base &+ i] = (buf[base &+ i] - m) * root[i] }
            }
        }
        self.featureMeans = means
        self.targetMeans = yMeans
        self.features = xs
        self.targets = ys
    }

    /// Intercepts `ȳ_k − x̄ · w_k` for coefficients `coefficients` (features × outputs).
    func intercepts(for coefficients: Matrix) -> [Double] {
        (0..<coefficients.columnCount).map { k in
            var s = targetMeans[k]
            for j in 0..<featureMeans.count { s -= featureMeans[j] * coefficients[j, k] }
            return s
        }
    }
}

/// The classes present in a training target, and each row's position among them.
///
/// `Target.names` may list classes with no training rows (a CV fold can miss one); the linear
/// classifiers fit only the present ones, as scikit-learn's `classes_`, and give the others
/// probability 0.
struct PresentClasses {
    /// Number of classes in `Target.names`.
    var classCount: Int
    /// Present class indices, ascending.
    var present: [Int32]
    /// Per row, the position of its class within `present`.
    var rowPositions: [Int]

    init(indices: [Int32], classCount: Int) {
        var seen = [Bool](repeating: false, count: classCount)
        for c in indices { seen[Int(c)] = true }
        present = (0..<classCount).filter { seen[$0] }.map { Int32($0) }
        var position = [Int](repeating: -1, count: classCount)
        for (k, c) in present.enumerated() { position[Int(c)] = k }
        rowPositions = indices.map { position[Int($0)] }
        self.classCount = classCount
    }

    /// scikit-learn's `class_weight="balanced"`: n / (present classes × count), per row.
    func balancedRowWeights() -> [Double] {
        var counts = [Double](repeating: 0, count: present.count)
        for k in rowPositions { counts[k] += 1 }
        let n = Double(rowPositions.count), m = Double(present.count)
        return rowPositions.map { n / (m * counts[$0]) }
    }
}

extension TrainingData {
    /// The class indices and names, or a clear error for a regression target.
    func classTarget(for estimator: String) throws -> (indices: [Int32], names: [String]) {
        guard case let .classes(indices, names) = target else {
            throw MLError.invalidInput("\(estimator) needs a class target.")
        }
        return (indices, names)
    }

    /// The real-valued target, or a clear error for a class target.
    func valueTarget(for estimator: String) throws -> [Double] {
        guard case let .values(v) = target else {
            throw MLError.invalidInput("\(estimator) needs a real-valued target.")
        }
        return v
    }
}

extension Matrix {
    /// A one-column matrix replaced by `values` (helper for vector targets).
    func with(column values: [Double]) -> Matrix {
        var m = self
        m.storage = values
        return m
    }
}

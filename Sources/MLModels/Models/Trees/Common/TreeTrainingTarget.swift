import MLCore

/// The target as the tree learners use it: class indices or values, plus weights.
struct TreeTrainingTarget {
    /// Class index per row (empty for regression).
    var classes: [Int32] = []
    /// Number of classes (0 for regression).
    var classCount = 0
    /// Value per row (empty for classification).
    var values: [Double] = []
    /// Optional sample weights.
    var weights: [Double]?

    init(_ data: TrainingData) {
        switch data.target {
        case let .classes(indices, names): classes = indices; classCount = names.count
        case let .values(v): values = v
        }
        weights = data.sampleWeights
    }

    var isClassification: Bool { classCount > 0 }
}

extension Matrix {
    /// The row-major `rowCount × k` matrix of a flat row-major buffer (internal helper for probabilities).
    static func fromRowMajor(_ values: [Double], rows: Int, columns: Int) -> Matrix {
        var m = Matrix(rowCount: rows, columnCount: columns)
        for i in 0..<rows { for j in 0..<columns { m[i, j] = values[i * columns + j] } }
        return m
    }
}

/// Resolves an optional thread count to a positive number.
func resolvedThreads(_ threads: Int?) -> Int { Swift.max(1, threads ?? Parallel.defaultThreadCount) }

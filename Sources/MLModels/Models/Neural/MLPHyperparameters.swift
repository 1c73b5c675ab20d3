import MLCore

/// The hyperparameters `MLPClassifier` and `MLPRegressor` share, with their constraints.
protocol MLPHyperparameters: Estimator {
    var hiddenLayerSizes: [Int] { get set }
    var activation: MLPActivation { get set }
    var alpha: Double { get set }
    var batchSize: Int? { get set }
    var learningRate: Double { get set }
    var maxIterations: Int { get set }
    var shuffles: Bool { get set }
    var tolerance: Double { get set }
    var stopsEarly: Bool { get set }
    var validationFraction: Double { get set }
    var iterationsWithoutChange: Int { get set }
    var beta1: Double { get set }
    var beta2: Double { get set }
    var epsilon: Double { get set }
}

extension MLPHyperparameters {
    /// The trainer's view of the settings.
    var trainingOptions: MLPTrainingOptions {
        MLPTrainingOptions(hiddenLayerSizes: hiddenLayerSizes, activation: activation, alpha: alpha, batchSize: batchSize,
                           learningRate: learningRate, maxIterations: maxIterations, shuffles: shuffles,
                           tolerance: tolerance, stopsEarly: stopsEarly, validationFraction: validationFraction,
                           iterationsWithoutChange: iterationsWithoutChange, beta1: beta1, beta2: beta2, epsilon: epsilon)
    }

    /// The constraints both MLPs declare.
    static var mlpConstraints: [ParameterConstraint<Self>] {
        [
            ParameterConstraint(name: "hiddenLayerSizes", expected: "a list of integers ≥ 1",
                                isSatisfied: { $0.hiddenLayerSizes.allSatisfy { $0 >= 1 } },
                                describeValue: { "\($0.hiddenLayerSizes)" },
                                invalidVariants: { e in var c = e; c.hiddenLayerSizes = [0]; return [c] }),
            .real("alpha", \.alpha, .atLeast(0)),
            .optionalInteger("batchSize", \.batchSize, 1...Int.max),
            .real("learningRate", \.learningRate, .greaterThan(0)),
            .integer("maxIterations", \.maxIterations, 1...Int.max),
            .real("tolerance", \.tolerance, .atLeast(0)),
            .real("validationFraction", \.validationFraction, .open(0, 1)),
            .integer("iterationsWithoutChange", \.iterationsWithoutChange, 1...Int.max),
            .real("beta1", \.beta1, .rightOpen(0, 1)),
            .real("beta2", \.beta2, .rightOpen(0, 1)),
            .real("epsilon", \.epsilon, .greaterThan(0)),
        ]
    }
}

extension MLPNetwork {
    /// The network's output for every row, computed in blocks of 4096 rows to bound memory.
    func predictInBlocks(_ x: Matrix) -> Matrix {
        let n = x.rowCount, block = 4096
        if n <= block { return predictOutput(x) }
        var out = Matrix(rowCount: n, columnCount: outputCount)
        var start = 0
        while start < n {
            let rows = Array(start..<min(n, start + block))
            let part = predictOutput(x.gatheringRows(rows))
            for j in 0..<out.columnCount { for (r, i) in rows.enumerated() { out[i, j] = part[r, j] } }
            start += block
        }
        return out
    }
}

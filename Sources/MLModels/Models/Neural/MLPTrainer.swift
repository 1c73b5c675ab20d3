import MLCore

/// The settings `MLPClassifier` and `MLPRegressor` share, gathered for the trainer.
struct MLPTrainingOptions: Sendable {
    var hiddenLayerSizes: [Int]
    var activation: MLPActivation
    var alpha: Double
    var batchSize: Int?
    var learningRate: Double
    var maxIterations: Int
    var shuffles: Bool
    var tolerance: Double
    var stopsEarly: Bool
    var validationFraction: Double
    var iterationsWithoutChange: Int
    var beta1: Double
    var beta2: Double
    var epsilon: Double
}

/// What training produced.
struct MLPTrainingResult: Sendable {
    var network: MLPNetwork
    var iterations: Int
    var finalLoss: Double
}

/// Mini-batch Adam training, following scikit-learn's `_fit_stochastic`:
/// - batches of `min(200, n)` rows (or `batchSize`), reshuffled every epoch when `shuffles`;
/// - the epoch loss is the row-weighted mean of the batch losses;
/// - without early stopping, training stops once the loss has failed to drop by `tolerance` for
///   more than `iterationsWithoutChange` consecutive epochs;
/// - with early stopping, a stratified (classification) or plain random `validationFraction` of
///   the rows is held out, scored after each epoch (accuracy or R²), and the best weights kept.
///
/// Random streams: `split(1)` initialises the weights, `split(2)` shuffles, `split(3)` draws the
/// validation rows — so the result depends only on the caller's stream.
enum MLPTrainer {
    /// Trains a network on `x` against the target matrix `y` (rows × outputs).
    /// - Parameters:
    ///   - strata: class index of each row (for a stratified validation split), or nil.
    ///   - score: the validation score of a network on (x, y), higher is better.
    ///   - interruption: checked once per epoch.
    /// - Throws: `MLError.budgetExceeded` when `interruption` stops training.
    static func train(x: Matrix, y: Matrix, output: MLPOutput, options o: MLPTrainingOptions, strata: [Int32]?,
                      score: (MLPNetwork, Matrix, Matrix) -> Double, interruption: Interruption? = nil,
                      using rng: inout RandomStream) throws -> MLPTrainingResult {
        var initStream = rng.split(1)
        var shuffleStream = rng.split(2)
        var validationStream = rng.split(3)
        _ = rng.next()   // the caller's stream moves on, so two fits in a row differ

        var trainX = x, trainY = y
        var validX: Matrix?, validY: Matrix?
        if o.stopsEarly {
            let (trainRows, validRows) = validationSplit(rowCount: x.rowCount, fraction: o.validationFraction,
                                                         strata: strata, using: &validationStream)
            if !validRows.isEmpty && !trainRows.isEmpty {
                trainX = x.gatheringRows(trainRows); trainY = y.gatheringRows(trainRows)
                validX = x.gatheringRows(validRows); validY = y.gatheringRows(validRows)
            }
        }
        let n = trainX.rowCount
        let layerSizes = [x.columnCount] + o.hiddenLayerSizes + [y.columnCount]
        var network = MLPNetwork.initialized(layerSizes: layerSizes, activation: o.activation, output: output, using: &initStream)
        let batch = min(max(1, o.batchSize ?? min(200, n)), n)
        var adam = AdamOptimizer(sizes: network.weights.map { $0.storage.count } + network.biases.map { $0.count },
                                 learningRate: o.learningRate, beta1: o.beta1, beta2: o.beta2, epsilon: o.epsilon)
        var order = Array(0..<n)
        var bestLoss = Double.infinity
        var bestScore = -Double.infinity
        var bestNetwork = network
        var stall = 0
        var iterations = 0
        var epochLoss = Double.infinity
        for _ in 0..<o.maxIterations {
            try interruption?.check()   // once per epoch: a time budget stops training here
            if o.shuffles { shuffleStream.shuffle(&order) }
            var accumulated = 0.0
            var start = 0
            while start < n {
                let rows = Array(order[start..<min(n, start + batch)])
                let xb = trainX.gatheringRows(rows), yb = trainY.gatheringRows(rows)
                let activations = network.forward(xb)
                let g = network.gradients(activations: activations, target: yb, alpha: o.alpha)
                accumulated += g.loss * Double(rows.count)
                var parameters = network.weights.map { $0.storage } + network.biases
                adam.update(&parameters, gradients: g.weights.map { $0.storage } + g.biases)
                let layers = network.weights.count
                for l in 0..<layers {
                    network.weights[l].storage = parameters[l]
                    network.biases[l] = parameters[layers + l]
                }
                start += batch
            }
            iterations += 1
            epochLoss = accumulated / Double(n)
            if let vx = validX, let vy = validY {
                let s = score(network, vx, vy)
                if s < bestScore + o.tolerance { stall += 1 } else { stall = 0 }
                if s > bestScore { bestScore = s; bestNetwork = network }
            } else {
                if epochLoss > bestLoss - o.tolerance { stall += 1 } else { stall = 0 }
                if epochLoss < bestLoss { bestLoss = epochLoss }
            }
            if stall > o.iterationsWithoutChange { break }
        }
        if validX != nil { network = bestNetwork }
        return MLPTrainingResult(network: network, iterations: iterations, finalLoss: epochLoss)
    }

    /// Rows kept for training and held out for validation (per class when `strata` is given).
    static func validationSplit(rowCount n: Int, fraction: Double, strata: [Int32]?,
                                using rng: inout RandomStream) -> (train: [Int], validation: [Int]) {
        var groups: [[Int]]
        if let s = strata {
            var byClass: [Int32: [Int]] = [:]
            for (i, c) in s.enumerated() { byClass[c, default: []].append(i) }
            groups = byClass.keys.sorted().map { byClass[$0] ?? [] }
        } else {
            groups = [Array(0..<n)]
        }
        var train: [Int] = [], validation: [Int] = []
        for var g in groups {
            rng.shuffle(&g)
            let take = min(g.count - 1, Int((fraction * Double(g.count)).rounded()))
            if take > 0 { validation += g[0..<take] }
            train += g[max(0, take)...]
        }
        return (train.sorted(), validation.sorted())
    }
}

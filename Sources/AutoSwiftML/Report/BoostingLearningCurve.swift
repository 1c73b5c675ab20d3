import Foundation
import MLCore
import MLModels

/// The holdout loss of a fitted LightGBM model after each boosting iteration, computed by walking
/// its public trees (`LightGBM.Model.trees`, iteration-major) and accumulating raw scores.
enum BoostingLearningCurve {
    /// Losses per iteration (log loss for classification, mean squared error for regression) and
    /// the loss's name; `nil` when `model` is not a boosting model this can read or `target` does
    /// not match it.
    /// - Complexity: O(rows × trees × depth + iterations × rows × classes).
    static func losses(model: any FittedModel, features: Matrix, target: Target) -> (losses: [Double], name: String)? {
        guard let m = model as? LightGBM.Model, m.iterationCount >= 2, features.columnCount == m.featureCount else { return nil }
        let outputs = m.classCount >= 3 ? m.classCount : 1
        let n = features.rowCount
        guard n > 0, m.initialScores.count == outputs, m.trees.count >= m.iterationCount * outputs,
              m.trees.allSatisfy({ $0.valueStride == 1 }) else { return nil }
        var scores = [Double](repeating: 0, count: n * outputs)
        for i in 0..<n { for k in 0..<outputs { scores[i * outputs + k] = m.initialScores[k] } }
        var losses: [Double] = []
        losses.reserveCapacity(m.iterationCount)
        for t in 0..<m.iterationCount {
            for k in 0..<outputs {
                let tree = m.trees[t * outputs + k]
                for i in 0..<n { scores[i * outputs + k] += leafValue(tree, features, row: i) }
            }
            guard let loss = loss(scores: scores, outputs: outputs, classCount: m.classCount, target: target) else { return nil }
            losses.append(loss)
        }
        return (losses, m.classCount == 0 ? "mean squared error" : "log loss")
    }

    /// The value of the leaf row `row` reaches.
    static func leafValue(_ tree: TreeNodes, _ x: Matrix, row: Int) -> Double {
        var node = 0
        var steps = 0
        while node >= 0, node < tree.feature.count, tree.feature[node] >= 0, steps < 10_000 {
            let f = Int(tree.feature[node])
            guard f < x.columnCount else { return 0 }
            let v = x[row, f]
            let goesLeft = v.isNaN ? tree.missingGoesLeft[node] : v <= tree.threshold[node]
            node = Int(goesLeft ? tree.left[node] : tree.right[node])
            steps += 1
        }
        guard node >= 0, node < tree.values.count else { return 0 }
        return tree.values[node]
    }

    /// The mean loss of raw `scores` against `target`.
    static func loss(scores: [Double], outputs: Int, classCount: Int, target: Target) -> Double? {
        let n = scores.count / outputs
        let eps = 1e-15
        switch target {
        case let .values(y) where classCount == 0 && y.count == n:
            var sum = 0.0
            for i in 0..<n { let d = y[i] - scores[i]; sum += d * d }
            return sum / Double(n)
        case let .classes(y, _) where classCount == 2 && y.count == n:
            var sum = 0.0
            for i in 0..<n {
                let p = 1 / (1 + exp(-scores[i]))
                sum -= y[i] == 1 ? log(max(p, eps)) : log(max(1 - p, eps))
            }
            return sum / Double(n)
        case let .classes(y, _) where classCount >= 3 && y.count == n:
            var sum = 0.0
            for i in 0..<n {
                let row = scores[(i * outputs)..<((i + 1) * outputs)]
                let top = row.max() ?? 0
                let logTotal = log(row.reduce(0) { $0 + exp($1 - top) }) + top
                let c = Int(y[i])
                guard c >= 0, c < outputs else { return nil }
                sum += min(logTotal - row[i * outputs + c], -log(eps))
            }
            return sum / Double(n)
        default:
            return nil
        }
    }
}

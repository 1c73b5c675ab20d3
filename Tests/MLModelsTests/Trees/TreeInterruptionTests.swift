import Testing
import MLCore
import MLModels

/// A time budget reaches inside tree models: a cancelled interruption stops every tree family.
@Suite struct TreeInterruptionTests {
    static func data() throws -> TrainingData {
        var rng = RandomStream(seed: 4)
        var rows: [[Double]] = []
        var classes: [Int32] = []
        for i in 0..<80 {
            let x = rng.nextUniform(), y = rng.nextUniform()
            rows.append([x, y])
            classes.append(x + y > 1 ? 1 : 0)
            _ = i
        }
        return TrainingData(features: try Matrix(rows: rows), target: .classes(indices: classes, names: ["a", "b"]))
    }

    static let estimators: [any Estimator] = [
        RandomForestClassifier(), ExtraTreesClassifier(), DecisionTreeClassifier(), AdaBoostClassifier(), LightGBM(),
    ]

    @Test(arguments: 0..<estimators.count)
    func cancelledInterruptionStopsTheFit(_ index: Int) throws {
        var data = try Self.data()
        let interruption = Interruption(seconds: nil, reason: "test budget")
        interruption.cancel()
        data.interruption = interruption
        var rng = RandomStream(seed: 1)
        #expect(throws: MLError.self) { _ = try Self.estimators[index].fitErased(data, using: &rng) }
        data.interruption = nil
        _ = try Self.estimators[index].fitErased(data, using: &rng)   // and fits without one
    }
}

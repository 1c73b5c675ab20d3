import MLCore
@testable import MLModels
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

@Suite struct MLPTests {
    struct Ref: Decodable { let scores: [Double]; let mean: Double }

    /// A small random network for the kernel tests.
    static func smallNetwork(output: MLPOutput, activation: MLPActivation, outputs: Int) -> MLPNetwork {
        var rng = RandomStream(seed: 11)
        return MLPNetwork.initialized(layerSizes: [3, 5, 4, outputs], activation: activation, output: output, using: &rng)
    }

    /// The naive twin of `MLPNetwork.forward`: one row at a time, plain loops.
    static func naiveForward(_ net: MLPNetwork, _ x: [Double]) -> [Double] {
        var a = x
        for l in 0..<net.weights.count {
            let w = net.weights[l]
            var z = net.biases[l]
            for j in 0..<w.columnCount { for i in 0..<w.rowCount { z[j] += a[i] * w[i, j] } }
            if l == net.weights.count - 1 {
                switch net.output {
                case .identity: break
                case .logistic: z = z.map { 1 / (1 + exp(-$0)) }
                case .softmax:
                    let m = z.max()!
                    let e = z.map { exp($0 - m) }
                    let s = e.reduce(0, +)
                    z = e.map { $0 / s }
                }
            } else {
                switch net.activation {
                case .relu: z = z.map { max(0, $0) }
                case .tanh: z = z.map { tanh($0) }
                case .logistic: z = z.map { 1 / (1 + exp(-$0)) }
                case .identity: break
                }
            }
            a = z
        }
        return a
    }

    @Test(arguments: [(MLPOutput.softmax, MLPActivation.relu), (.logistic, .tanh), (.identity, .logistic), (.identity, .identity)])
    func forwardMatchesNaiveTwin(_ output: MLPOutput, _ activation: MLPActivation) throws {
        let outputs = output == .softmax ? 3 : 1
        let net = Self.smallNetwork(output: output, activation: activation, outputs: outputs)
        var rng = RandomStream(seed: 5)
        let rows = (0..<9).map { _ in (0..<3).map { _ in rng.nextNormal() } }
        let out = net.predictOutput(try Matrix(rows: rows))
        for (i, r) in rows.enumerated() {
            #expect(maxAbsoluteError(out.row(i), Self.naiveForward(net, r)) < 1e-12)
        }
    }

    /// Back-propagated gradients equal central finite differences of the loss.
    @Test(arguments: [(MLPOutput.softmax, MLPActivation.tanh), (.logistic, .logistic), (.identity, .tanh)])
    func gradientsMatchFiniteDifferences(_ output: MLPOutput, _ activation: MLPActivation) throws {
        let outputs = output == .softmax ? 3 : 1
        var net = Self.smallNetwork(output: output, activation: activation, outputs: outputs)
        var rng = RandomStream(seed: 6)
        let x = try Matrix(rows: (0..<7).map { _ in (0..<3).map { _ in rng.nextNormal() } })
        var y = Matrix(rowCount: 7, columnCount: outputs)
        for i in 0..<7 {
            if output == .softmax { y[i, rng.nextInt(below: 3)] = 1 }
            else if output == .logistic { y[i, 0] = Double(rng.nextInt(below: 2)) }
            else { y[i, 0] = rng.nextNormal() }
        }
        let alpha = 0.3
        let g = net.gradients(activations: net.forward(x), target: y, alpha: alpha)
        let h = 1e-6
        for l in 0..<net.weights.count {
            for e in [0, net.weights[l].storage.count - 1] {
                let saved = net.weights[l].storage[e]
                net.weights[l].storage[e] = saved + h
                let up = net.gradients(activations: net.forward(x), target: y, alpha: alpha).loss
                net.weights[l].storage[e] = saved - h
                let down = net.gradients(activations: net.forward(x), target: y, alpha: alpha).loss
                net.weights[l].storage[e] = saved
                #expect(abs((up - down) / (2 * h) - g.weights[l].storage[e]) < 1e-6)
            }
            let saved = net.biases[l][0]
            net.biases[l][0] = saved + h
            let up = net.gradients(activations: net.forward(x), target: y, alpha: alpha).loss
            net.biases[l][0] = saved - h
            let down = net.gradients(activations: net.forward(x), target: y, alpha: alpha).loss
            net.biases[l][0] = saved
            #expect(abs((up - down) / (2 * h) - g.biases[l][0]) < 1e-6)
        }
    }

    @Test(arguments: ["titanic", "wine"])
    func classifierAccuracyCloseToScikitLearn(_ name: String) throws {
        let data = try ClassicDataFixture.load(name)
        let ref = try loadClassic("mlp.json", as: [String: Ref].self)[name]!
        let train = try data.trainingData(classification: true)
        var scores: [Double] = []
        for seed in 0..<3 {
            var rng = RandomStream(seed: UInt64(seed))
            let model = try MLPClassifier().fit(train, using: &rng)
            scores.append(accuracy(try model.predict(data.testFeatures), data.testClasses))
            let p = try model.predictProbabilities(data.testFeatures)
            for i in 0..<p.rowCount { #expect(abs(p.row(i).reduce(0, +) - 1) < 1e-9) }
        }
        let mean = scores.reduce(0, +) / Double(scores.count)
        #expect(abs(mean - ref.mean) <= 0.02, "ours \(scores) vs scikit-learn \(ref.scores)")
    }

    @Test func regressorR2CloseToScikitLearn() throws {
        let data = try ClassicDataFixture.load("diabetes")
        let ref = try loadClassic("mlp.json", as: [String: Ref].self)["diabetes"]!
        let train = try data.trainingData(classification: false)
        var scores: [Double] = []
        for seed in 0..<3 {
            var rng = RandomStream(seed: UInt64(seed))
            let model = try MLPRegressor().fit(train, using: &rng)
            scores.append(r2Score(try model.predict(data.testFeatures), data.testValues))
        }
        let mean = scores.reduce(0, +) / Double(scores.count)
        #expect(abs(mean - ref.mean) <= 0.02, "ours \(scores) vs scikit-learn \(ref.scores)")
    }

    @Test func earlyStoppingSeedsAndBadSettings() throws {
        let data = try ClassicDataFixture.load("titanic")
        let train = try data.trainingData(classification: true)
        var a = RandomStream(seed: 3), b = RandomStream(seed: 3)
        var est = MLPClassifier()
        est.stopsEarly = true
        let m1 = try est.fit(train, using: &a)
        let m2 = try est.fit(train, using: &b)
        #expect(try m1.predictProbabilities(data.testFeatures) == m2.predictProbabilities(data.testFeatures))
        #expect(m1.iterations < est.maxIterations)
        let acc = accuracy(try m1.predict(data.testFeatures), data.testClasses)
        #expect(acc > 0.75, "accuracy \(acc) after \(m1.iterations) epochs")
        var bad = MLPClassifier()
        bad.hiddenLayerSizes = [0]
        #expect(throws: MLError.self) { try bad.fit(train, using: &a) }
        bad = MLPClassifier()
        bad.learningRate = 0
        #expect(throws: MLError.self) { try bad.fit(train, using: &a) }
        #expect(throws: MLError.self) { try MLPRegressor().fit(train, using: &a) }
    }

    @Test func absentClassGetsZeroProbability() throws {
        let x = try Matrix(rows: [[0], [0.1], [0.2], [3], [3.1], [3.2]])
        let data = TrainingData(features: x, target: .classes(indices: [0, 0, 0, 2, 2, 2], names: ["a", "b", "c"]))
        var rng = RandomStream(seed: 1)
        var est = MLPClassifier()
        est.hiddenLayerSizes = [4]
        let model = try est.fit(data, using: &rng)
        let p = try model.predictProbabilities(x)
        for i in 0..<6 { #expect(p[i, 1] == 0) }
        let one = TrainingData(features: x, target: .classes(indices: [1, 1, 1, 1, 1, 1], names: ["a", "b"]))
        #expect(try est.fit(one, using: &rng).predict(x) == .classes([1, 1, 1, 1, 1, 1]))
    }
}

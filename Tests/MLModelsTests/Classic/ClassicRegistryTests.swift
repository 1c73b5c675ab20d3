import Foundation
import MLCore
import MLModels
import Testing
import TestSupport

@Suite struct ClassicRegistryTests {
    @Test func entriesCarryPyCaretIdsAndNames() {
        let expected: [(String, ProblemKind, String)] = [
            ("nb", .classification, "Naive Bayes"),
            ("lda", .classification, "Linear Discriminant Analysis"),
            ("qda", .classification, "Quadratic Discriminant Analysis"),
            ("knn", .classification, "K Neighbors Classifier"),
            ("knn", .regression, "K Neighbors Regressor"),
            ("rbfsvm", .classification, "SVM - Radial Kernel"),
            ("gpc", .classification, "Gaussian Process Classifier"),
            ("mlp", .classification, "MLP Classifier"),
            ("mlp", .regression, "MLP Regressor"),
        ]
        for (id, kind, name) in expected {
            let spec = ModelRegistry.spec(id: id, kind: kind)
            #expect(spec?.displayName == name)
        }
        // PyCaret's turbo mode leaves out rbfsvm, gpc and mlp only.
        let slow = Set(ModelRegistry.all.filter { $0.capabilities.isSlowOnLargeData }.map(\.id))
        #expect(slow.isSuperset(of: ["rbfsvm", "gpc", "mlp"]) && !slow.contains("knn") && !slow.contains("nb"))
    }

    /// Fits `e` on `data`, then checks defaults, seeds, JSON round trips, probabilities and bad parameters.
    func conformance<E: Estimator>(_ e: E, _ data: TrainingData, _ test: Matrix) throws {
        try e.validate()
        var r1 = RandomStream(seed: 9), r2 = RandomStream(seed: 9)
        let m1 = try e.fit(data, using: &r1)
        let m2 = try e.fit(data, using: &r2)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json1 = try encoder.encode(m1)
        #expect(json1 == (try encoder.encode(m2)), "\(E.self): same seed, same model")
        let decoded = try JSONDecoder().decode(E.Model.self, from: json1)
        #expect(try decoded.predict(test) == m1.predict(test), "\(E.self): JSON round trip")
        if let p = m1 as? any ProbabilisticModel {
            let proba = try p.predictProbabilities(test)
            for i in 0..<proba.rowCount { #expect(abs(proba.row(i).reduce(0, +) - 1) < 1e-9) }
            if case let .classes(c) = try m1.predict(test) { #expect(c == p.argmaxClasses(proba), "\(E.self): argmax") }
        }
        for constraint in E.constraints {
            for bad in constraint.invalidVariants(e) {
                var r = RandomStream(seed: 1)
                #expect(throws: MLError.self, "\(E.self).\(constraint.name)") { try bad.fit(data, using: &r) }
            }
        }
    }

    @Test func classicModelsConform() throws {
        let wine = try ClassicDataFixture.load("wine")
        let cls = try wine.trainingData(classification: true)
        let test = try wine.testFeatures
        for spec in ModelRegistry.all where spec.kind == .classification && ["nb", "lda", "qda", "knn", "rbfsvm", "gpc", "mlp"].contains(spec.id) {
            var e = spec.make()
            if var mlp = e as? MLPClassifier { mlp.maxIterations = 20; e = mlp }
            try conformance(e, cls, test)
        }
        let diabetes = try ClassicDataFixture.load("diabetes")
        let reg = try diabetes.trainingData(classification: false)
        for spec in ModelRegistry.all where spec.kind == .regression && ["knn", "mlp"].contains(spec.id) {
            var e = spec.make()
            if var mlp = e as? MLPRegressor { mlp.maxIterations = 20; e = mlp }
            try conformance(e, reg, try diabetes.testFeatures)
        }
    }
}

import Foundation
import MLCore
import MLModels
import Testing
import TestSupport

/// scikit-learn's `check_estimator` for AutoSwiftML: checks every registered estimator must pass.
///
/// Each check is a generic function over `E: Estimator`; callers pass `spec.make()` (an
/// `any Estimator`) and Swift opens the existential. Which checks apply is decided only from
/// `E.supportedTasks`, `spec.kind` and `spec.capabilities`, never from a model's name. Every
/// failure message starts with the model's label ("Dummy Classifier [dummy, classification]").
enum EstimatorChecks {
    static let seed: UInt64 = 20_260_415

    /// "Display Name [id, kind]", the prefix of every message.
    static func label(_ spec: ModelSpec) -> String { "\(spec.displayName) [\(spec.id), \(spec.kind.rawValue)]" }

    /// The tasks the suite fits for a registry entry: the estimator's supported tasks of the entry's
    /// kind, in a fixed order (one estimator type may serve both kinds, as LightGBM's does).
    static func tasks<E: Estimator>(_ e: E, _ spec: ModelSpec) -> [Task] {
        Task.allCases.filter { E.supportedTasks.contains($0) && $0.kind == spec.kind }
    }

    // MARK: - Declarations

    /// The spec agrees with the type: same ID and name, tasks of the spec's kind, probabilities
    /// only for classifiers, and the defaults satisfy every constraint.
    static func declarationsAreConsistent<E: Estimator>(_ e: E, _ spec: ModelSpec) {
        let l = label(spec)
        #expect(E.id == spec.id && E.displayName == spec.displayName, "\(l): spec and type disagree on id/name")
        #expect(!E.supportedTasks.isEmpty, "\(l): supports no task")
        #expect(E.supportedTasks.contains { $0.kind == spec.kind }, "\(l): supportedTasks \(E.supportedTasks) include no task of its kind")
        #expect(!(spec.capabilities.providesProbabilities && spec.kind == .regression), "\(l): a regressor cannot provide probabilities")
        #expect(e == E(), "\(l): spec.make() differs from init() defaults")
        do { try e.validate() } catch { Issue.record("\(l): the defaults violate a constraint: \(error)") }
        let names = E.constraints.map(\.name)
        #expect(Set(names).count == names.count, "\(l): a constraint is declared twice: \(names)")
    }

    // MARK: - Fitting and predicting

    /// Fits each supported task; predictions have one entry per row, of the right kind, with class
    /// indices in range and finite values; probabilities (when declared) are valid.
    static func fitsEverySupportedTask<E: Estimator>(_ e: E, _ spec: ModelSpec) {
        for task in tasks(e, spec) {
            let data = ConformanceData.make(task)
            _ = fitAndCheck(e, spec, data, "\(task.rawValue) data")
        }
    }

    /// Works with one feature, with a constant feature, and with two rows per class.
    static func handlesSmallAndDegenerateData<E: Estimator>(_ e: E, _ spec: ModelSpec) {
        for task in tasks(e, spec) {
            let data = ConformanceData.make(task)
            _ = fitAndCheck(e, spec, ConformanceData.firstFeatureOnly(data), "\(task.rawValue) data with one feature")
            _ = fitAndCheck(e, spec, ConformanceData.withConstantColumn(data), "\(task.rawValue) data with a constant feature")
            _ = fitAndCheck(e, spec, ConformanceData.twoRowsPerClass(task), "\(task.rawValue) data with two rows per class")
        }
    }

    /// Same seed, same data → identical predictions, probabilities and model JSON bytes
    /// (`check_fit_idempotent`). A model not declared randomized must also ignore the seed.
    static func isDeterministic<E: Estimator>(_ e: E, _ spec: ModelSpec) {
        let l = label(spec)
        for task in tasks(e, spec) {
            let data = ConformanceData.make(task)
            guard let a = fit(e, spec, data, seed: seed, "\(task.rawValue) data"),
                  let b = fit(e, spec, data, seed: seed, "\(task.rawValue) data (refit)") else { continue }
            let x = data.features
            #expect(outputs(a, x) == outputs(b, x), "\(l): same seed gave different predictions on \(task.rawValue) data")
            #expect(encode(a, l) == encode(b, l), "\(l): same seed gave different model JSON on \(task.rawValue) data")
            guard !spec.capabilities.isRandomized else { continue }
            for other in 1...3 {
                guard let c = fit(e, spec, data, seed: seed &+ UInt64(other), "\(task.rawValue) data (other seed)") else { break }
                if outputs(a, x) != outputs(c, x) {
                    Issue.record("\(l): not declared isRandomized, but another seed changed its predictions on \(task.rawValue) data")
                    break
                }
            }
        }
    }

    /// The estimator and the fitted model survive a sorted-keys JSON round trip: the decoded
    /// estimator equals the original (also through `spec.decode`), and the decoded model gives
    /// bit-identical predictions and probabilities (`check_estimators_pickle`).
    static func roundTripsThroughJSON<E: Estimator>(_ e: E, _ spec: ModelSpec) {
        let l = label(spec)
        do {
            let bytes = try sortedEncoder().encode(e)
            let decoded = try JSONDecoder().decode(E.self, from: bytes)
            #expect(decoded == e, "\(l): the estimator changed through JSON")
            let decoder = JSONDecoder()
            decoder.userInfo[ErasedEstimator.decodeKey] = spec.decode
            let erased = try decoder.decode(ErasedEstimator.self, from: bytes).value
            #expect((erased as? E) == e, "\(l): spec.decode gave \(type(of: erased)), not an equal \(E.self)")
        } catch {
            Issue.record("\(l): estimator JSON round trip threw \(error)")
        }
        for task in tasks(e, spec) {
            let data = ConformanceData.make(task)
            guard let model = fit(e, spec, data, seed: seed, "\(task.rawValue) data") else { continue }
            do {
                let bytes = try sortedEncoder().encode(model)
                let decoded = try JSONDecoder().decode(E.Model.self, from: bytes)
                #expect(outputs(model, data.features) == outputs(decoded, data.features),
                        "\(l): the decoded model predicts differently on \(task.rawValue) data")
                #expect(encode(decoded, l) == bytes, "\(l): re-encoding the decoded model changed its JSON")
            } catch {
                Issue.record("\(l): model JSON round trip threw \(error) on \(task.rawValue) data")
            }
        }
    }

    // MARK: - Bad input

    /// NaN or infinite features throw at fit and at predict; a wrong column count throws at predict.
    static func rejectsBadInput<E: Estimator>(_ e: E, _ spec: ModelSpec) {
        let l = label(spec)
        for task in tasks(e, spec) {
            let data = ConformanceData.make(task)
            for bad in [Double.nan, .infinity, -.infinity] {
                expectMLError("\(l): fit with a \(bad) feature on \(task.rawValue) data") {
                    var rng = RandomStream(seed: seed)
                    _ = try e.fit(ConformanceData.withValue(data, bad), using: &rng)
                }
            }
            guard let model = fit(e, spec, data, seed: seed, "\(task.rawValue) data") else { continue }
            let p = data.features.columnCount
            for columns in [p + 1, p - 1] where columns > 0 {
                let x = Matrix(rowCount: 3, columnCount: columns, repeating: 0.5)
                expectMLError("\(l): predict with \(columns) columns instead of \(p)") { _ = try model.predict(x) }
                if let pm = model as? any ProbabilisticModel {
                    expectMLError("\(l): predictProbabilities with \(columns) columns instead of \(p)") {
                        _ = try pm.predictProbabilities(x)
                    }
                }
            }
            var x = Matrix(rowCount: 3, columnCount: p, repeating: 0.5)
            x[1, 0] = .nan
            expectMLError("\(l): predict with a NaN feature") { _ = try model.predict(x) }
        }
    }

    /// Every `invalidVariants` copy of every declared constraint makes `fit` throw
    /// `MLError.invalidParameter` naming that parameter (`check_param_validation`).
    static func rejectsEveryDeclaredInvalidParameter<E: Estimator>(_ e: E, _ spec: ModelSpec) {
        let l = label(spec)
        guard let task = tasks(e, spec).first else { return }
        let data = ConformanceData.make(task)
        for constraint in E.constraints {
            let variants = constraint.invalidVariants(e)
            #expect(!variants.isEmpty, "\(l): constraint '\(constraint.name)' generates no invalid value")
            for variant in variants {
                var rng = RandomStream(seed: seed)
                do {
                    _ = try variant.fit(data, using: &rng)
                    Issue.record("\(l): fit accepted \(constraint.name) = \(constraint.describeValue(variant)) (expected \(constraint.expected))")
                } catch let MLError.invalidParameter(_, name, _, _) {
                    #expect(name == constraint.name, "\(l): an invalid '\(constraint.name)' was reported as '\(name)'")
                } catch {
                    Issue.record("\(l): invalid \(constraint.name) = \(constraint.describeValue(variant)) threw \(error), not MLError.invalidParameter")
                }
            }
        }
    }

    // MARK: - Capabilities

    /// Sample weights of all ones give the same predictions as no weights
    /// (`check_sample_weights_invariance(kind="ones")`): equal classes, values and probabilities
    /// within 1e-9 relative.
    static func unitWeightsEqualNoWeights<E: Estimator>(_ e: E, _ spec: ModelSpec) {
        let l = label(spec)
        for task in tasks(e, spec) {
            let data = ConformanceData.make(task)
            var weighted = data
            weighted.sampleWeights = [Double](repeating: 1, count: data.features.rowCount)
            guard let a = fit(e, spec, data, seed: seed, "\(task.rawValue) data"),
                  let b = fit(e, spec, weighted, seed: seed, "\(task.rawValue) data with unit weights") else { continue }
            let (pa, qa) = outputs(a, data.features), (pb, qb) = outputs(b, data.features)
            switch (pa, pb) {
            case let (.classes(x)?, .classes(y)?):
                #expect(x == y, "\(l): unit weights changed the predicted classes on \(task.rawValue) data")
            case let (.values(x)?, .values(y)?):
                #expect(allClose(x, y, rel: 1e-9, abs: 1e-12), "\(l): unit weights changed the predicted values on \(task.rawValue) data")
            default:
                Issue.record("\(l): predictions missing or of different kinds with and without weights")
            }
            if let qa, let qb {
                #expect(allClose(qa.storage, qb.storage, rel: 1e-9, abs: 1e-12),
                        "\(l): unit weights changed the probabilities on \(task.rawValue) data")
            }
        }
    }

    /// A class listed in `names` with no training rows (in the middle of the list) does not crash,
    /// keeps its probability column (`classCount == names.count`), and only the listed indices are
    /// predicted. Also a two-name target with a single class present (`check_classifiers_one_label`):
    /// handled, or rejected with an `MLError`.
    static func handlesClassesWithoutRows<E: Estimator>(_ e: E, _ spec: ModelSpec) {
        let l = label(spec)
        if E.supportedTasks.contains(.multiclass) {
            let base = ConformanceData.make(.binary)
            guard case let .classes(indices, _) = base.target else { return }
            var data = base
            data.target = .classes(indices: indices.map { $0 == 1 ? 2 : 0 }, names: ["a", "ghost", "b"])
            _ = fitAndCheck(e, spec, data, "three listed classes, the middle one without rows")
        }
        if E.supportedTasks.contains(.binary) {
            var data = ConformanceData.make(.binary)
            data.target = .classes(indices: [Int32](repeating: 0, count: data.features.rowCount), names: ["a", "b"])
            var rng = RandomStream(seed: seed)
            do {
                let model = try e.fit(data, using: &rng)
                checkOutputs(model, spec, data, "two listed classes, only one present")
            } catch is MLError {
                // Named and rejected: acceptable.
            } catch {
                Issue.record("\(l): one-class target threw \(error), not an MLError")
            }
        }
    }

    /// Declared importances are one finite, non-negative number per feature.
    static func importancesAreValid<E: Estimator>(_ e: E, _ spec: ModelSpec) {
        let l = label(spec)
        for task in tasks(e, spec) {
            let data = ConformanceData.make(task)
            guard let model = fit(e, spec, data, seed: seed, "\(task.rawValue) data") else { continue }
            guard let im = model as? any FeatureImportanceModel else {
                Issue.record("\(l): declares providesImportances but its Model is not a FeatureImportanceModel")
                return
            }
            let v = im.featureImportances
            #expect(v.count == data.features.columnCount, "\(l): \(v.count) importances for \(data.features.columnCount) features")
            #expect(v.allSatisfy { $0.isFinite && $0 >= 0 }, "\(l): importances must be finite and non-negative: \(v)")
        }
    }

    // MARK: - Helpers

    /// Fits with a fresh stream; records an issue (and returns nil) if `fit` throws.
    static func fit<E: Estimator>(_ e: E, _ spec: ModelSpec, _ data: TrainingData, seed: UInt64, _ what: String) -> E.Model? {
        var rng = RandomStream(seed: seed)
        do { return try e.fit(data, using: &rng) } catch {
            Issue.record("\(label(spec)): fit failed on \(what): \(error)")
            return nil
        }
    }

    /// Fits and checks the outputs on the training features.
    static func fitAndCheck<E: Estimator>(_ e: E, _ spec: ModelSpec, _ data: TrainingData, _ what: String) -> E.Model? {
        guard let model = fit(e, spec, data, seed: seed, what) else { return nil }
        checkOutputs(model, spec, data, what)
        return model
    }

    /// Predictions: one per row, the target's kind, classes in range, finite values. Probabilities
    /// (when declared): the model is a `ProbabilisticModel`, one column per listed class, values
    /// in [0, 1], rows summing to 1 within 1e-9.
    static func checkOutputs<M: FittedModel>(_ model: M, _ spec: ModelSpec, _ data: TrainingData, _ what: String) {
        let l = label(spec)
        let x = data.features
        #expect(model.featureCount == x.columnCount, "\(l): featureCount \(model.featureCount) ≠ \(x.columnCount) on \(what)")
        do {
            let prediction = try model.predict(x)
            #expect(prediction.count == x.rowCount, "\(l): \(prediction.count) predictions for \(x.rowCount) rows on \(what)")
            switch (data.target, prediction) {
            case let (.classes(_, names), .classes(c)):
                #expect(c.allSatisfy { $0 >= 0 && Int($0) < names.count },
                        "\(l): predicted class outside 0..<\(names.count) on \(what)")
            case (.values, .values(let v)):
                #expect(v.allSatisfy { $0.isFinite }, "\(l): non-finite predicted value on \(what)")
            default:
                Issue.record("\(l): predicted the wrong kind (\(prediction)) for the target on \(what)")
            }
        } catch {
            Issue.record("\(l): predict threw \(error) on \(what)")
        }
        guard spec.capabilities.providesProbabilities, case let .classes(_, names) = data.target else { return }
        guard let pm = model as? any ProbabilisticModel else {
            Issue.record("\(l): declares providesProbabilities but \(M.self) is not a ProbabilisticModel")
            return
        }
        #expect(pm.classCount == names.count, "\(l): classCount \(pm.classCount) ≠ \(names.count) listed classes on \(what)")
        do {
            let p = try pm.predictProbabilities(x)
            #expect(p.rowCount == x.rowCount && p.columnCount == names.count,
                    "\(l): probabilities are \(p.rowCount)×\(p.columnCount), expected \(x.rowCount)×\(names.count) on \(what)")
            #expect(p.storage.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(l): a probability is outside [0, 1] on \(what)")
            for i in 0..<p.rowCount {
                var s = 0.0
                for k in 0..<p.columnCount { s += p[i, k] }
                if !(abs(s - 1) <= 1e-9) {
                    Issue.record("\(l): probability row \(i) sums to \(s) on \(what)")
                    break
                }
            }
        } catch {
            Issue.record("\(l): predictProbabilities threw \(error) on \(what)")
        }
    }

    /// Predictions and (if any) probabilities on `x`; nil where they throw.
    static func outputs<M: FittedModel>(_ model: M, _ x: Matrix) -> (Prediction?, Matrix?) {
        let p = try? model.predict(x)
        let q = try? (model as? any ProbabilisticModel)?.predictProbabilities(x)
        return (p, q)
    }

    static func sortedEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    static func encode<T: Encodable>(_ value: T, _ l: String) -> Data? {
        do { return try sortedEncoder().encode(value) } catch {
            Issue.record("\(l): JSON encoding threw \(error)")
            return nil
        }
    }

    /// Records an issue unless `body` throws an `MLError`.
    static func expectMLError(_ what: String, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("\(what) did not throw")
        } catch is MLError {
        } catch {
            Issue.record("\(what) threw \(error), not an MLError")
        }
    }
}

/// Decodes an `any Estimator` through a `ModelSpec.decode` passed in `userInfo`.
struct ErasedEstimator: Decodable {
    static let decodeKey = CodingUserInfoKey(rawValue: "autoswiftml.conformance.decode")!
    let value: any Estimator

    init(from decoder: Decoder) throws {
        guard let decode = decoder.userInfo[Self.decodeKey] as? @Sendable (Decoder) throws -> any Estimator else {
            throw MLError.invalidInput("no decode function in userInfo")
        }
        value = try decode(decoder)
    }
}

import AutoSwiftML
import Foundation
import Testing
import TestSupport

/// The model file: round trips for every registered model, the envelope, atomic writes, and each
/// way loading can fail.
@Suite struct ModelFileTests {
    /// Every registered model: save, load, and the predictions (and probabilities) are identical
    /// to the bit; writing the loaded model again gives the same bytes.
    @Test(arguments: ModelRegistry.all.map(\.id).enumerated().map { ($0.offset, $0.element) })
    func roundTripIsBitIdentical(index: Int, id: String) throws {
        let spec = ModelRegistry.all[index]
        let table = try LifecycleTestData.table(rows: 36, regression: spec.kind == .regression, colours: 2)
        let trained = try TrainedModel.fit(table: table, targetColumn: "y", estimator: spec.make()).model
        let data = try ModelFile.encode(trained)
        let loaded = try ModelFile.decode(data, file: "\(id).json")
        #expect(loaded.entry == trained.entry)
        #expect(loaded.schema == trained.schema)
        #expect(loaded.pipeline == trained.pipeline)
        #expect(loaded.fingerprint == trained.fingerprint)
        let before = try trained.predict(table)
        let after = try loaded.predict(table)
        #expect(before.prediction == after.prediction, "\(spec.kind.rawValue) \(id)")
        #expect(before.probabilities?.storage.map(\.bitPattern) == after.probabilities?.storage.map(\.bitPattern),
                "\(spec.kind.rawValue) \(id)")
        #expect(try ModelFile.encode(loaded) == data, "\(spec.kind.rawValue) \(id): re-encoding changed the file")
    }

    /// Every classification model that supports more than two classes, on a three-class target.
    @Test(arguments: ModelRegistry.models(for: .classification).map(\.id))
    func multiclassRoundTripIsBitIdentical(id: String) throws {
        let spec = try ModelRegistry.requireSpec(id: id, kind: .classification)
        guard type(of: spec.make()).supportedTasks.contains(.multiclass) else { return }
        let table = try LifecycleTestData.table(rows: 45, colours: 2, multiclass: true)
        let trained = try TrainedModel.fit(table: table, targetColumn: "y", estimator: spec.make()).model
        #expect(trained.classNames == ["high", "low", "mid"])
        let loaded = try ModelFile.decode(try ModelFile.encode(trained), file: "\(id).json")
        let before = try trained.predict(table), after = try loaded.predict(table)
        #expect(before.prediction == after.prediction, "\(id)")
        #expect(before.probabilities?.storage.map(\.bitPattern) == after.probabilities?.storage.map(\.bitPattern), "\(id)")
        #expect(before.probabilities?.columnCount ?? 3 == 3)
    }

    @Test func envelopeHasSortedKeysAndTheDocumentedFields() throws {
        let data = try ModelFile.encode(try LifecycleTestData.logisticModel())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["format", "formatVersion", "autoswiftmlVersion", "createdBy", "schema", "target",
                                     "preprocessing", "estimator", "model", "classes", "fingerprint"])
        #expect(object["format"] as? String == "autoswiftml-model")
        #expect((object["formatVersion"] as? NSNumber)?.intValue == 1)
        #expect(object["autoswiftmlVersion"] as? String == AutoSwiftMLVersion.string)
        #expect(object["classes"] as? [String] == ["no", "yes"])
        let estimator = try #require(object["estimator"] as? [String: Any])
        #expect(estimator["id"] as? String == "lr")
        #expect(estimator["kind"] as? String == "classification")
        #expect(estimator["type"] as? String == "LogisticRegression")
        #expect(estimator["hyperparameters"] is [String: Any])
        // Re-encoding the same JSON with sorted keys reproduces the file byte for byte.
        let value = try JSONDecoder().decode(JSONValue.self, from: data)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        #expect(try encoder.encode(value) + Data("\n".utf8) == data)
    }

    @Test func schemaRecordsTypesLevelsAndDroppedColumns() throws {
        let model = try LifecycleTestData.logisticModel()
        #expect(model.schema.columns.map(\.name) == ["id", "x1", "x2", "colour", "flag"])
        #expect(model.schema["id"]?.isIDLike == true)
        #expect(model.schema["colour"]?.type == .categorical)
        #expect(model.schema["colour"]?.levels == ["blue", "green", "red"])
        #expect(model.schema["flag"]?.type == .boolean)
        #expect(model.schema.requiredColumnNames == ["x1", "x2", "colour", "flag"])
        #expect(model.fingerprint.rowCount == 40)
        #expect(model.fingerprint.tableSHA256.count == 64)
    }

    @Test func atomicSaveLeavesOnlyTheFile() throws {
        let folder = try LifecycleTestData.temporaryFolder()
        let url = folder.appendingPathComponent("model.json")
        let model = try LifecycleTestData.logisticModel()
        try ModelFile.save(model, to: url)
        try ModelFile.save(model, to: url)   // overwrite
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.json"])
        let loaded = try ModelFile.load(from: url)
        #expect(loaded.entry.id == "lr")
    }

    @Test func saveIntoMissingFolderIsAnError() throws {
        let url = try LifecycleTestData.temporaryFolder().appendingPathComponent("no/such/folder/model.json")
        #expect(throws: ModelFileError.self) { try ModelFile.save(try LifecycleTestData.logisticModel(), to: url) }
    }

    // MARK: - Load errors

    @Test func missingFile() throws {
        let url = try LifecycleTestData.temporaryFolder().appendingPathComponent("absent.json")
        #expect(throws: ModelFileError.unreadable(file: url.path, reason: "no such file")) {
            try ModelFile.load(from: url)
        }
    }

    @Test func notJSONEmptyAndTruncated() throws {
        let data = try ModelFile.encode(try LifecycleTestData.logisticModel())
        for bytes in [Data("hello, world".utf8), Data(), data.prefix(data.count / 2), data.prefix(data.count - 3)] {
            do {
                _ = try ModelFile.decode(Data(bytes), file: "m.json")
                Issue.record("decoding \(bytes.count) bytes should fail")
            } catch let error as ModelFileError {
                guard case .notJSON(let file, _) = error else { Issue.record("\(error)"); continue }
                #expect(file == "m.json")
                #expect(error.description.contains("truncated or corrupt"))
            }
        }
    }

    @Test func wrongFormatName() throws {
        #expect(throws: ModelFileError.wrongFormat(file: "m.json", found: "something-else")) {
            try ModelFile.decode(Data(#"{"format": "something-else", "formatVersion": 1}"#.utf8), file: "m.json")
        }
        #expect(throws: ModelFileError.wrongFormat(file: "m.json", found: nil)) {
            try ModelFile.decode(Data("[1, 2, 3]".utf8), file: "m.json")
        }
        #expect(throws: ModelFileError.wrongFormat(file: "m.json", found: nil)) {
            try ModelFile.decode(Data(#"{"a": 1}"#.utf8), file: "m.json")
        }
    }

    @Test func newerFormatVersionNamesBothVersions() throws {
        let text = try Self.text(of: try LifecycleTestData.logisticModel())
        let edited = text.replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 2")
        #expect(edited != text)
        do {
            _ = try ModelFile.decode(Data(edited.utf8), file: "m.json")
            Issue.record("a newer version should be refused")
        } catch let error as ModelFileError {
            #expect(error == .unsupportedVersion(file: "m.json", found: 2, supported: 1, writtenBy: AutoSwiftMLVersion.string))
            #expect(error.description.contains("version 2"))
            #expect(error.description.contains("format version 1"))
        }
    }

    @Test func unknownModelID() throws {
        let text = try Self.text(of: try LifecycleTestData.logisticModel())
        let edited = text.replacingOccurrences(of: "\"id\" : \"lr\"", with: "\"id\" : \"nope\"")
        #expect(edited != text)
        do {
            _ = try ModelFile.decode(Data(edited.utf8), file: "m.json")
            Issue.record("an unknown model should be refused")
        } catch let error as ModelFileError {
            guard case let .unknownModel(_, kind, id, known) = error else { Issue.record("\(error)"); return }
            #expect(kind == "classification")
            #expect(id == "nope")
            #expect(known.contains("lr"))
        }
    }

    @Test func missingOrMalformedFieldIsInvalidContents() throws {
        let data = try ModelFile.encode(try LifecycleTestData.logisticModel())
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object.removeValue(forKey: "model")
        let withoutModel = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: ModelFileError.invalidContents(file: "m.json", detail: "the field 'model' is missing.")) {
            try ModelFile.decode(withoutModel, file: "m.json")
        }
        object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var estimator = try #require(object["estimator"] as? [String: Any])
        var hyperparameters = try #require(estimator["hyperparameters"] as? [String: Any])
        hyperparameters["c"] = -1
        estimator["hyperparameters"] = hyperparameters
        object["estimator"] = estimator
        #expect(throws: ModelFileError.self) {
            try ModelFile.decode(try JSONSerialization.data(withJSONObject: object), file: "m.json")
        }
        object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["classes"] = ["no"]
        do {
            _ = try ModelFile.decode(try JSONSerialization.data(withJSONObject: object), file: "m.json")
            Issue.record("one class for a binary model should be refused")
        } catch let error as ModelFileError {
            guard case let .invalidContents(_, detail) = error else { Issue.record("\(error)"); return }
            #expect(detail.contains("2 classes"))
        }
    }

    @Test func missingColumnAtPredictNamesIt() throws {
        let model = try LifecycleTestData.logisticModel()
        let table = try LifecycleTestData.table().dropping(["colour"])
        do {
            _ = try model.predict(table)
            Issue.record("a missing column should be refused")
        } catch let error as MLError {
            #expect(error.description.contains("'colour'"))
            #expect(error.description.contains("Required columns: x1, x2, colour, flag"))
        }
    }

    static func text(of model: TrainedModel) throws -> String {
        String(decoding: try ModelFile.encode(model), as: UTF8.self)
    }
}

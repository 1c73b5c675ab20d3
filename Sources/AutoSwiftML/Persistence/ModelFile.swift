import Foundation
import MLCore
import MLData
import MLModels

/// The model file: one JSON document with sorted keys that holds a `TrainedModel`.
///
///     try ModelFile.save(model, to: URL(fileURLWithPath: "model.json"))
///     let again = try ModelFile.load(from: URL(fileURLWithPath: "model.json"))
///
/// The envelope is `{"format": "autoswiftml-model", "formatVersion": 1, "autoswiftmlVersion",
/// "createdBy", "schema", "target", "preprocessing", "estimator": {"kind", "id", "type",
/// "hyperparameters"}, "model", "classes", "fingerprint"}` (docs/model-file-format.md describes
/// every field). The estimator and the fitted model are decoded through their registry entry
/// (`ModelSpec.decode`, `ModelSpec.decodeModel`), never by pickling. Doubles are written as the
/// shortest text that reads back to the same bits, so predictions after a round trip are
/// bit-identical; infinities and NaN are the strings `"Infinity"`, `"-Infinity"`, `"NaN"`.
public enum ModelFile {
    /// The value of the `format` field.
    public static let formatName = "autoswiftml-model"
    /// The format version this build writes and reads.
    public static let formatVersion = 1

    /// The model file's bytes: pretty-printed JSON with sorted keys, ending in a newline.
    /// - Throws: `ModelFileError.invalidContents` when a part cannot be encoded.
    public static func encode(_ model: TrainedModel) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            var data = try encoder.encode(Envelope(model: model))
            data.append(UInt8(ascii: "\n"))
            return data
        } catch {
            throw ModelFileError.invalidContents(file: "<model>", detail: "cannot encode the model: \(error)")
        }
    }

    /// Reads a model from a model file's bytes.
    /// - Parameter file: the name used in error messages.
    /// - Throws: `ModelFileError`: `notJSON` for empty, truncated or corrupt bytes, `wrongFormat`,
    ///   `unsupportedVersion`, `unknownModel`, `invalidContents` for a missing or malformed field
    ///   or parts that do not fit together.
    public static func decode(_ data: Data, file: String = "<data>") throws -> TrainedModel {
        let top: Any
        do {
            top = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let debug = (error as NSError).userInfo["NSDebugDescription"] as? String
            let detail = data.isEmpty ? "the file is empty." : (debug ?? "the bytes do not parse as JSON.")
            throw ModelFileError.notJSON(file: file, detail: detail)
        }
        guard let object = top as? [String: Any] else { throw ModelFileError.wrongFormat(file: file, found: nil) }
        guard let format = object["format"] as? String else { throw ModelFileError.wrongFormat(file: file, found: nil) }
        guard format == formatName else { throw ModelFileError.wrongFormat(file: file, found: format) }
        let writtenBy = object["autoswiftmlVersion"] as? String
        guard let versionNumber = object["formatVersion"] as? NSNumber,
              let version = Int(exactly: versionNumber.doubleValue) else {
            throw ModelFileError.invalidContents(file: file, detail: "the \"formatVersion\" field is missing or not an integer.")
        }
        guard version == formatVersion else {
            throw ModelFileError.unsupportedVersion(file: file, found: version, supported: formatVersion,
                                                    writtenBy: writtenBy)
        }

        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try decoder.decode(DecodedEnvelope.self, from: data).model
        } catch let problem as UnknownEstimator {
            throw ModelFileError.unknownModel(file: file, kind: problem.kind.rawValue, id: problem.id,
                                              known: ModelRegistry.models(for: problem.kind).map(\.id))
        } catch let problem as ContentProblem {
            throw ModelFileError.invalidContents(file: file, detail: problem.detail)
        } catch let error as DecodingError {
            throw ModelFileError.invalidContents(file: file, detail: describe(error))
        } catch let error as MLError {
            throw ModelFileError.invalidContents(file: file, detail: error.description)
        } catch {
            throw ModelFileError.invalidContents(file: file, detail: String(describing: error))
        }
    }

    /// Writes `model` to `url` atomically (a temporary file in the same folder, then a rename).
    /// - Throws: `ModelFileError.unwritable` or `.invalidContents`.
    public static func save(_ model: TrainedModel, to url: URL) throws {
        try AtomicFileWriter.write(try encode(model), to: url)
    }

    /// Reads the model file at `url`.
    /// - Throws: `ModelFileError.unreadable` for a missing or unreadable file; as `decode`.
    public static func load(from url: URL) throws -> TrainedModel {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw ModelFileError.unreadable(file: url.path, reason: "no such file")
        }
        guard !isFolder.boolValue else { throw ModelFileError.unreadable(file: url.path, reason: "it is a folder") }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ModelFileError.unreadable(file: url.path, reason: AtomicFileWriter.reason(error))
        }
        return try decode(data, file: url.path)
    }

    /// A decoding error in words, with the JSON path of the field (`estimator.hyperparameters.c`).
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return text.replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case let .keyNotFound(key, context):
            return "the field '\(path(context.codingPath + [key]))' is missing."
        case let .valueNotFound(_, context):
            return "the field '\(path(context.codingPath))' is null or missing."
        case let .typeMismatch(type, context):
            return "the field '\(path(context.codingPath))' does not hold a \(type): \(context.debugDescription)"
        case let .dataCorrupted(context):
            return "the field '\(path(context.codingPath))' is invalid: \(context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}

extension TrainedModel {
    /// Writes the model file (see `ModelFile.save`).
    public func save(to url: URL) throws { try ModelFile.save(self, to: url) }

    /// Reads a model file (see `ModelFile.load`).
    public static func load(from url: URL) throws -> TrainedModel { try ModelFile.load(from: url) }
}

/// The envelope's top-level keys.
private enum EnvelopeKey: String, CodingKey {
    case format, formatVersion, autoswiftmlVersion, createdBy, schema, target, preprocessing, estimator, model,
         classes, fingerprint
}

/// The `estimator` object's keys.
private enum EstimatorKey: String, CodingKey {
    case kind, id, type, hyperparameters
}

/// The `target` object.
private struct TargetSection: Codable {
    let name: String
    let task: Task
}

/// A model being written.
private struct Envelope: Encodable {
    let model: TrainedModel

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: EnvelopeKey.self)
        try c.encode(ModelFile.formatName, forKey: .format)
        try c.encode(ModelFile.formatVersion, forKey: .formatVersion)
        try c.encode(AutoSwiftMLVersion.string, forKey: .autoswiftmlVersion)
        try c.encode(model.createdBy, forKey: .createdBy)
        try c.encode(model.schema, forKey: .schema)
        try c.encode(TargetSection(name: model.targetName, task: model.task), forKey: .target)
        try c.encode(model.pipeline, forKey: .preprocessing)
        var e = c.nestedContainer(keyedBy: EstimatorKey.self, forKey: .estimator)
        try e.encode(model.entry.kind, forKey: .kind)
        try e.encode(model.entry.id, forKey: .id)
        try e.encode(model.entry.typeName, forKey: .type)
        try e.encode(model.estimator, forKey: .hyperparameters)
        try c.encode(model.model, forKey: .model)
        try c.encode(model.classNames, forKey: .classes)
        try c.encode(model.fingerprint, forKey: .fingerprint)
    }
}

/// The estimator named in a file is not registered.
private struct UnknownEstimator: Error {
    let kind: ProblemKind
    let id: String
}

/// A field is present but unusable.
private struct ContentProblem: Error {
    let detail: String
}

/// A model being read; the header (`format`, `formatVersion`) was checked before.
private struct DecodedEnvelope: Decodable {
    let model: TrainedModel

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: EnvelopeKey.self)
        let e = try c.nestedContainer(keyedBy: EstimatorKey.self, forKey: .estimator)
        let kind = try e.decode(ProblemKind.self, forKey: .kind)
        let id = try e.decode(String.self, forKey: .id)
        let typeName = try e.decode(String.self, forKey: .type)
        guard let spec = ModelRegistry.spec(id: id, kind: kind) else { throw UnknownEstimator(kind: kind, id: id) }
        guard spec.typeName == typeName else {
            throw ContentProblem(detail: "the \(kind.rawValue) model '\(id)' is \(spec.typeName) in this build, but the file says \(typeName).")
        }
        for key in [EnvelopeKey.model, .schema, .target, .preprocessing, .classes, .fingerprint, .createdBy]
        where !c.contains(key) {
            throw ContentProblem(detail: "the field '\(key.stringValue)' is missing.")
        }
        guard e.contains(.hyperparameters) else {
            throw ContentProblem(detail: "the field 'estimator.hyperparameters' is missing.")
        }
        let estimator = try spec.decode(try e.superDecoder(forKey: .hyperparameters))
        try estimator.validate()
        let fitted = try spec.decodeModel(try c.superDecoder(forKey: .model))
        let target = try c.decode(TargetSection.self, forKey: .target)
        model = try TrainedModel(
            schema: try c.decode(ModelSchema.self, forKey: .schema), targetName: target.name, task: target.task,
            classNames: try c.decode([String].self, forKey: .classes),
            pipeline: try c.decode(FittedPipeline.self, forKey: .preprocessing),
            entry: EstimatorEntry(spec), estimator: estimator, model: fitted,
            fingerprint: try c.decode(TrainingFingerprint.self, forKey: .fingerprint),
            createdBy: try c.decode(String.self, forKey: .createdBy))
    }
}

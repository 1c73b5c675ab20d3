import MLCore

/// What a registered model can do, declared once on its registry entry. Tests choose their checks
/// from these flags, never from model names.
public struct Capabilities: Sendable, Hashable, Codable {
    /// `fit` honours `TrainingData.sampleWeights`.
    public var supportsSampleWeights: Bool
    /// The fitted model conforms to `ProbabilisticModel` (classifiers only).
    public var providesProbabilities: Bool
    /// The fitted model conforms to `FeatureImportanceModel`.
    public var providesImportances: Bool
    /// `fit` draws random numbers (so the seed matters).
    public var isRandomized: Bool
    /// Scales badly with rows; left out of `compare` on large data when turbo is on.
    public var isSlowOnLargeData: Bool

    /// Creates a capability set.
    public init(supportsSampleWeights: Bool = false, providesProbabilities: Bool = false,
                providesImportances: Bool = false, isRandomized: Bool = false, isSlowOnLargeData: Bool = false) {
        self.supportsSampleWeights = supportsSampleWeights
        self.providesProbabilities = providesProbabilities
        self.providesImportances = providesImportances
        self.isRandomized = isRandomized
        self.isSlowOnLargeData = isSlowOnLargeData
    }
}

/// One registry entry: a model as `compare`, the CLI and the model file know it.
public struct ModelSpec: Sendable {
    /// PyCaret's ID ("lr"); unique within `kind`.
    public let id: String
    /// The leaderboard name.
    public let displayName: String
    /// Classification or regression.
    public let kind: ProblemKind
    /// Declared capabilities.
    public let capabilities: Capabilities
    /// The estimator type's name in model files ("LogisticRegression").
    public let typeName: String
    /// The estimator with its defaults.
    public let make: @Sendable () -> any Estimator
    /// Decodes the estimator's hyperparameters from JSON.
    public let decode: @Sendable (Decoder) throws -> any Estimator
    /// Decodes a fitted model of this estimator (`E.Model`) from JSON, as a model file stores it.
    public let decodeModel: @Sendable (Decoder) throws -> any FittedModel

    /// A spec for estimator type `E`.
    public init<E: Estimator>(_ type: E.Type, kind: ProblemKind, capabilities: Capabilities,
                              make: @escaping @Sendable () -> E = { E() }) {
        self.id = E.id
        self.displayName = E.displayName
        self.kind = kind
        self.capabilities = capabilities
        self.typeName = String(describing: E.self)
        self.make = make
        self.decode = { try E(from: $0) }
        self.decodeModel = { try E.Model(from: $0) }
    }
}

extension Estimator {
    /// Fits through an existential (used by the cross-validation loop over `[any Estimator]`).
    public func fitErased(_ data: TrainingData, using rng: inout RandomStream) throws -> any FittedModel {
        try fit(data, using: &rng)
    }
}

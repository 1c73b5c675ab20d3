extension ModelRegistry {
    /// Registry entries of the Baseline family (dummy).
    static let baselineModels: [ModelSpec] = [
        ModelSpec(DummyClassifier.self, kind: .classification,
                  capabilities: Capabilities(supportsSampleWeights: true, providesProbabilities: true)),
        ModelSpec(DummyRegressor.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
    ]
}

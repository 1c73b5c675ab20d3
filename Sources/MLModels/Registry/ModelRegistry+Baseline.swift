extension ModelRegistry {
    /// Registry entries of the Baseline family (dummy).
    static let baselineModels: [ModelSpec] = [
    ]
}

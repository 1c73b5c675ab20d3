extension ModelRegistry {
    /// Registry entries of the Trees family (dt, rf, et, ada, gbm).
    static let treeModels: [ModelSpec] = [
    ]
}

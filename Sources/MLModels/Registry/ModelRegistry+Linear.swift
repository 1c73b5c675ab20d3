extension ModelRegistry {
    /// Registry entries of the Linear family (lr, ridge, lasso, en, …).
    static let linearModels: [ModelSpec] = [
    ]
}

extension ModelRegistry {
    /// Registry entries of the Classic family (nb, lda, qda, knn, svm, mlp).
    static let classicModels: [ModelSpec] = [
    ]
}

extension ModelRegistry {
    /// Registry entries of the Classic family (nb, lda, qda, knn, rbfsvm, gpc, mlp), with PyCaret's IDs
    /// and names. PyCaret's turbo mode leaves out `rbfsvm`, `gpc` and `mlp` (`is_turbo=False`), so they are
    /// marked slow on large data; `knn` is in PyCaret's turbo set.
    static let classicModels: [ModelSpec] = [
        ModelSpec(GaussianNaiveBayes.self, kind: .classification,
                  capabilities: Capabilities(supportsSampleWeights: true, providesProbabilities: true)),
        ModelSpec(LinearDiscriminantAnalysis.self, kind: .classification,
                  capabilities: Capabilities(providesProbabilities: true)),
        ModelSpec(QuadraticDiscriminantAnalysis.self, kind: .classification,
                  capabilities: Capabilities(providesProbabilities: true)),
        ModelSpec(KNeighborsClassifier.self, kind: .classification,
                  capabilities: Capabilities(providesProbabilities: true)),
        ModelSpec(KNeighborsRegressor.self, kind: .regression, capabilities: Capabilities()),
        ModelSpec(SVC.self, kind: .classification,
                  capabilities: Capabilities(providesProbabilities: true, isRandomized: true, isSlowOnLargeData: true)),
        ModelSpec(GaussianProcessClassifier.self, kind: .classification,
                  capabilities: Capabilities(providesProbabilities: true, isSlowOnLargeData: true)),
        ModelSpec(MLPClassifier.self, kind: .classification,
                  capabilities: Capabilities(providesProbabilities: true, isRandomized: true, isSlowOnLargeData: true)),
        ModelSpec(MLPRegressor.self, kind: .regression,
                  capabilities: Capabilities(isRandomized: true, isSlowOnLargeData: true)),
    ]
}

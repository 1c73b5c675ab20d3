extension ModelRegistry {
    /// Registry entries of the Linear family (lr, ridge, lasso, en, …).
    static let linearModels: [ModelSpec] = [
        ModelSpec(LogisticRegression.self, kind: .classification,
                  capabilities: Capabilities(supportsSampleWeights: true, providesProbabilities: true)),
        ModelSpec(RidgeClassifier.self, kind: .classification,
                  capabilities: Capabilities(supportsSampleWeights: true, providesProbabilities: true)),
        ModelSpec(LinearSVMClassifier.self, kind: .classification,
                  capabilities: Capabilities(supportsSampleWeights: true, providesProbabilities: true, isRandomized: true)),
        ModelSpec(LinearRegression.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(Ridge.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(Lasso.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(ElasticNet.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(BayesianRidge.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(HuberRegressor.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(Lars.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(OrthogonalMatchingPursuit.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(LinearSVMRegressor.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, isRandomized: true)),
    ]
}

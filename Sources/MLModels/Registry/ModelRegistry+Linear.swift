extension ModelRegistry {
    /// Registry entries of the Linear family, in PyCaret's order within the family.
    ///
    /// Classification: lr, svm (linear, dual coordinate descent), ridge. Regression: lr, lasso,
    /// ridge, en, lar, llar, omp, br, ard, huber, svm (linear SVR). Every entry honours sample
    /// weights; the classifiers' probabilities for ridge and svm are a squashing of the decision
    /// values (see `LinearClassifierModel`).
    static let linearModels: [ModelSpec] = [
        ModelSpec(LogisticRegression.self, kind: .classification,
                  capabilities: Capabilities(supportsSampleWeights: true, providesProbabilities: true)),
        ModelSpec(LinearSVMClassifier.self, kind: .classification,
                  capabilities: Capabilities(supportsSampleWeights: true, providesProbabilities: true, isRandomized: true)),
        ModelSpec(RidgeClassifier.self, kind: .classification,
                  capabilities: Capabilities(supportsSampleWeights: true, providesProbabilities: true)),
        ModelSpec(LinearRegression.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(Lasso.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(Ridge.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(ElasticNet.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(Lars.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(LassoLars.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(OrthogonalMatchingPursuit.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(BayesianRidge.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(ARDRegression.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(HuberRegressor.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true)),
        ModelSpec(LinearSVMRegressor.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, isRandomized: true)),
    ]
}

extension ModelRegistry {
    /// Registry entries of the Linear family, in PyCaret's order within the family.
    ///
    /// Classification: lr, svm (linear, dual coordinate descent), ridge. Regression: lr, lasso,
    /// ridge, en, lar, llar, omp, br, ard, huber, svm (linear SVR). Every entry honours sample
    /// weights; the classifiers' probabilities for ridge and svm are a squashing of the decision
    /// values (see `LinearClassifierModel`).
    static let linearModels: [ModelSpec] = [
        ModelSpec(LogisticRegression.self, kind: .classification,
                  capabilities: Capabilities(supportsSampleWeights: true, providesProbabilities: true, providesImportances: true)),
        ModelSpec(LinearSVMClassifier.self, kind: .classification,
                  capabilities: Capabilities(supportsSampleWeights: true, providesProbabilities: true, providesImportances: true, isRandomized: true)),
        ModelSpec(RidgeClassifier.self, kind: .classification,
                  capabilities: Capabilities(supportsSampleWeights: true, providesProbabilities: true, providesImportances: true)),
        ModelSpec(LinearRegression.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true)),
        ModelSpec(Lasso.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true)),
        ModelSpec(Ridge.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true)),
        ModelSpec(ElasticNet.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true)),
        ModelSpec(Lars.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true)),
        ModelSpec(LassoLars.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true)),
        ModelSpec(OrthogonalMatchingPursuit.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true)),
        ModelSpec(BayesianRidge.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true)),
        ModelSpec(ARDRegression.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true)),
        ModelSpec(HuberRegressor.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true)),
        ModelSpec(LinearSVMRegressor.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true, isRandomized: true)),
    ]
}

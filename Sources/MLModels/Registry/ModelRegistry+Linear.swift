extension ModelRegistry {
    /// Registry entries of the Linear family, in PyCaret's order within the family.
    ///
    /// Classification: lr, svm (linear, dual coordinate descent), ridge. Regression: lr, lasso,
    /// ridge, en, lar, llar, omp, br, ard, ransac, tr, huber, svm (linear SVR). Every entry but tr
    /// honours sample weights; the probabilities of the ridge and svm classifiers are a squashing
    /// of their decision values (see `LinearClassifierModel`).
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
        ModelSpec(RANSACRegressor.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true, isRandomized: true)),
        ModelSpec(TheilSenRegressor.self, kind: .regression,
                  capabilities: Capabilities(providesImportances: true, isRandomized: true, isSlowOnLargeData: true)),
        ModelSpec(HuberRegressor.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true)),
        ModelSpec(LinearSVMRegressor.self, kind: .regression,
                  capabilities: Capabilities(supportsSampleWeights: true, providesImportances: true, isRandomized: true)),
    ]
}

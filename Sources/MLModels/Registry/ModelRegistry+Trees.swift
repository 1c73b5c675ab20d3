extension ModelRegistry {
    /// Registry entries of the Trees family (dt, rf, et, ada, lightgbm), classification then regression.
    static let treeModels: [ModelSpec] = {
        let classifier = Capabilities(supportsSampleWeights: true, providesProbabilities: true,
                                      providesImportances: true, isRandomized: true)
        let regressor = Capabilities(supportsSampleWeights: true, providesProbabilities: false,
                                     providesImportances: true, isRandomized: true)
        return [
            ModelSpec(DecisionTreeClassifier.self, kind: .classification, capabilities: classifier),
            ModelSpec(RandomForestClassifier.self, kind: .classification, capabilities: classifier),
            ModelSpec(ExtraTreesClassifier.self, kind: .classification, capabilities: classifier),
            ModelSpec(AdaBoostClassifier.self, kind: .classification, capabilities: classifier),
            ModelSpec(LightGBM.self, kind: .classification, capabilities: classifier),
            ModelSpec(DecisionTreeRegressor.self, kind: .regression, capabilities: regressor),
            ModelSpec(RandomForestRegressor.self, kind: .regression, capabilities: regressor),
            ModelSpec(ExtraTreesRegressor.self, kind: .regression, capabilities: regressor),
            ModelSpec(AdaBoostRegressor.self, kind: .regression, capabilities: regressor),
            ModelSpec(LightGBM.self, kind: .regression, capabilities: regressor),
        ]
    }()
}

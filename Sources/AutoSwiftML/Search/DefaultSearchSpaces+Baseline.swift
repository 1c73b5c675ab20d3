import MLCore
import MLModels

// Default search spaces of the Baseline family.

extension DefaultSearchSpaces {
    /// The Baseline family's entries, by registry kind and ID.
    static let baselineSpaces: [Entry] = [
        (.classification, "dummy", { DummyClassifier.defaultSearchSpace.erased() }),
        (.regression, "dummy", { DummyRegressor.defaultSearchSpace.erased() }),
    ]
}

extension DummyClassifier {
    /// PyCaret: `strategy ∈ {most_frequent, prior, stratified, uniform}`.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.categorical("strategy", \.strategy, Strategy.allCases)])
    }
}

extension DummyRegressor {
    /// PyCaret tunes nothing on the dummy regressor; here mean or median is searched, so that
    /// `tune` has a dimension to draw.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.categorical("strategy", \.strategy, [.mean, .median])])
    }
}

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
    /// PyCaret does not tune the dummy model; here its strategy is searchable.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.categorical("strategy", \.strategy, Strategy.allCases)])
    }
}

extension DummyRegressor {
    /// PyCaret does not tune the dummy model; here mean or median is searchable.
    public static var defaultSearchSpace: SearchSpace<Self> {
        SearchSpace([.categorical("strategy", \.strategy, [.mean, .median])])
    }
}

import MLCore
import MLModels

// The default search spaces follow PyCaret 3.3.2's `tune_distribution`s
// (containers/models/classification.py and regression.py): same parameters, kinds (uniform, log,
// int, categorical), bounds and labels. Where PyCaret's lower bound is 0 but the parameter must be
// positive (`C > 0`), the lower bound is 0.001 so that no draw breaks a declared constraint. Each
// space also lists `available` parameters that are not searched unless a domain is given for them.
// Tests/AutoSwiftMLTests/Search/PyCaretSpaceConformanceTests.swift checks every space against a
// dump of PyCaret's distributions and holds the one table of deliberate differences, with reasons.

/// The default search space of every registry entry, keyed by (problem kind, model ID).
public enum DefaultSearchSpaces {
    /// A registry entry's key.
    struct Key: Hashable {
        let kind: ProblemKind
        let id: String
    }

    /// One family's entries: (kind, id) and a maker of the space.
    typealias Entry = (kind: ProblemKind, id: String, make: @Sendable () -> AnySearchSpace)

    /// Every family's entries; each family declares its own in `DefaultSearchSpaces+Family.swift`.
    private static let table: [Key: @Sendable () -> AnySearchSpace] = {
        var t: [Key: @Sendable () -> AnySearchSpace] = [:]
        for e in baselineSpaces + linearSpaces + classicSpaces + treeSpaces { t[Key(kind: e.kind, id: e.id)] = e.make }
        return t
    }()

    /// The default space of the registry entry (`kind`, `id`), or `nil` when none is declared
    /// (for example a model family added later without a space).
    public static func space(id: String, kind: ProblemKind) -> AnySearchSpace? {
        table[Key(kind: kind, id: id)]?()
    }

    /// The default space of a registry entry.
    public static func space(for spec: ModelSpec) -> AnySearchSpace? { space(id: spec.id, kind: spec.kind) }

    /// Dimensions whose upper bound PyCaret takes from the data: the number of feature columns of
    /// the training part (omp's `n_nonzero_coefs ~ IntU(1, len(X_train.columns))`). The spaces
    /// without data keep the bound of PyCaret's dump on the 10-feature diabetes data.
    static let featureCountBounds: [(kind: ProblemKind, id: String, dimension: String)] = [
        (.regression, "omp", "nonzeroCoefficients"),
    ]

    /// The default space of (`kind`, `id`) for data with `featureCount` feature columns: as
    /// `space(id:kind:)`, with every dimension of `featureCountBounds` searched over
    /// 1…`featureCount`, as PyCaret does. `tune` and `automl tune` use this one.
    public static func space(id: String, kind: ProblemKind, featureCount: Int) -> AnySearchSpace? {
        guard var space = space(id: id, kind: kind) else { return nil }
        for bound in featureCountBounds where bound.kind == kind && bound.id == id {
            if let bounded = try? space.settingDomain(bound.dimension, to: .integer(lower: 1, upper: max(1, featureCount))) {
                space = bounded
            }
        }
        return space
    }

    /// The default space of the registry entry for `experiment`'s data (see
    /// `space(id:kind:featureCount:)`).
    public static func space(id: String, for experiment: Experiment) -> AnySearchSpace? {
        space(id: id, kind: experiment.kind, featureCount: experiment.trainTable.columnCount)
    }
}

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
}

/// Every model AutoSwiftML knows, keyed by PyCaret's IDs.
///
/// Each model family declares its entries in its own `ModelRegistry+Family.swift` file;
/// `compare` runs every entry of the data's problem kind unless told otherwise.
public enum ModelRegistry {
    /// All registered models, in declaration order.
    public static let all: [ModelSpec] =
        baselineModels + linearModels + classicModels + treeModels

    /// The ID of the baseline model (PyCaret's "dummy"), which every leaderboard includes.
    public static let baselineID = "dummy"

    /// The models of one problem kind.
    public static func models(for kind: ProblemKind) -> [ModelSpec] { all.filter { $0.kind == kind } }

    /// The entry with `id` for `kind`, if any.
    public static func spec(id: String, kind: ProblemKind) -> ModelSpec? {
        all.first { $0.id == id && $0.kind == kind }
    }
}

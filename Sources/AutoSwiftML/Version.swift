/// The version of AutoSwiftML, written into model files and printed by `automl --version`.
public enum AutoSwiftMLVersion {
    /// Semantic version string.
    public static let string = "0.1.0"
}

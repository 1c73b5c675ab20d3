import MLCore
import MLData
import MLModels

/// How missing numbers are filled (PyCaret's `numeric_imputation`).
public enum NumericImputation: Sendable, Codable, Hashable {
    /// The training mean (PyCaret's default).
    case mean
    /// The training median (numpy's, interpolating between the middle pair).
    case median
    /// The most frequent training value (ties go to the smallest, as scikit-learn).
    case mostFrequent
    /// A fixed value.
    case constant(Double)
}

/// How missing categories are filled (PyCaret's `categorical_imputation`).
public enum CategoricalImputation: String, Sendable, Codable, Hashable, CaseIterable {
    /// The most frequent training level (PyCaret's default; ties go to the first in string order).
    case mostFrequent
    /// A separate level named `"missing"`.
    case missingLevel
}

/// Feature scaling after encoding (PyCaret's `normalize` / `normalize_method`).
public enum Scaling: String, Sendable, Codable, Hashable, CaseIterable {
    /// No scaling (PyCaret's default, `normalize=False`).
    case none
    /// `(x − mean) / std` with the population std (`zscore`).
    case standard
    /// `(x − min) / (max − min)` (`minmax`).
    case minMax
    /// `(x − median) / (q75 − q25)` (`robust`).
    case robust
}

/// Smoothing of target-encoded category means, as scikit-learn's `TargetEncoder(smooth=…)`.
public enum TargetEncodingSmoothing: Sendable, Codable, Hashable {
    /// Empirical-Bayes shrinkage toward the global mean (scikit-learn's `smooth="auto"`, the default).
    case auto
    /// `(sum + m × mean) / (count + m)`.
    case fixed(Double)
}

/// The preprocessing recipe of an experiment: a plain value; `fitTransform` learns its statistics
/// from training rows only and returns a separate `FittedPipeline`.
///
/// Steps, in order, per input column:
/// 1. drop free-text, ID-like, all-missing and constant columns (each reported as a `DroppedColumn`);
/// 2. impute numbers (`numericImputation`) and categories/booleans (`categoricalImputation`);
/// 3. booleans → 0/1; categories with 2 levels → one 0/1 column (the second level in string order is
///    1), up to `maxOneHotLevels` → one-hot, more → target encoding (one column, or one per class for
///    multiclass targets), computed out-of-fold on the training rows;
/// 4. scale every output column (`scaling`).
///
///     let fitted = try PreprocessingConfig().fit(trainTable, target: trainTarget, using: rng)
///     let x = try fitted.transform(validationTable)
public struct PreprocessingConfig: Sendable, Codable, Hashable {
    /// Missing-number strategy (default `.mean`).
    public var numericImputation: NumericImputation
    /// Missing-category strategy (default `.mostFrequent`); booleans always use the most frequent value.
    public var categoricalImputation: CategoricalImputation
    /// Scaling of the encoded features (default `.none`).
    public var scaling: Scaling
    /// Categorical columns with at most this many levels are one-hot encoded (default 25, PyCaret's
    /// `max_encoding_ohe`); more levels are target encoded.
    public var maxOneHotLevels: Int
    /// Inner folds for out-of-fold target encoding (default 5, scikit-learn's `cv`).
    public var targetEncodingFolds: Int
    /// Target-encoding smoothing (default `.auto`).
    public var targetEncodingSmoothing: TargetEncodingSmoothing
    /// Drop ID-like columns (default true): integer columns strictly increasing in row order, and
    /// categorical columns with more than `maxOneHotLevels` levels each seen once.
    public var dropsIDLikeColumns: Bool
    /// Columns never used as features (PyCaret's `ignore_features`).
    public var ignoredColumns: [String]

    /// The PyCaret defaults.
    public init(numericImputation: NumericImputation = .mean,
                categoricalImputation: CategoricalImputation = .mostFrequent,
                scaling: Scaling = .none, maxOneHotLevels: Int = 25, targetEncodingFolds: Int = 5,
                targetEncodingSmoothing: TargetEncodingSmoothing = .auto, dropsIDLikeColumns: Bool = true,
                ignoredColumns: [String] = []) {
        self.numericImputation = numericImputation
        self.categoricalImputation = categoricalImputation
        self.scaling = scaling
        self.maxOneHotLevels = maxOneHotLevels
        self.targetEncodingFolds = targetEncodingFolds
        self.targetEncodingSmoothing = targetEncodingSmoothing
        self.dropsIDLikeColumns = dropsIDLikeColumns
        self.ignoredColumns = ignoredColumns
    }

    /// Throws when a setting is out of range.
    public func validate() throws {
        guard maxOneHotLevels >= 2 else {
            throw MLError.invalidParameter(estimator: "preprocessing", name: "maxOneHotLevels",
                                           value: "\(maxOneHotLevels)", expected: "an integer ≥ 2")
        }
        guard targetEncodingFolds >= 2 else {
            throw MLError.invalidParameter(estimator: "preprocessing", name: "targetEncodingFolds",
                                           value: "\(targetEncodingFolds)", expected: "an integer ≥ 2")
        }
        if case let .fixed(m) = targetEncodingSmoothing, !(m.isFinite && m >= 0) {
            throw MLError.invalidParameter(estimator: "preprocessing", name: "targetEncodingSmoothing",
                                           value: "\(m)", expected: "a number in [0, inf)")
        }
        if case let .constant(v) = numericImputation, !v.isFinite {
            throw MLError.invalidParameter(estimator: "preprocessing", name: "numericImputation",
                                           value: "\(v)", expected: "a finite constant")
        }
    }

    /// Fits the pipeline on `table` (training rows only, without the target column).
    /// - Parameters:
    ///   - target: the training rows' target (target encoding uses it).
    ///   - rng: the stream for the inner folds of target encoding.
    /// - Throws: `MLError` for bad settings, a target of the wrong length or no usable feature.
    public func fit(_ table: DataTable, target: Target, using rng: RandomStream) throws -> FittedPipeline {
        try fitTransform(table, target: target, using: rng).pipeline
    }

    /// Fits the pipeline and returns it with the training features, whose target-encoded columns
    /// are out-of-fold (each row encoded by statistics of the other inner folds), as scikit-learn's
    /// `TargetEncoder.fit_transform`. Scaling is fitted on these features.
    /// - Complexity: O(rows × output columns).
    public func fitTransform(_ table: DataTable, target: Target,
                             using rng: RandomStream) throws -> (pipeline: FittedPipeline, features: Matrix) {
        try validate()
        guard target.count == table.rowCount else {
            throw MLError.shapeMismatch(expected: "\(table.rowCount) target values", got: "\(target.count)")
        }
        guard table.rowCount > 0 else { throw MLError.invalidInput("Preprocessing needs at least one training row.") }
        var encodings: [ColumnEncoding] = []
        var dropped: [DroppedColumn] = []
        var columnsOut: [[Double]] = []
        var names: [String] = []
        let ignored = Set(ignoredColumns)
        for (index, column) in table.columns.enumerated() {
            if ignored.contains(column.name) {
                dropped.append(DroppedColumn(name: column.name, reason: .ignored))
                continue
            }
            let plan = try planColumn(column, target: target,
                                      rng: rng.split(RandomKeys.preprocessing).split(UInt64(index)))
            switch plan {
            case let .dropped(reason):
                dropped.append(DroppedColumn(name: column.name, reason: reason))
            case let .kept(encoding, trainingColumns):
                encodings.append(encoding)
                columnsOut.append(contentsOf: trainingColumns)
                names.append(contentsOf: encoding.featureNames)
            }
        }
        guard !encodings.isEmpty else {
            let why = dropped.map { "\($0.name) (\($0.reason.description))" }.joined(separator: ", ")
            throw MLError.invalidInput("No usable feature column is left after preprocessing; dropped: \(why.isEmpty ? "none" : why).")
        }
        var features = try Matrix(columns: columnsOut)
        let scaler = FittedScaler.fit(scaling, features)
        scaler.apply(&features)
        let pipeline = FittedPipeline(config: self,
                                      inputColumns: table.columns.map { InputColumn(name: $0.name, type: $0.type) },
                                      encodings: encodings, scaler: scaler, featureNames: names,
                                      droppedColumns: dropped)
        return (pipeline, features)
    }
}

/// The table-to-table split of preprocessing: a config value fits into a separate fitted value.
public protocol TableTransformer: Codable, Hashable, Sendable {
    /// The fitted type.
    associatedtype Fitted: Codable & Sendable
    /// Learns statistics from training rows only.
    func fit(_ table: DataTable, target: Target, using rng: RandomStream) throws -> Fitted
}

extension PreprocessingConfig: TableTransformer {}

extension RandomKeys {
    /// Preprocessing (target encoding's inner folds), split by fold and column.
    public static let preprocessing: UInt64 = 6
}

import MLCore
import MLModels

/// Class weights applied in the cross-validation loop (PyCaret's `fix_imbalance`, the simple way).
public enum ClassWeights: String, Sendable, Codable, Hashable, CaseIterable {
    /// scikit-learn's `class_weight="balanced"`: each row of class `c` weighs `n / (k × n_c)` over the
    /// fold's training rows (`k` classes present), passed as sample weights to models whose
    /// capabilities say `supportsSampleWeights`; other models ignore it (listed in the notes).
    case balanced
}

/// Options of `compare` (PyCaret's `compare_models` arguments).
public struct CompareOptions: Sendable, Codable, Hashable {
    /// Only these model IDs (`nil`: every registered model of the problem kind). The dummy
    /// baseline is always a row, whatever `include` and `exclude` say.
    public var include: [String]?
    /// Model IDs to leave out.
    public var exclude: [String]
    /// The metric to sort by (`nil`: Accuracy for classification, R2 for regression).
    public var sortMetric: Metric?
    /// Whether the best model is refitted on the training part and scored on the holdout (default true).
    public var scoresHoldout: Bool
    /// PyCaret's `turbo` (default true): leave out models whose capabilities say they are slow on
    /// large data (rbfsvm, gpc, mlp), unless `include` names models explicitly.
    public var turbo: Bool
    /// Whether models are cross-validated (default true). `false`: each model is fitted once on the
    /// training part and scored on the holdout part, and those scores are the leaderboard.
    public var crossValidates: Bool
    /// Class weights for classification (`nil`, the default: none).
    public var classWeights: ClassWeights?
    /// How many of the best models `compareModels` returns refitted on the training part (PyCaret's
    /// `n_select`; default 1).
    public var selectCount: Int
    /// A global time budget in seconds, counted from the start of `compare` (preprocessing
    /// included; `nil`: none). Cells still running when it passes are cut mid-fit (models check
    /// `TrainingData.interruption` per iteration, epoch or tree; a model without checks is cut when
    /// its fit returns); models not started are skipped; the holdout refit runs under it too.
    public var budgetSeconds: Double?
    /// Each model's time limit in seconds, summed over its folds (`nil`: none). A fold gets what the
    /// model had left when the fold started, so folds of one model running at the same time on N
    /// threads may together use up to N times that remainder.
    public var modelTimeoutSeconds: Double?
    /// The memory guard's limit for the dense feature matrices (`nil`: half the physical memory).
    /// Over it, wide categoricals switch from one-hot to target encoding, else `compare` refuses.
    public var memoryLimitBytes: Int?
    /// A directory for the resume log `cells.jsonl` (`nil`: none). Every finished (model, fold) cell
    /// is appended as it finishes; a rerun with the same data and options reads finished cells back
    /// instead of fitting them, and gives the same leaderboard.
    public var outputDirectory: String?

    /// The defaults.
    public init(include: [String]? = nil, exclude: [String] = [], sortMetric: Metric? = nil,
                scoresHoldout: Bool = true, turbo: Bool = true, crossValidates: Bool = true,
                classWeights: ClassWeights? = nil, selectCount: Int = 1, budgetSeconds: Double? = nil,
                modelTimeoutSeconds: Double? = nil, memoryLimitBytes: Int? = nil, outputDirectory: String? = nil) {
        self.include = include
        self.exclude = exclude
        self.sortMetric = sortMetric
        self.scoresHoldout = scoresHoldout
        self.turbo = turbo
        self.crossValidates = crossValidates
        self.classWeights = classWeights
        self.selectCount = selectCount
        self.budgetSeconds = budgetSeconds
        self.modelTimeoutSeconds = modelTimeoutSeconds
        self.memoryLimitBytes = memoryLimitBytes
        self.outputDirectory = outputDirectory
    }

    /// Throws `MLError.invalidParameter` for a negative `selectCount` or a budget that is not a
    /// positive finite number of seconds.
    public func validate() throws {
        guard selectCount >= 0 else {
            throw MLError.invalidParameter(estimator: "compare", name: "selectCount", value: "\(selectCount)",
                                           expected: "an integer ≥ 0")
        }
        for (name, value) in [("budgetSeconds", budgetSeconds), ("modelTimeoutSeconds", modelTimeoutSeconds)] {
            if let value, !(value.isFinite && value > 0) {
                throw MLError.invalidParameter(estimator: "compare", name: name, value: "\(value)",
                                               expected: "a positive number of seconds")
            }
        }
    }
}

/// Balanced sample weights `n / (k × n_c)` for class indices `classes` (`k`: classes present).
/// - Complexity: O(rows).
public func balancedSampleWeights(classes: [Int32]) -> [Double] {
    var counts: [Int32: Int] = [:]
    for c in classes { counts[c, default: 0] += 1 }
    let n = Double(classes.count), k = Double(counts.count)
    return classes.map { n / (k * Double(counts[$0] ?? 1)) }
}

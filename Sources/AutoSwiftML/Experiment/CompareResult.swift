import MLCore
import MLModels

/// One of the best models, refitted on the whole training part with its fitted preprocessing
/// (PyCaret's `n_select` return value). Not `Codable`: save it with the model-file API.
public struct SelectedModel: Sendable {
    /// The model's registry entry.
    public let spec: ModelSpec
    /// The estimator (its default hyperparameters).
    public let estimator: any Estimator
    /// The preprocessing fitted on the whole training part.
    public let pipeline: FittedPipeline
    /// The model fitted on the whole training part.
    public let model: any FittedModel
}

/// What `compareModels` returns: the (Codable) leaderboard and the top `selectCount` models fitted.
public struct CompareResult: Sendable {
    /// The leaderboard.
    public let leaderboard: Leaderboard
    /// The best succeeded models in leaderboard order, refitted on the training part (at most
    /// `CompareOptions.selectCount`; fewer when models failed, were cut or their refit failed).
    public let selected: [SelectedModel]
    /// Cells read back from the resume log instead of fitted (`CompareOptions.outputDirectory`).
    public var reusedCellCount: Int = 0
    /// Cells whose fit ran to the end in this call (finished or failed; not cut, skipped or read back).
    public var fittedCellCount: Int = 0
    /// What happened to an existing resume log (resumed, or moved aside), or `nil`.
    public var logNote: String? = nil
}

/// What `compare` reports while it runs, once before each (model, fold) cell starts.
public struct CompareProgress: Sendable {
    /// The model about to run.
    public let modelID: String
    /// Its display name.
    public let displayName: String
    /// The fold about to run (0-based); 0 in holdout-only mode.
    public let foldIndex: Int
    /// The number of folds per model (1 in holdout-only mode).
    public let foldCount: Int
    /// Cells finished so far (in any order).
    public let finishedCells: Int
    /// All cells (models × folds).
    public let totalCells: Int
    /// Seconds since `compare` started.
    public let elapsedSeconds: Double

    /// A rough estimate of the seconds left (`nil` before the first cell finished).
    public var estimatedSecondsRemaining: Double? {
        guard finishedCells > 0 else { return nil }
        return elapsedSeconds / Double(finishedCells) * Double(totalCells - finishedCells)
    }
}

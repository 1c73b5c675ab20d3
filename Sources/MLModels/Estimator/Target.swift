import MLCore

/// The target column as models see it: class indices with their names, or real values.
public enum Target: Sendable, Equatable, Codable, Hashable {
    /// Class indices in `0..<names.count`; `names` lists every class of the whole data set, so a
    /// fold whose training part lacks a class still knows it exists.
    case classes(indices: [Int32], names: [String])
    /// Real-valued targets.
    case values([Double])

    /// Number of rows.
    public var count: Int {
        switch self {
        case let .classes(indices, _): return indices.count
        case let .values(v): return v.count
        }
    }

    /// The number of classes (0 for regression).
    public var classCount: Int {
        if case let .classes(_, names) = self { return names.count }
        return 0
    }

    /// The rows at `indices`, in that order.
    public func gathering(_ rows: [Int]) -> Target {
        switch self {
        case let .classes(indices, names): return .classes(indices: rows.map { indices[$0] }, names: names)
        case let .values(v): return .values(rows.map { v[$0] })
        }
    }
}

/// What a fitted model returns: class indices (into the training target's `names`) or values.
public enum Prediction: Sendable, Equatable, Codable, Hashable {
    /// Predicted class indices.
    case classes([Int32])
    /// Predicted real values.
    case values([Double])

    /// Number of rows.
    public var count: Int {
        switch self {
        case let .classes(c): return c.count
        case let .values(v): return v.count
        }
    }
}

/// A numeric design matrix with its target, as handed to `Estimator.fit`.
///
/// Preprocessing has already imputed, encoded and scaled the features; models never see tables.
public struct TrainingData: Sendable {
    /// One row per sample, one column per feature; all finite.
    public var features: Matrix
    /// The target, one entry per row.
    public var target: Target
    /// Optional non-negative weights, one per row (`nil` means all 1).
    public var sampleWeights: [Double]?
    /// Feature names, one per column (used for importances and reports).
    public var featureNames: [String]
    /// A time budget or cancellation that iterative models check once per iteration, epoch or tree
    /// (`nil`, the default: run to completion).
    public var interruption: Interruption?

    /// Creates training data; feature names default to `x0, x1, …`.
    public init(features: Matrix, target: Target, sampleWeights: [Double]? = nil, featureNames: [String]? = nil,
                interruption: Interruption? = nil) {
        self.features = features
        self.target = target
        self.sampleWeights = sampleWeights
        self.featureNames = featureNames ?? (0..<features.columnCount).map { "x\($0)" }
        self.interruption = interruption
    }

    /// The task implied by the target.
    public var task: Task {
        switch target {
        case let .classes(_, names): return names.count > 2 ? .multiclass : .binary
        case .values: return .regression
        }
    }

    /// The rows at `indices`.
    public func gatheringRows(_ indices: [Int]) -> TrainingData {
        TrainingData(features: features.gatheringRows(indices), target: target.gathering(indices),
                     sampleWeights: sampleWeights.map { w in indices.map { w[$0] } }, featureNames: featureNames,
                     interruption: interruption)
    }
}

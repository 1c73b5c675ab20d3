import Foundation
import MLCore
import MLModels

/// One hyperparameter and the value a trial gave it.
public struct ParameterAssignment: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The parameter's name.
    public let name: String
    /// Its value.
    public let value: ParameterValue

    /// An assignment.
    public init(name: String, value: ParameterValue) {
        self.name = name
        self.value = value
    }

    /// `name=value`.
    public var description: String { "\(name)=\(value)" }
}

/// One trial of a tuning run: the candidate, its fold scores and their mean.
public struct TuneTrial: Sendable, Hashable, Codable {
    /// The trial's index, in order of proposal.
    public let index: Int
    /// The active parameters of the candidate.
    public let parameters: [ParameterAssignment]
    /// The metric on each fold (`nil` where undefined).
    public let foldScores: [Double?]
    /// The mean over folds (`nil` when the trial failed).
    public let mean: Double?
    /// The share of each fold's training rows used (below 1 only in `halving`'s early rounds).
    public let resource: Double
    /// Wall-clock seconds of the trial.
    public let seconds: Double
    /// Why the trial failed, if it did (an invalid candidate never reaches `fit`).
    public let error: String?
}

/// What `tune` found: the best hyperparameters, the model refitted with them on the training part,
/// and the full trial history.
public struct TuneResult: Sendable {
    /// The model ID.
    public let modelID: String
    /// The model's display name.
    public let displayName: String
    /// The metric optimised.
    public let metric: Metric
    /// The searcher used.
    public let method: SearchMethod
    /// The searched dimensions.
    public let dimensions: [SearchDimensionInfo]
    /// The chosen estimator (the untuned one when `keptDefault`).
    public let bestEstimator: any Estimator
    /// The chosen trial's parameters (empty when `keptDefault`).
    public let bestParameters: [ParameterAssignment]
    /// The chosen trial's index (`nil` when `keptDefault`).
    public let bestTrialIndex: Int?
    /// The cross-validated mean of the chosen estimator.
    public let bestScore: Double?
    /// The cross-validated mean of the untuned estimator (`nil` when it failed).
    public let defaultScore: Double?
    /// True when no trial beat the untuned estimator and `choosesBetter` kept it.
    public let keptDefault: Bool
    /// The preprocessing fitted on the whole training part.
    public let pipeline: FittedPipeline
    /// The chosen estimator fitted on the whole training part.
    public let model: any FittedModel
    /// The metric on the holdout part (`nil` when undefined or the holdout is empty).
    public let holdoutScore: Double?
    /// Every trial, in index order.
    public let history: [TuneTrial]
    /// Why the search stopped.
    public let stopReason: SearchStopReason
    /// The experiment's seed.
    public let seed: UInt64
    /// The number of folds.
    public let foldCount: Int

    /// The result without the fitted objects, for JSON output.
    public var summary: TuneSummary {
        TuneSummary(modelID: modelID, displayName: displayName, metric: metric, method: method, seed: seed,
                    foldCount: foldCount, dimensions: dimensions, stopReason: stopReason, defaultScore: defaultScore,
                    bestScore: bestScore, keptDefault: keptDefault, bestTrialIndex: bestTrialIndex,
                    bestParameters: bestParameters, holdoutScore: holdoutScore, history: history)
    }

    /// The history as CSV: `trial,<parameters…>,fold_1…fold_k,mean,resource,seconds,error`; inactive
    /// parameters and missing scores are empty fields.
    public func historyCSV() -> String {
        let names = dimensions.map(\.name)
        var lines = [(["trial"] + names + (1...max(1, foldCount)).map { "fold_\($0)" } + ["mean", "resource", "seconds", "error"])
            .joined(separator: ",")]
        for t in history {
            var fields = [String(t.index)]
            for n in names { fields.append(t.parameters.first { $0.name == n }.map { csvField($0.value.description) } ?? "") }
            for f in 0..<max(1, foldCount) { fields.append(f < t.foldScores.count ? (t.foldScores[f].map { "\($0)" } ?? "") : "") }
            fields.append(t.mean.map { "\($0)" } ?? "")
            fields.append("\(t.resource)")
            fields.append(String(format6(t.seconds)))
            fields.append(csvField(t.error ?? ""))
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `TuneResult` without the fitted objects: what `automl tune --format json` prints.
public struct TuneSummary: Sendable, Hashable, Codable {
    /// The model ID.
    public let modelID: String
    /// The model's display name.
    public let displayName: String
    /// The metric optimised.
    public let metric: Metric
    /// The searcher used.
    public let method: SearchMethod
    /// The experiment's seed.
    public let seed: UInt64
    /// The number of folds.
    public let foldCount: Int
    /// The searched dimensions.
    public let dimensions: [SearchDimensionInfo]
    /// Why the search stopped.
    public let stopReason: SearchStopReason
    /// The cross-validated mean of the untuned estimator.
    public let defaultScore: Double?
    /// The cross-validated mean of the chosen estimator.
    public let bestScore: Double?
    /// True when the untuned estimator was kept.
    public let keptDefault: Bool
    /// The chosen trial's index.
    public let bestTrialIndex: Int?
    /// The chosen trial's parameters.
    public let bestParameters: [ParameterAssignment]
    /// The metric on the holdout part.
    public let holdoutScore: Double?
    /// Every trial.
    public let history: [TuneTrial]
}

/// Quotes a CSV field when it holds a comma, quote or newline.
private func csvField(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Seconds with 6 decimals, without Foundation formatting.
private func format6(_ x: Double) -> String {
    let scaled = (x * 1e6).rounded()
    guard scaled.isFinite, abs(scaled) < 9e15 else { return "\(x)" }
    let micro = Int(scaled)
    let whole = micro / 1_000_000, frac = abs(micro % 1_000_000)
    let fracText = String(frac)
    return "\(whole)." + String(repeating: "0", count: 6 - fracText.count) + fracText
}

import ArgumentParser
import AutoSwiftML
import Foundation

/// Helpers shared by `train`, `predict`, `evaluate` and `compare --save-best`.
enum LifecycleSupport {
    /// The fingerprint of the file at `path` (name, SHA-256 of its bytes, size).
    static func fileFingerprint(_ path: String) throws -> TrainingFingerprint.File {
        let url = URL(fileURLWithPath: path)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CLIError(description: "cannot read \(path): \(error.localizedDescription)")
        }
        return TrainingFingerprint.File(name: url.lastPathComponent, sha256: SHA256.hexDigest(data), byteCount: data.count)
    }

    /// `k=v,k=v` pairs; a piece without `=` continues the previous value (`sizes=[100,50]`).
    static func parameters(_ text: [String]) throws -> [(key: String, value: String)] {
        var out: [(key: String, value: String)] = []
        for list in text {
            for piece in list.split(separator: ",", omittingEmptySubsequences: false) {
                if let eq = piece.firstIndex(of: "=") {
                    let key = piece[..<eq].trimmingCharacters(in: .whitespaces)
                    guard !key.isEmpty else { throw ValidationError("--params: '\(piece)' has no parameter name before '='.") }
                    out.append((key, String(piece[piece.index(after: eq)...])))
                } else if let last = out.popLast() {
                    out.append((last.key, last.value + "," + piece))
                } else if !piece.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw ValidationError("--params: '\(piece)' is not of the form key=value.")
                }
            }
        }
        return out
    }

    /// Reads a model file, mapping its errors to the CLI's.
    static func loadModel(_ path: String) throws -> TrainedModel {
        try ModelFile.load(from: URL(fileURLWithPath: path))
    }

    /// Writes `warnings` to standard error, one `warning:` line each.
    static func warn(_ warnings: [String]) {
        for w in warnings { AutoMLMain.writeError("warning: \(w)") }
    }

    /// A metric value as the leaderboard prints it.
    static func format(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.4f", value)
    }

    /// The metrics of `evaluation` as a two-column table.
    static func metricsTable(_ evaluation: Evaluation, heading: String) -> String {
        let rows = zip(evaluation.metrics, evaluation.scores).map { [$0.displayName, format($1)] }
        return TextTable.render(header: ["Metric", heading], rows: rows)
    }

    /// The confusion matrix or residual summary of `evaluation`.
    static func details(_ evaluation: Evaluation) -> String {
        if let m = evaluation.confusionMatrix {
            let rows = m.classNames.enumerated().map { t, name in [name] + m.counts[t].map(String.init) }
            return "Confusion matrix (rows: true class, columns: predicted class):\n"
                + TextTable.render(header: ["true \\ predicted"] + m.classNames, rows: rows)
        }
        if let r = evaluation.residuals {
            let stats: [(String, Double)] = [("mean", r.mean), ("std", r.standardDeviation), ("min", r.minimum),
                                             ("25%", r.firstQuartile), ("median", r.median), ("75%", r.thirdQuartile),
                                             ("max", r.maximum)]
            let rows = stats.map { [$0.0, format($0.1)] }
            return "Residuals (truth - prediction):\n" + TextTable.render(header: ["Statistic", "Value"], rows: rows)
        }
        return ""
    }

    /// Finalizes the best model of `board` on every row and saves it (`compare --save-best`).
    /// - Returns: a one-line note for the report.
    static func saveBest(_ board: Leaderboard, experiment: Experiment, dataFile: String, to path: String) throws -> String {
        guard let best = board.best else {
            throw CLIError(description: "--save-best: no model succeeded, so there is nothing to save.")
        }
        var model = try finalize(experiment, modelID: best.modelID)
        model.createdBy = "automl compare --save-best"
        model.fingerprint.file = try fileFingerprint(dataFile)
        var cv: [String: Double] = [:]
        for score in best.scores { if let mean = score.mean { cv[score.metric.rawValue] = mean } }
        model.fingerprint.crossValidationMetrics = cv
        if let holdout = board.holdout, holdout.error == nil, holdout.modelID == best.modelID {
            var scores: [String: Double] = [:]
            for (metric, value) in zip(board.metrics, holdout.scores) { if let value { scores[metric.rawValue] = value } }
            model.fingerprint.holdoutMetrics = scores
            model.fingerprint.holdoutRowCount = board.holdoutRowCount
        }
        try ModelFile.save(model, to: URL(fileURLWithPath: path))
        return "Saved the best model, \(best.displayName) (\(best.modelID)), refitted on all \(model.fingerprint.rowCount) rows, to \(path)."
    }

    /// `tune --save`: refits the chosen model (tuned, or the default when choose-better kept it) with
    /// preprocessing on every row, as `finalize` does, records the tuning's cross-validated and
    /// holdout scores in its fingerprint, and writes the model file (temporary name, then rename).
    /// - Returns: the line to print.
    static func saveTuned(_ result: TuneResult, experiment: Experiment, dataFile: String, to path: String) throws -> String {
        var model = try finalize(experiment, estimator: result.bestEstimator)
        model.createdBy = "automl tune --save"
        model.fingerprint.file = try fileFingerprint(dataFile)
        if let best = result.bestScore { model.fingerprint.crossValidationMetrics = [result.metric.rawValue: best] }
        if let holdout = result.holdoutScore {
            model.fingerprint.holdoutMetrics = [result.metric.rawValue: holdout]
            model.fingerprint.holdoutRowCount = experiment.holdoutRows.count
        }
        try ModelFile.save(model, to: URL(fileURLWithPath: path))
        let which = result.keptDefault ? "the untuned model (tuning did not beat it)" : "the tuned model"
        return "Saved \(which), \(result.displayName) (\(result.modelID)), refitted on all \(model.fingerprint.rowCount) rows, to \(path)."
    }
}

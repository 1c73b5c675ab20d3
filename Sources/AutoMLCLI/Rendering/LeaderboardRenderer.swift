import AutoSwiftML
import Foundation

/// The output formats of `automl compare`.
enum OutputFormat: String, CaseIterable {
    case table, markdown, json, csv
}

/// Renders a `Leaderboard` the way PyCaret prints `compare_models()`: one row per model, the mean of
/// each metric over the folds, the mean fit time, and the best value of each column marked.
enum LeaderboardRenderer {
    /// The rendered leaderboard in `format`.
    static func render(_ board: Leaderboard, format: OutputFormat) throws -> String {
        switch format {
        case .table: return table(board, markBest: "*")
        case .markdown: return markdown(board)
        case .csv: return csv(board)
        case .json: return String(decoding: try board.jsonData(includingTimings: true), as: UTF8.self)
        }
    }

    static func header(_ board: Leaderboard) -> [String] {
        ["ID", "Model"] + board.metrics.map(\.displayName) + ["TT (Sec)"]
    }

    /// The row index holding the best mean of each metric (nil when no row has a value).
    static func bestRows(_ board: Leaderboard) -> [Metric: Int] {
        var best: [Metric: Int] = [:]
        for metric in board.metrics {
            var bestIndex: Int?
            var bestValue = 0.0
            for (i, row) in board.rows.enumerated() {
                guard let v = row.mean(metric), v.isFinite else { continue }
                if bestIndex == nil || (metric.higherIsBetter ? v > bestValue : v < bestValue) {
                    bestIndex = i
                    bestValue = v
                }
            }
            if let bestIndex { best[metric] = bestIndex }
        }
        return best
    }

    static func cells(_ board: Leaderboard, markBest: String) -> [[String]] {
        let best = bestRows(board)
        return board.rows.enumerated().map { i, row in
            var cells = [row.modelID, row.displayName]
            for metric in board.metrics {
                if let error = row.error {
                    let word = error.hasPrefix("cut: ") ? "cut" : error.hasPrefix("skipped: ") ? "skipped" : "failed"
                    cells.append(metric == board.metrics.first ? word : "")
                    continue
                }
                guard let v = row.mean(metric), v.isFinite else { cells.append("nan"); continue }
                cells.append(format(v, digits: 4) + (best[metric] == i ? markBest : ""))
            }
            cells.append(row.fitSeconds.map { format($0, digits: 3) } ?? "")
            return cells
        }
    }

    static func table(_ board: Leaderboard, markBest: String) -> String {
        TextTable.render(header: header(board), rows: cells(board, markBest: markBest))
    }

    static func markdown(_ board: Leaderboard) -> String {
        let head = header(board)
        var lines = ["| " + head.joined(separator: " | ") + " |",
                     "|" + head.enumerated().map { $0.offset < 2 ? " --- |" : " ---: |" }.joined()]
        for row in cells(board, markBest: "**") {
            lines.append("| " + row.enumerated().map { j, cell in
                cell.hasSuffix("**") ? "**\(cell.dropLast(2))**" : cell
            }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    static func csv(_ board: Leaderboard) -> String {
        var lines = [(["id", "model"] + board.metrics.flatMap { [$0.displayName, "\($0.displayName) SD"] } + ["TT (Sec)", "error"])
            .map(quote).joined(separator: ",")]
        for row in board.rows {
            var cells = [row.modelID, row.displayName]
            for metric in board.metrics {
                cells.append(row.mean(metric).map { "\($0)" } ?? "")
                cells.append(row.standardDeviation(metric).map { "\($0)" } ?? "")
            }
            cells.append(row.fitSeconds.map { "\($0)" } ?? "")
            cells.append(row.error ?? "")
            lines.append(cells.map(quote).joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func format(_ x: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", x)
    }

    /// The holdout line under the table: the best model refitted on the training part and scored on
    /// the holdout rows.
    static func holdoutSummary(_ board: Leaderboard) -> String? {
        guard let h = board.holdout else { return nil }
        if let error = h.error { return "Holdout (\(h.displayName)): failed: \(error)" }
        let parts = zip(board.metrics, h.scores).map { m, v in "\(m.displayName) \(v.map { format($0, digits: 4) } ?? "nan")" }
        return "Holdout score of the best model, \(h.displayName), refitted on the \(board.trainRowCount) training rows and scored on \(board.holdoutRowCount) held-out rows: " + parts.joined(separator: ", ")
    }
}

/// The report as a sequence of format-neutral blocks, shared by the Markdown and HTML renderers
/// so both always say the same thing.
enum ReportBlock {
    /// A section heading (level 2).
    case heading(String)
    /// A paragraph of plain text.
    case paragraph(String)
    /// A bulleted list of plain text.
    case bullets([String])
    /// A table of plain text; `alignRight` marks numeric columns.
    case table(headers: [String], rows: [[String]], alignRight: [Bool])
    /// A chart.
    case chart(Chart)
}

extension RunReport {
    /// The report's content in display order.
    var blocks: [ReportBlock] {
        var out: [ReportBlock] = []
        if let d = data {
            out.append(.heading("Data"))
            var facts = [
                "File: \(d.file) (\(d.rowCount) rows, \(d.columnCount) columns)",
                "Target: \(d.targetName) (task: \(d.task.rawValue))",
                "Split: \(d.trainRowCount) training rows, \(d.holdoutRowCount) holdout rows"
                    + (d.foldCount > 0 ? "; \(d.foldCount)-fold cross-validation" : "") + "; seed \(d.seed)",
            ]
            if d.droppedTargetRowCount > 0 { facts.append("Rows dropped for a missing target: \(d.droppedTargetRowCount)") }
            out.append(.bullets(facts))
            if !d.columns.isEmpty {
                let rows = d.columns.map { c -> [String] in
                    let role = c.name == d.targetName ? "target" : c.isIDLike ? "ID-like" : ""
                    return [c.name, c.type.rawValue, String(c.missingCount), String(c.distinctCount), role]
                }
                out.append(.table(headers: ["Column", "Type", "Missing", "Distinct", "Role"], rows: rows,
                                  alignRight: [false, false, true, true, false]))
            }
            if !d.droppedColumns.isEmpty {
                out.append(.paragraph("Columns left out of the features:"))
                out.append(.bullets(d.droppedColumns.map { "\($0.name): \($0.explanation)" }))
            }
        }
        if !warnings.isEmpty || !notes.isEmpty {
            out.append(.heading("Warnings"))
            let ordered = DataCheckReport(warnings: warnings).renderedLines
            out.append(.bullets(ordered + notes))
        }
        if let board = leaderboard {
            out.append(.heading("Leaderboard"))
            out.append(.paragraph(board.isHoldoutOnly == true
                ? "Scores on the holdout rows (cross-validation off), sorted by \(board.sortMetric.displayName)."
                : "Mean over \(board.foldCount) cross-validation folds (± population standard deviation), sorted by \(board.sortMetric.displayName)."))
            let headers = ["Model", "ID"] + board.metrics.map(\.displayName)
            let rows = board.rows.map { row -> [String] in
                guard row.succeeded else { return [row.displayName, row.modelID] + board.metrics.map { _ in "failed" } }
                return [row.displayName, row.modelID] + board.metrics.map { m in
                    let s = row.score(m)
                    guard let mean = s?.mean else { return "–" }
                    return NumberText.fixed(mean, 4) + (s?.standardDeviation.map { " ± " + NumberText.fixed($0, 4) } ?? "")
                }
            }
            out.append(.table(headers: headers, rows: rows, alignRight: [false, false] + board.metrics.map { _ in true }))
            let failures = board.rows.compactMap { row in row.error.map { "\(row.displayName) (\(row.modelID)) failed: \($0)" } }
            if !failures.isEmpty { out.append(.bullets(failures)) }
        }
        if let t = tuning {
            out.append(.heading("Tuning"))
            var facts = [
                "Model: \(t.displayName) (\(t.modelID)); search: \(t.method.rawValue); \(t.history.count) trials; stopped: \(t.stopReason.rawValue)",
                "Untuned cross-validated \(t.metric.displayName): \(NumberText.score(t.defaultScore))",
                "Best cross-validated \(t.metric.displayName): \(NumberText.score(t.bestScore))"
                    + (t.bestTrialIndex.map { " (trial \($0 + 1))" } ?? "") + (t.keptDefault ? "; the untuned model was kept" : ""),
            ]
            if !t.bestParameters.isEmpty { facts.append("Best parameters: " + t.bestParameters.map(\.description).joined(separator: ", ")) }
            out.append(.bullets(facts))
        }
        if let h = holdout {
            out.append(.heading("Holdout"))
            if let error = h.error {
                out.append(.paragraph("\(h.modelName) could not be refitted: \(error)"))
            } else {
                out.append(.paragraph("\(h.modelName), fitted on \(h.fittedOn) and scored on \(h.scoredOn)."))
                out.append(.table(headers: h.metrics.map(\.displayName), rows: [h.scores.map { NumberText.score($0) }],
                                  alignRight: h.metrics.map { _ in true }))
            }
        }
        if !charts.isEmpty {
            out.append(.heading("Charts"))
            out += charts.map { .chart($0) }
        }
        return out
    }
}

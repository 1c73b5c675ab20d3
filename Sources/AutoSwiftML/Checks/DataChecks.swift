import Foundation
import MLCore
import MLData
import MLModels

/// Sanity and leakage checks run on a table before (and after) training, so that a leaderboard on
/// which every model scores 100% is flagged as leakage rather than celebrated.
///
///     var rng = RandomStream(seed: 42).split(RandomKeys.checks)
///     let report = try DataChecks.run(table: table, target: "Survived", task: .binary,
///                                     idLikeColumns: ["PassengerId"], using: &rng)
///     for line in report.renderedLines { print(line) }   // WARNING: Column 'Sex' alone predicts …
///
/// See `docs/leakage-checks.md` for every check, its threshold and why.
public enum DataChecks {
    /// Runs every check that needs no model: missing and constant target, ID-like columns, tiny
    /// data, minority classes, duplicate rows, and per column a target-copy test and a
    /// single-feature cross-validated score (leakage).
    ///
    /// - Parameters:
    ///   - table: the data, target included.
    ///   - target: the name of the target column.
    ///   - task: binary, multiclass or regression.
    ///   - idLikeColumns: columns the caller treats as row identifiers; they get a note and are
    ///     skipped by the other checks (they are dropped before training).
    ///   - options: thresholds and switches; the defaults are documented on `DataCheckOptions`.
    ///   - rng: draws the fold assignment only; the same stream state gives the same report.
    /// - Returns: the findings, table-level first, then per column in table order.
    /// - Throws: `MLError` for an unknown target or ID-like column, the target listed as ID-like,
    ///   a non-numeric or non-finite regression target, or an invalid option.
    /// - Complexity: O(c · n log n) for c columns and n rows; columns run in parallel.
    public static func run(table: DataTable, target: String, task: Task, idLikeColumns: Set<String> = [],
                           options: DataCheckOptions = DataCheckOptions(),
                           using rng: inout RandomStream) throws -> DataCheckReport {
        try options.validate()
        let targetColumn = try table.requireColumn(target)
        for name in idLikeColumns.sorted() {
            guard table.column(named: name) != nil else {
                throw MLError.invalidInput("ID-like column '\(name)' is not in the table. "
                    + "Available columns: \(table.columnNames.joined(separator: ", ")).")
            }
            guard name != target else {
                throw MLError.invalidInput("The target '\(target)' cannot also be an ID-like column.")
            }
        }
        let targetData = try CheckTarget(column: targetColumn, task: task)
        var warnings: [DataWarning] = []

        // Target presence and variation.
        let n = table.rowCount
        if targetData.missingCount > 0 {
            let all = targetData.rows.isEmpty
            warnings.append(DataWarning(
                kind: .missingTarget, severity: all ? .error : .note, column: target,
                score: n > 0 ? Double(targetData.missingCount) / Double(n) : nil,
                message: all
                    ? "Target '\(target)' is missing in all \(n) rows: there is nothing to train on."
                    : "\(targetData.missingCount) of \(n) rows (\(percent(targetData.missingCount, n))) have no value "
                        + "for target '\(target)'; they are left out of training and of these checks."))
        }
        let isConstant = targetData.isClassification
            ? targetData.classNames.count < 2
            : Set(targetData.values).count < 2
        if isConstant && !targetData.rows.isEmpty {
            let value = targetData.isClassification
                ? (targetData.classNames.first ?? "")
                : Column.format(targetData.values.first ?? 0)
            warnings.append(DataWarning(
                kind: .constantTarget, severity: .error, column: target,
                message: "Target '\(target)' takes the single value '\(value)' in all \(targetData.rows.count) rows "
                    + "with a target: there is nothing to learn."))
        }

        // ID-like columns, in table order.
        for column in table.columns where idLikeColumns.contains(column.name) {
            warnings.append(DataWarning(
                kind: .idLikeColumn, severity: .note, column: column.name,
                message: "Column '\(column.name)' looks like a row identifier; it is dropped before training "
                    + "and skipped by these checks."))
        }

        warnings += sizeAndBalance(targetData, target: target, options: options)

        // Duplicate rows over the features and the target. Numeric identifiers (row numbers such as
        // PassengerId) would make every row unique, so they are left out; text identifiers (a name,
        // a ticket) stay in, since two rows that differ in them are two different records.
        let compared = table.columns.indices.filter {
            !(idLikeColumns.contains(table.columns[$0].name) && table.columns[$0].type == .numeric)
        }
        let duplicates = DuplicateRows.count(in: table, columns: compared)
        if duplicates > 0 {
            let share = Double(duplicates) / Double(n)
            let ignored = compared.count == table.columnCount ? "" : " (numeric ID-like columns ignored)"
            warnings.append(DataWarning(
                kind: .duplicateRows, severity: share >= options.duplicateWarningShare ? .warning : .note,
                score: share,
                message: "\(duplicates) of \(n) rows (\(percent(duplicates, n))) repeat an earlier row in every column, "
                    + "target included\(ignored). A row and its copy can land in training and validation folds, "
                    + "which inflates cross-validated scores; consider removing duplicates."))
        }

        guard !isConstant && !targetData.rows.isEmpty else { return DataCheckReport(warnings: warnings) }

        // Per-column checks, in parallel by column index; results come back in table order.
        let features = table.columns.filter { $0.name != target && !idLikeColumns.contains($0.name) }
        let context = ColumnCheckContext(target: targetData, targetName: target, options: options,
                                         using: &rng)
        let threads = options.threadCount ?? Parallel.defaultThreadCount
        let perColumn = Parallel.map(features.count, threads: threads) { j in
            context.check(features[j])
        }
        for found in perColumn { warnings += found }
        return DataCheckReport(warnings: warnings)
    }

    /// Tiny data and minority classes.
    private static func sizeAndBalance(_ t: CheckTarget, target: String, options: DataCheckOptions) -> [DataWarning] {
        var warnings: [DataWarning] = []
        let rows = t.rows.count
        if rows < options.minRowCount {
            warnings.append(DataWarning(
                kind: .tinyData, severity: .warning, score: Double(rows),
                message: "Only \(rows) rows have a target (fewer than \(options.minRowCount)): cross-validated "
                    + "scores on so few rows are noisy, and a perfect score means little."))
        }
        guard rows > 0, t.isClassification, t.classNames.count >= 2 else { return warnings }
        let small = t.classNames.indices.filter { t.classCounts[$0] < options.minRowsPerClass }
        if !small.isEmpty {
            let list = small.map { "'\(t.classNames[$0])' (\(t.classCounts[$0]) rows)" }.joined(separator: ", ")
            warnings.append(DataWarning(
                kind: .tinyData, severity: .warning, column: target,
                score: Double(small.map { t.classCounts[$0] }.min() ?? 0),
                message: "Target '\(target)' has classes with fewer than \(options.minRowsPerClass) rows: \(list). "
                    + "Some cross-validation folds will hold one or none of them, so per-class scores are unreliable."))
        }
        for c in t.classNames.indices {
            let share = Double(t.classCounts[c]) / Double(rows)
            guard share < options.minorityClassShare else { continue }
            warnings.append(DataWarning(
                kind: .minorityClass, severity: .warning, column: target, score: share,
                message: "Class '\(t.classNames[c])' of target '\(target)' has only \(t.classCounts[c]) of \(rows) rows "
                    + "(\(percent(t.classCounts[c], rows)), under \(percent(options.minorityClassShare))): a model that "
                    + "never predicts it still scores high accuracy. Consider balanced class weights and judge "
                    + "models by AUC, F1 or MCC.",
                hint: "balanced class weights"))
        }
        return warnings
    }

    /// `part / whole` as a percentage with one decimal: "12.5%".
    static func percent(_ part: Int, _ whole: Int) -> String {
        percent(whole > 0 ? Double(part) / Double(whole) : 0)
    }

    /// A share as a percentage with one decimal: "12.5%".
    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }

    /// A score with three decimals: "0.998".
    static func formatScore(_ x: Double) -> String { String(format: "%.3f", x) }
}

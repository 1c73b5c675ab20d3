import Foundation
@testable import AutoSwiftML
import Testing
import TestSupport

@Suite("Data checks: each check fires on a hand-built table and stays silent on a clean one")
struct DataChecksTests {
    typealias T = CheckTables

    func run(_ table: DataTable, _ target: String, _ task: Task, ids: Set<String> = [],
             options: DataCheckOptions = DataCheckOptions(), seed: UInt64 = 1) throws -> DataCheckReport {
        var rng = RandomStream(seed: seed).split(RandomKeys.checks)
        return try DataChecks.run(table: table, target: target, task: task, idLikeColumns: ids,
                                  options: options, using: &rng)
    }

    /// The table with one more column.
    func adding(_ column: Column, to table: DataTable) throws -> DataTable {
        var t = table
        try t.setColumn(column)
        return t
    }

    @Test func cleanTablesGiveAnEmptyReport() throws {
        let binary = try run(T.cleanBinary(), "y", .binary)
        #expect(binary.isEmpty, "\(binary.rendered)")
        let regression = try run(T.cleanRegression(), "y", .regression)
        #expect(regression.isEmpty, "\(regression.rendered)")
        #expect(!binary.hasErrors)
    }

    @Test func numericColumnThatSeparatesTheClassesLeaks() throws {
        let base = try T.cleanBinary()
        let y = try base.requireColumn("y")
        var rng = RandomStream(seed: 3)
        guard case let .numeric(values, _) = y.data else { Issue.record("y not numeric"); return }
        // Positives above 10, negatives below 0: perfectly separable, but not a copy (many values).
        let leak = values.map { $0 == 1 ? 10 + rng.nextUniform() : -rng.nextUniform() }
        let report = try run(adding(T.numeric("refund_amount", leak), to: base), "y", .binary)
        let leaks = report.warnings(of: .leakingColumn)
        #expect(leaks.map(\.column) == ["refund_amount"])
        #expect(leaks.first?.score == 1)
        #expect(leaks.first?.severity == .warning)
        #expect(leaks.first?.hint == "--drop refund_amount")
        let message = leaks.first?.message ?? ""
        #expect(message.contains("'refund_amount'") && message.contains("AUC of 1.000") && message.contains("--drop refund_amount"))
        #expect(report.warnings(of: .targetCopy).isEmpty)
    }

    @Test func missingnessThatGivesTheClassAwayLeaks() throws {
        let base = try T.cleanBinary()
        let y = try base.requireColumn("y")
        var rng = RandomStream(seed: 6)
        // Recorded only for negatives (a "cancellation date" filled in after the outcome).
        let leak = (0..<base.rowCount).map { y.string(at: $0) == "1" ? Double.nan : 100 * rng.nextUniform() }
        let report = try run(adding(T.numeric("closed_at", leak), to: base), "y", .binary)
        #expect(report.columns(flaggedAs: .leakingColumn) == ["closed_at"])
        #expect(report.warnings(of: .leakingColumn).first?.score == 1)
        #expect(report.warnings(of: .targetCopy).isEmpty)
    }

    @Test func stringColumnMappingOneToOneOntoTheClassesIsATargetCopy() throws {
        let base = try T.cleanBinary()
        let y = try base.requireColumn("y")
        let copy = (0..<base.rowCount).map { y.string(at: $0) == "1" ? "yes" : "no" } as [String?]
        let report = try run(adding(T.text("outcome text", copy), to: base), "y", .binary)
        #expect(report.columns(flaggedAs: .targetCopy) == ["outcome text"])
        #expect(report.columns(flaggedAs: .leakingColumn) == ["outcome text"])
        let copyWarning = report.warnings(of: .targetCopy).first
        #expect(copyWarning?.hint == "--drop 'outcome text'")
        #expect(copyWarning?.message.contains("no → 0") == true && copyWarning?.message.contains("yes → 1") == true)
    }

    @Test func booleanAndTextTargetsAreReadAsClasses() throws {
        let base = try T.cleanBinary()
        let y = try base.requireColumn("y")
        let isOne = (0..<base.rowCount).map { y.string(at: $0) == "1" }
        var table = base.dropping(["y"])
        try table.setColumn(Column(name: "bought", data: .boolean(values: isOne, missing: isOne.map { _ in false })))
        try table.setColumn(T.numeric("bought_copy", isOne.map { $0 ? 1 : 0 }))
        let report = try run(table, "bought", .binary)
        #expect(report.columns(flaggedAs: .targetCopy) == ["bought_copy"])
        #expect(report.warnings(of: .targetCopy).first?.message.contains("0 → false, 1 → true") == true)

        var textTable = base.dropping(["y"])
        try textTable.setColumn(T.text("answer", isOne.map { $0 ? "yes" : "no" }))
        try textTable.setColumn(Column(name: "flag_copy", data: .boolean(values: isOne, missing: isOne.map { _ in false })))
        let textReport = try run(textTable, "answer", .binary)
        #expect(textReport.columns(flaggedAs: .targetCopy) == ["flag_copy"])
        #expect(textReport.columns(flaggedAs: .leakingColumn) == ["flag_copy"])
    }

    @Test func multiclassCategoryPerClassLeaksAndCopies() throws {
        var rng = RandomStream(seed: 5)
        let n = 240
        var y: [String?] = [], code: [String?] = [], x: [Double] = []
        for _ in 0..<n {
            let c = rng.nextInt(below: 3)
            y.append(["setosa", "versicolor", "virginica"][c])
            code.append(["S", "V", "G"][c])
            x.append(rng.nextNormal())
        }
        let table = try DataTable(columns: [T.numeric("x", x), T.categorical("code", code), T.categorical("species", y)])
        let report = try run(table, "species", .multiclass)
        #expect(report.columns(flaggedAs: .leakingColumn) == ["code"])
        #expect(report.columns(flaggedAs: .targetCopy) == ["code"])
        #expect(report.warnings(of: .leakingColumn).first?.message.contains("one-vs-rest macro AUC") == true)
    }

    @Test func monotoneTransformOfARegressionTargetIsACopy() throws {
        let base = try T.cleanRegression()
        guard case let .numeric(y, _) = try base.requireColumn("y").data else { Issue.record("y"); return }
        var table = try adding(T.numeric("y_scaled", y.map { $0 * 2 + 3 }), to: base)
        try table.setColumn(T.numeric("y_cubed_negated", y.map { -$0 * $0 * $0 }))
        try table.setColumn(T.text("y_as_text", y.map { "\($0)" }))
        let report = try run(table, "y", .regression)
        #expect(report.columns(flaggedAs: .targetCopy) == ["y_scaled", "y_cubed_negated", "y_as_text"])
        let copies = report.warnings(of: .targetCopy)
        #expect(copies[0].message.contains("increasing transform") && copies[0].score == 1)
        #expect(copies[1].message.contains("decreasing transform") && copies[1].score == -1)
        // 32 quantile bins of a monotone transform explain almost all of the variance.
        #expect(report.columns(flaggedAs: .leakingColumn).contains("y_scaled"))
        for w in report.warnings(of: .leakingColumn) { #expect((w.score ?? 0) >= 0.99) }
        #expect(report.warnings(of: .leakingColumn).first?.message.contains("R²") == true)
    }

    @Test func nearCopyWithOneDisagreementIsNotACopy() throws {
        let base = try T.cleanRegression()
        guard case let .numeric(y, _) = try base.requireColumn("y").data else { Issue.record("y"); return }
        var z = y.map { $0 * 2 }
        let top = z.indices.max { z[$0] < z[$1] } ?? 0, bottom = z.indices.min { z[$0] < z[$1] } ?? 0
        z.swapAt(top, bottom)
        let report = try run(adding(T.numeric("z", z), to: base), "y", .regression)
        #expect(report.warnings(of: .targetCopy).isEmpty)
    }

    @Test func strictModeTurnsLeakageIntoErrors() throws {
        let base = try T.cleanBinary()
        let y = try base.requireColumn("y")
        let copy = (0..<base.rowCount).map { y.string(at: $0) == "1" ? "yes" : "no" } as [String?]
        var options = DataCheckOptions()
        options.isStrict = true
        let report = try run(adding(T.categorical("answer", copy), to: base), "y", .binary, options: options)
        #expect(report.hasErrors)
        #expect(report.warnings(of: .targetCopy).first?.severity == .error)
        #expect(report.warnings(of: .leakingColumn).first?.severity == .error)
        #expect(report.renderedLines.first?.hasPrefix("ERROR: Column 'answer'") == true)
    }

    @Test func idLikeColumnsGetANoteAndAreSkipped() throws {
        var table = try T.cleanBinary()
        try table.setColumn(T.numeric("row_id", (0..<table.rowCount).map(Double.init)))
        let report = try run(table, "y", .binary, ids: ["row_id"])
        #expect(report.warnings.map(\.kind) == [.idLikeColumn])
        #expect(report.warnings.first?.severity == .note)
        #expect(report.renderedLines == ["NOTE: " + (report.warnings.first?.message ?? "")])
        #expect(throws: MLError.self) { try run(table, "y", .binary, ids: ["nope"]) }
        #expect(throws: MLError.self) { try run(table, "y", .binary, ids: ["y"]) }
        #expect(throws: MLError.self) { try run(table, "missing_target", .binary) }
    }

    @Test func duplicateRowsAreCountedIncludingTheTarget() throws {
        let base = try T.cleanBinary(rows: 200)
        let repeated = Array(0..<200) + Array(0..<10) + [3, 3]
        let report = try run(base.gatheringRows(repeated), "y", .binary)
        let found = report.warnings(of: .duplicateRows)
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("12 of 212 rows (5.7%)") == true)
        #expect(found.first?.severity == .warning)
        // Same features with a different target are not duplicates.
        var flipped = base.gatheringRows(Array(0..<200) + [0])
        guard case var .numeric(y, m) = try flipped.requireColumn("y").data else { Issue.record("y"); return }
        y[200] = 1 - y[200]
        m[200] = false
        try flipped.setColumn(Column(name: "y", data: .numeric(values: y, missing: m)))
        #expect(try run(flipped, "y", .binary).warnings(of: .duplicateRows).isEmpty)
    }

    @Test func duplicateCountMatchesANaivePairwiseCount() throws {
        var rng = RandomStream(seed: 9)
        let n = 120
        var a = [Double](), b = [String?](), c = [String?]()
        for _ in 0..<n {
            a.append(rng.nextUniform() < 0.1 ? .nan : Double(rng.nextInt(below: 3)))
            b.append(rng.nextUniform() < 0.1 ? nil : ["p", "q"][rng.nextInt(below: 2)])
            c.append(rng.nextUniform() < 0.1 ? nil : ["u", "v"][rng.nextInt(below: 2)])
        }
        let table = try DataTable(columns: [T.numeric("a", a), T.categorical("b", b), T.text("c", c)])
        let columns = [0, 1, 2]
        var naive = 0
        for i in 0..<n where (0..<i).contains(where: { j in
            columns.allSatisfy { table.columns[$0].string(at: i) == table.columns[$0].string(at: j)
                && table.columns[$0].isMissing(i) == table.columns[$0].isMissing(j) }
        }) { naive += 1 }
        #expect(naive > 0)
        #expect(DuplicateRows.count(in: table, columns: columns) == naive)
    }

    @Test func minorityAndTinyClassesAreFlagged() throws {
        var rng = RandomStream(seed: 4)
        let n = 200
        let x = (0..<n).map { _ in rng.nextNormal() }
        let y = (0..<n).map { i -> Double in i % 50 == 0 ? 1 : 0 }       // 4 positives: 2%
        let report = try run(DataTable(columns: [T.numeric("x", x), T.numeric("y", y)]), "y", .binary)
        let minority = report.warnings(of: .minorityClass)
        #expect(minority.count == 1 && minority.first?.score == 0.02)
        #expect(minority.first?.message.contains("Class '1'") == true)
        #expect(minority.first?.message.contains("balanced class weights") == true)
        let tiny = report.warnings(of: .tinyData)
        #expect(tiny.count == 1 && tiny.first?.message.contains("'1' (4 rows)") == true)
    }

    @Test func tinyDataIsFlagged() throws {
        let report = try run(T.cleanRegression(rows: 30), "y", .regression)
        #expect(report.warnings.map(\.kind) == [.tinyData])
        #expect(report.warnings.first?.message.hasPrefix("Only 30 rows") == true)
    }

    @Test func missingTargetRowsGetANoteAndAreLeftOut() throws {
        let base = try T.cleanRegression()
        guard case var .numeric(y, m) = try base.requireColumn("y").data else { Issue.record("y"); return }
        for i in stride(from: 0, to: 300, by: 20) { y[i] = .nan; m[i] = true }
        var table = base
        try table.setColumn(Column(name: "y", data: .numeric(values: y, missing: m)))
        let report = try run(table, "y", .regression)
        #expect(report.warnings.map(\.kind) == [.missingTarget])
        #expect(report.warnings.first?.message.hasPrefix("15 of 300 rows (5.0%) have no value for target 'y'") == true)
        #expect(report.warnings.first?.severity == .note)
    }

    @Test func constantTargetIsAnError() throws {
        let table = try DataTable(columns: [T.numeric("x", (0..<60).map(Double.init)),
                                            T.categorical("y", Array(repeating: "a", count: 60))])
        let report = try run(table, "y", .binary)
        #expect(report.warnings.map(\.kind) == [.constantTarget])
        #expect(report.hasErrors)
    }

    @Test func regressionTargetMustBeNumeric() throws {
        let table = try DataTable(columns: [T.numeric("x", [1, 2, 3]), T.categorical("y", ["a", "b", "c"])])
        #expect(throws: MLError.self) { try run(table, "y", .regression) }
    }

    @Test func badOptionsAreRejected() throws {
        var options = DataCheckOptions()
        options.foldCount = 1
        #expect(throws: MLError.invalidParameter(estimator: "DataChecks", name: "foldCount", value: "1",
                                                 expected: "an integer in 2...255")) {
            try run(T.cleanBinary(), "y", .binary, options: options)
        }
        options = DataCheckOptions()
        options.leakageAUCThreshold = 1.5
        #expect(throws: MLError.self) { try options.validate() }
    }

    @Test func sameSeedSameReportWhateverTheThreadCount() throws {
        let base = try T.cleanBinary()
        let y = try base.requireColumn("y")
        let table = try adding(T.text("copy", (0..<base.rowCount).map { y.string(at: $0) }), to: base)
        var one = DataCheckOptions()
        one.threadCount = 1
        var four = DataCheckOptions()
        four.threadCount = 4
        var lowered = one
        lowered.leakageAUCThreshold = 0.5     // so the noisy scores show up in the report too
        var loweredFour = four
        loweredFour.leakageAUCThreshold = 0.5
        #expect(try run(table, "y", .binary, options: one) == run(table, "y", .binary, options: four))
        let a = try run(table, "y", .binary, options: lowered, seed: 21)
        let b = try run(table, "y", .binary, options: loweredFour, seed: 21)
        #expect(a == b)
        #expect(a.warnings(of: .leakingColumn).count >= 2)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(a) == encoder.encode(b))
        let decoded = try JSONDecoder().decode(DataCheckReport.self, from: encoder.encode(a))
        #expect(decoded == a)
    }

    @Test func renderingPutsErrorsFirstAndAppendsHints() {
        let report = DataCheckReport(warnings: [
            DataWarning(kind: .idLikeColumn, severity: .note, column: "id", message: "id is dropped."),
            DataWarning(kind: .leakingColumn, severity: .warning, column: "a", message: "a leaks.", hint: "--drop a"),
            DataWarning(kind: .targetCopy, severity: .error, column: "b", message: "b copies.", hint: "--drop b"),
        ])
        #expect(report.renderedLines == [
            "ERROR: b copies. (hint: --drop b)", "WARNING: a leaks. (hint: --drop a)", "NOTE: id is dropped.",
        ])
        #expect(report.hasErrors)
        #expect(DataWarning.dropHint("it's odd") == "--drop 'it'\\''s odd'")
    }
}

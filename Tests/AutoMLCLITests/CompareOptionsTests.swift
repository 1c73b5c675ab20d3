import Foundation
import Testing
import TestSupport

/// `automl compare` flags for folds, holdout-only, class weights and time limits.
@Suite(.serialized) struct CompareOptionsCLITests {
    static let base = ["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "3", "--include", "lr,dummy"]

    @Test func groupFolds() throws {
        let r = try CLIRunner.run(Self.base + ["--fold-strategy", "group", "--group", "Ticket"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("3-fold cross-validation"))
        #expect(!r.stdout.contains("Dropped column 'Ticket'"))      // the group column is not a feature
    }

    @Test func timeSeriesHoldoutOnly() throws {
        let r = try CLIRunner.run(Self.base + ["--fold-strategy", "timeseries", "--no-cv"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("no cross-validation (holdout scores)"))
        #expect(r.stdout.contains("Cross-validation off"))
        #expect(r.stdout.contains("Logistic Regression"))
    }

    @Test func balancedClassWeights() throws {
        let plain = try CLIRunner.run(Self.base + ["--format", "json"])
        let weighted = try CLIRunner.run(Self.base + ["--format", "json", "--class-weights", "balanced"])
        #expect(plain.status == 0 && weighted.status == 0, "stderr: \(weighted.stderr)")
        #expect(try CompareCommandTests.withoutTimings(plain.stdout) != CompareCommandTests.withoutTimings(weighted.stdout))
    }

    @Test func tinyBudgetSkipsModelsAndSaysSo() throws {
        let r = try CLIRunner.run(Self.base + ["--budget", "0.001s"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("Logistic Regression (lr) skipped: the time budget ran out before it started"))
        #expect(r.stderr.isEmpty)                                   // no progress line in a pipe
    }

    @Test func modelTimeoutAndBudgetRunNormallyWhenGenerous() throws {
        let r = try CLIRunner.run(Self.base + ["--budget", "1h", "--model-timeout", "5m", "--format", "json"])
        let plain = try CLIRunner.run(Self.base + ["--format", "json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(try CompareCommandTests.withoutTimings(r.stdout) == CompareCommandTests.withoutTimings(plain.stdout))
        #expect(r.stderr.isEmpty)
    }

    @Test(arguments: [
        (["--budget", "5x"], "--budget"),
        (["--budget", "0"], "--budget"),
        (["--model-timeout", "-3s"], "--model-timeout"),
        (["--class-weights", "heavy"], "--class-weights"),
        (["--fold-strategy", "group"], "needs --group"),
        (["--group", "Ticket"], "--group is only used"),
        (["--fold-strategy", "weekly"], "--fold-strategy"),
    ])
    func usageErrorsExitTwo(extra: [String], message: String) throws {
        let r = try CLIRunner.run(Self.base + extra)
        #expect(r.status == 2, "stdout: \(r.stdout)")
        #expect(r.stderr.contains(message), "stderr: \(r.stderr)")
    }

    @Test func outputDirResumes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("automl-resume-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try CLIRunner.run(Self.base + ["--output-dir", dir, "--format", "json"])
        let second = try CLIRunner.run(Self.base + ["--output-dir", dir])
        let third = try CLIRunner.run(Self.base + ["--output-dir", dir, "--format", "json"])
        #expect(first.status == 0 && second.status == 0 && third.status == 0, "stderr: \(second.stderr)")
        #expect(second.stdout.contains("Note: Resumed from"))
        #expect(second.stdout.contains("6 finished cell(s) read back"))
        #expect(try CompareCommandTests.withoutTimings(first.stdout) == CompareCommandTests.withoutTimings(third.stdout))
        let log = try String(contentsOfFile: dir + "/cells.jsonl", encoding: .utf8)
        #expect(log.split(separator: "\n").count == 7)
    }

    @Test func unknownGroupColumnExitsOne() throws {
        let r = try CLIRunner.run(Self.base + ["--fold-strategy", "group", "--group", "Nope"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Unknown group column 'Nope'"))
    }
}

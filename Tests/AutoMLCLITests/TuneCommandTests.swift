import Foundation
import Testing
import TestSupport

/// Runs the built `automl tune`, as a user would.
@Suite(.serialized) struct TuneCommandTests {
    static let base = ["tune", "datasets/titanic.csv", "--target", "Survived", "--model", "lr", "--folds", "3"]

    @Test func tunesLogisticRegressionOnTitanic() throws {
        let history = FileManager.default.temporaryDirectory.appendingPathComponent("tune-\(UUID().uuidString).csv")
        let r = try CLIRunner.run(Self.base + ["--search", "tpe", "--trials", "6", "--history", history.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("Tuning: Logistic Regression (lr), tpe search, 6 trials"))
        #expect(r.stdout.contains("3-fold cross-validation, metric Accuracy, seed 123"))
        #expect(r.stdout.contains("Untuned Accuracy:"))
        #expect(r.stdout.contains("Top trials:"))
        #expect(r.stdout.contains("c = uniform:0.001..10 when penalty ∈ {l1, l2}"))
        #expect(r.stderr.isEmpty)   // not a terminal: no progress
        let csv = try String(contentsOf: history, encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == "trial,penalty,c,classWeight,fold_1,fold_2,fold_3,mean,resource,seconds,error")
        #expect(lines.count == 7)
    }

    @Test func jsonHistoryIsIdenticalForOneAndTwoThreads() throws {
        let args = Self.base + ["--search", "gp", "--trials", "12", "--format", "json", "--metric", "AUC",
                                "--param", "c=log:0.01..100"]
        let one = try CLIRunner.run(args + ["--threads", "1"])
        let two = try CLIRunner.run(args + ["--threads", "2"])
        #expect(one.status == 0 && two.status == 0, "stderr: \(one.stderr) \(two.stderr)")
        let a = Self.withoutTimings(one.stdout), b = Self.withoutTimings(two.stdout)
        #expect(a == b)
        #expect(a.contains("\"metric\" : \"auc\""))
        #expect(a.contains("\"domain\" : \"log:0.01..100\""))
    }

    /// `--save` refits the chosen model on every row and writes a model file that `predict` reads;
    /// the file records the tuning's scores. A folder that does not exist fails with exit 1.
    @Test func savesTheChosenModel() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tune-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("lr.json")
        let r = try CLIRunner.run(Self.base + ["--search", "tpe", "--trials", "4", "--save", file.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("refitted on all 891 rows, to \(file.path)."))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(json["createdBy"] as? String == "automl tune --save")
        let fingerprint = try #require(json["fingerprint"] as? [String: Any])
        #expect((fingerprint["crossValidationMetrics"] as? [String: Double])?["accuracy"] != nil)
        #expect((fingerprint["holdoutMetrics"] as? [String: Double])?["accuracy"] != nil)
        #expect(fingerprint["rowCount"] as? Int == 891)
        let predicted = try CLIRunner.run(["predict", file.path, "datasets/titanic.csv"])
        #expect(predicted.status == 0, "stderr: \(predicted.stderr)")
        #expect(predicted.stdout.split(separator: "\n").count == 892)

        let missing = dir.appendingPathComponent("no/such/folder/m.json")
        let bad = try CLIRunner.run(Self.base + ["--trials", "2", "--save", missing.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains(missing.path))
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    /// `--budget` takes a duration as `compare`'s does; a generous one changes nothing.
    @Test func budgetTakesADuration() throws {
        let args = Self.base + ["--search", "tpe", "--trials", "4", "--format", "json"]
        let plain = try CLIRunner.run(args)
        let budgeted = try CLIRunner.run(args + ["--budget", "5m"])
        #expect(plain.status == 0 && budgeted.status == 0, "stderr: \(budgeted.stderr)")
        #expect(Self.withoutTimings(plain.stdout) == Self.withoutTimings(budgeted.stdout))
    }

    @Test(arguments: [["--budget", "0"], ["--budget", "5x"], ["--budget", "-2m"]])
    func badBudgetsExitTwo(extra: [String]) throws {
        let r = try CLIRunner.run(Self.base + extra)
        #expect(r.status == 2, "stdout: \(r.stdout)")
        #expect(r.stderr.contains("--budget"), "stderr: \(r.stderr)")
    }

    static func withoutTimings(_ json: String) -> String {
        json.split(separator: "\n").filter { !$0.contains("\"seconds\"") }.joined(separator: "\n")
    }

    @Test func listsTheSearchSpace() throws {
        let r = try CLIRunner.run(Self.base + ["--list-space", "--param", "max_iterations=int:100..300"])
        #expect(r.status == 0)
        #expect(r.stdout == """
        Search space of Logistic Regression (lr):
          penalty = cat:l2,none
          c = uniform:0.001..10   (only when penalty ∈ {l1, l2})
          classWeight = cat:balanced,none
          maxIterations = int:100..300
        Also tunable with --param: fitsIntercept, tolerance

        """)
    }

    @Test func badParametersAreNamed() throws {
        let unknown = try CLIRunner.run(Self.base + ["--param", "depth=int:1..3"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no tunable parameter 'depth'"))
        #expect(unknown.stderr.contains("penalty, c, classWeight"))
        let wrongKind = try CLIRunner.run(Self.base + ["--param", "c=int:1..3"])
        #expect(wrongKind.status == 1)
        #expect(wrongKind.stderr.contains("'c' cannot be searched over int:1..3"))
        let outside = try CLIRunner.run(Self.base + ["--param", "c=uniform:0..1"])
        #expect(outside.status == 1)
        #expect(outside.stderr.contains("must be a number in (0, inf)"))
        let malformed = try CLIRunner.run(Self.base + ["--param", "c"])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("NAME=KIND:SPEC"))
        let model = try CLIRunner.run(["tune", "datasets/titanic.csv", "--target", "Survived", "--model", "xgboost"])
        #expect(model.status == 1)
        #expect(model.stderr.contains("Unknown classification model 'xgboost'"))
        let metric = try CLIRunner.run(Self.base + ["--metric", "R2"])
        #expect(metric.status == 1)
        #expect(metric.stderr.contains("regression metric"))
        #expect(!(unknown.stderr + wrongKind.stderr + model.stderr).contains("Fatal error"))
    }
}

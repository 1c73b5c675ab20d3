import Foundation
import Testing
import TestSupport

/// Runs the built `automl` binary, as a user would, and checks output and exit codes.
@Suite(.serialized) struct CompareCommandTests {
    @Test func titanicLeaderboard() throws {
        let r = try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "3"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("Accuracy"))
        #expect(r.stdout.contains("TT (Sec)"))
        #expect(r.stdout.contains("Dummy Classifier"))
        #expect(r.stdout.contains("Dropped column 'PassengerId'"))
        #expect(r.stdout.contains("Holdout score of the best model"))
        #expect(r.stderr.isEmpty)
    }

    @Test func jsonIsIdenticalForOneAndTwoThreads() throws {
        let base = ["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "3", "--format", "json"]
        let one = try CLIRunner.run(base + ["--threads", "1"])
        let two = try CLIRunner.run(base + ["--threads", "2"])
        #expect(one.status == 0 && two.status == 0)
        let a = try Self.withoutTimings(one.stdout), b = try Self.withoutTimings(two.stdout)
        #expect(a == b)
        #expect(a.contains("\"modelID\""))
    }

    /// Removes the timing fields, which are measurements, from the leaderboard JSON.
    static func withoutTimings(_ json: String) throws -> String {
        json.split(separator: "\n").filter { !$0.contains("\"fitSeconds\"") }.joined(separator: "\n")
    }

    @Test func unknownTargetListsColumns() throws {
        let r = try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Nope"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Nope"))
        #expect(r.stderr.contains("PassengerId"))
        #expect(r.stderr.contains("Survived"))
        #expect(!r.stderr.contains("Fatal error"))
    }

    @Test func raggedRowNamesItsLine() throws {
        let file = try CLIRunner.temporaryFile(named: "ragged.csv", contents: "a,b,y\n1,2,0\n3,4,1\n5,6\n7,8,1\n")
        let r = try CLIRunner.run(["compare", file.path, "--target", "y"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("ragged.csv"))
        #expect(r.stderr.contains(":4"))
        #expect(r.stdout.isEmpty)
    }

    @Test func missingFileIsAnError() throws {
        let r = try CLIRunner.run(["compare", "no/such/file.csv", "--target", "y"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("file.csv"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLIRunner.run(["compare", "datasets/titanic.csv"]).status == 2)          // --target missing
        #expect(try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "1"]).status == 2)
        #expect(try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--sort", "Bogus"]).status == 2)
        #expect(try CLIRunner.run(["frobnicate"]).status == 2)
    }

    @Test func helpShowsExamples() throws {
        let r = try CLIRunner.run(["compare", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("automl compare datasets/titanic.csv --target Survived"))
    }

    @Test func modelsListsTheRegistry() throws {
        let r = try CLIRunner.run(["models", "--task", "classification"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("dummy"))
        #expect(r.stdout.contains("Dummy Classifier"))
    }

    @Test func outputFileIsWritten() throws {
        let dir = try CLIRunner.temporaryFile(named: "x", contents: "").deletingLastPathComponent()
        let out = dir.appendingPathComponent("board.csv")
        let r = try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "3",
                                   "--format", "csv", "--output", out.path])
        #expect(r.status == 0)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("id,model,Accuracy"))
        #expect(r.stdout.isEmpty)
    }
}

@Suite struct ReportCommandTests {
    @Test func compareWritesTheReport() throws {
        let dir = try CLIRunner.temporaryFile(named: "x", contents: "").deletingLastPathComponent().appendingPathComponent("report")
        let r = try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "3",
                                   "--include", "lr,dummy,dt", "--report", dir.path, "-q"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(html.contains("Logistic Regression"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.md").path))
    }

    @Test func unwritableReportFolderIsAnError() throws {
        let file = try CLIRunner.temporaryFile(named: "afile", contents: "x")
        let r = try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "3",
                                   "--include", "lr", "--report", file.appendingPathComponent("sub").path, "-q"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("report"))
    }
}

@Suite struct ExperimentLogCommandTests {
    @Test func compareLogsAnMLflowRun() throws {
        let dir = try CLIRunner.temporaryFile(named: "x", contents: "").deletingLastPathComponent().appendingPathComponent("mlruns")
        let r = try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "3",
                                   "--include", "lr,dummy", "--log-dir", dir.path, "-q"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("0").path)
            .filter { $0.count == 32 }
        #expect(runs.count == 3)   // the parent and one child per model
        for run in runs {
            let meta = try String(contentsOf: dir.appendingPathComponent("0/\(run)/meta.yaml"), encoding: .utf8)
            #expect(meta.contains("status: 3"))
        }
    }
}

@Suite struct TuneTopCommandTests {
    @Test func compareTunesItsTopModels() throws {
        let r = try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "3",
                                   "--include", "lr,ridge,dummy", "--tune-top", "2", "--tune-trials", "4"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("Tuned top 2"))
        #expect(r.stdout.contains("Logistic Regression (lr)"))
        #expect(r.stdout.contains("Ridge Classifier (ridge)"))
    }

    @Test func badTuneSearchIsAUsageError() throws {
        let r = try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--tune-top", "1",
                                   "--tune-search", "halving"])
        #expect(r.status == 2)
    }
}

@Suite struct OutputFileTests {
    @Test func anExistingOutputFileIsReplaced() throws {
        let out = try CLIRunner.temporaryFile(named: "board.csv", contents: "old contents\n")
        for _ in 0..<2 {
            let r = try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "3",
                                       "--include", "lr,dummy", "--format", "csv", "--output", out.path])
            #expect(r.status == 0, "stderr: \(r.stderr)")
        }
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.hasPrefix("id,model,Accuracy"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(leftovers == ["board.csv"])
    }
}

import Foundation
import Testing
import TestSupport

/// `automl train / predict / evaluate` and `compare --save-best`, run as a user would on titanic.
@Suite(.serialized) struct LifecycleCommandTests {
    static func folder() throws -> URL {
        try CLIRunner.temporaryFile(named: "x", contents: "").deletingLastPathComponent()
    }

    /// The first `rows` data rows of titanic, with `transform` applied to each header/row's cells.
    static func titanicSubset(rows: Int, in folder: URL, named name: String,
                              transform: ([String]) -> [String] = { $0 }) throws -> URL {
        let text = try String(contentsOf: RepositoryPaths.dataset("titanic.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).prefix(rows + 1)
        // Titanic's quoted names hold commas: split on commas outside quotes.
        func cells(_ line: Substring) -> [String] {
            var out: [String] = [], cell = "", quoted = false
            for ch in line {
                if ch == "\"" { quoted.toggle(); cell.append(ch) } else if ch == "," && !quoted { out.append(cell); cell = "" } else { cell.append(ch) }
            }
            out.append(cell)
            return out
        }
        let body = lines.map { transform(cells($0)).joined(separator: ",") }.joined(separator: "\n") + "\n"
        let url = folder.appendingPathComponent(name)
        try body.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func compareSaveBestThenPredictThenEvaluate() throws {
        let dir = try Self.folder()
        let model = dir.appendingPathComponent("best.json")
        let compare = try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "3",
                                         "--include", "lr,nb,dummy", "--save-best", model.path])
        #expect(compare.status == 0, "stderr: \(compare.stderr)")
        #expect(compare.stdout.contains("Saved the best model"))
        #expect(compare.stdout.contains("refitted on all 891 rows"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["best.json", "x"])
        let json = try String(contentsOf: model, encoding: .utf8)
        #expect(json.contains("\"format\" : \"autoswiftml-model\""))
        #expect(json.contains("\"createdBy\" : \"automl compare --save-best\""))
        #expect(json.contains("\"crossValidationMetrics\""))

        // Predict: CSV to stdout, one row per input row, probabilities per class.
        let predict = try CLIRunner.run(["predict", model.path, "datasets/titanic.csv", "--proba", "--keep", "PassengerId"])
        #expect(predict.status == 0, "stderr: \(predict.stderr)")
        let lines = predict.stdout.split(separator: "\n")
        #expect(lines.first == "PassengerId,prediction_label,prediction_score_0,prediction_score_1")
        #expect(lines.count == 892)
        #expect(lines[1].hasPrefix("1,"))
        #expect(lines[891].hasPrefix("891,"))

        // Predict to a file: written atomically, nothing on stdout.
        let out = dir.appendingPathComponent("predictions.csv")
        let toFile = try CLIRunner.run(["predict", model.path, "datasets/titanic.csv", "--output", out.path])
        #expect(toFile.status == 0)
        #expect(toFile.stdout.isEmpty)
        let written = try String(contentsOf: out, encoding: .utf8)
        #expect(written.hasPrefix("prediction_label\n"))
        #expect(written.split(separator: "\n").count == 892)

        // Evaluate: the leaderboard metrics and a confusion matrix over all 891 rows.
        let evaluate = try CLIRunner.run(["evaluate", model.path, "datasets/titanic.csv"])
        #expect(evaluate.status == 0, "stderr: \(evaluate.stderr)")
        #expect(evaluate.stdout.contains("891 rows scored"))
        #expect(evaluate.stdout.contains("Accuracy"))
        #expect(evaluate.stdout.contains("MCC"))
        #expect(evaluate.stdout.contains("Confusion matrix"))
        #expect(evaluate.stdout.contains("true \\ predicted"))
    }

    @Test func trainWithParamsAndSave() throws {
        let dir = try Self.folder()
        let model = dir.appendingPathComponent("lr.json")
        let r = try CLIRunner.run(["train", "datasets/titanic.csv", "--target", "Survived", "--model", "lr",
                                   "--params", "c=0.5,maxIterations=200", "--holdout", "0.25", "--save", model.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("Model: Logistic Regression (lr) with c=0.5, maxIterations=200"))
        #expect(r.stdout.contains("Trained on 668 rows; scored on 223 holdout rows"))
        #expect(r.stdout.contains("Holdout"))
        #expect(r.stdout.contains("Accuracy"))
        #expect(r.stdout.contains("Fit time:"))
        let json = try String(contentsOf: model, encoding: .utf8)
        #expect(json.contains("\"c\" : 0.5"))
        #expect(json.contains("\"maxIterations\" : 200"))
        #expect(json.contains("\"rows\" : \"trainingPart\""))
        let predict = try CLIRunner.run(["predict", model.path, "datasets/titanic.csv"])
        #expect(predict.status == 0)
    }

    @Test func trainWithTestFile() throws {
        let dir = try Self.folder()
        let test = try Self.titanicSubset(rows: 60, in: dir, named: "test.csv")
        let r = try CLIRunner.run(["train", "datasets/titanic.csv", "--target", "Survived", "--model", "nb",
                                   "--test", test.path])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("Trained on 891 rows; scored on 60 rows of"))
    }

    @Test func trainParameterErrors() throws {
        let unknown = try CLIRunner.run(["train", "datasets/titanic.csv", "--target", "Survived", "--model", "lr",
                                         "--params", "C=1"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("'C'"))
        #expect(unknown.stderr.contains("maxIterations"))
        let bad = try CLIRunner.run(["train", "datasets/titanic.csv", "--target", "Survived", "--model", "lr",
                                     "--params", "c=abc"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("'c'"))
        let outOfRange = try CLIRunner.run(["train", "datasets/titanic.csv", "--target", "Survived", "--model", "lr",
                                            "--params", "c=-1"])
        #expect(outOfRange.status == 1)
        #expect(outOfRange.stderr.lowercased().contains("'c' parameter"))   // the constraint's own name
        let model = try CLIRunner.run(["train", "datasets/titanic.csv", "--target", "Survived", "--model", "nope"])
        #expect(model.status == 1)
        #expect(model.stderr.contains("'nope'"))
        let both = try CLIRunner.run(["train", "datasets/titanic.csv", "--target", "Survived", "--model", "lr",
                                      "--holdout", "0.2", "--test", "x.csv"])
        #expect(both.status == 2)
        for r in [unknown, bad, outOfRange, model, both] { #expect(!r.stderr.contains("Fatal error")) }
    }

    @Test func predictErrors() throws {
        let dir = try Self.folder()
        let model = dir.appendingPathComponent("nb.json")
        let train = try CLIRunner.run(["train", "datasets/titanic.csv", "--target", "Survived", "--model", "nb",
                                       "--save", model.path])
        #expect(train.status == 0, "stderr: \(train.stderr)")

        // A missing feature column is named.
        let noSex = try Self.titanicSubset(rows: 10, in: dir, named: "nosex.csv") { Array($0[0..<4] + $0[5...]) }
        let missing = try CLIRunner.run(["predict", model.path, noSex.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("Missing column 'Sex'"))
        #expect(missing.stdout.isEmpty)

        // An unseen category: predictions plus a warning on stderr.
        var row = 0
        let unseen = try Self.titanicSubset(rows: 10, in: dir, named: "unseen.csv") { cells in
            defer { row += 1 }
            var c = cells
            if row == 3 { c[11] = "Q2" }
            return c
        }
        let warned = try CLIRunner.run(["predict", model.path, unseen.path])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("warning: Column 'Embarked'"))
        #expect(warned.stderr.contains("'Q2'"))
        #expect(warned.stdout.split(separator: "\n").count == 11)

        // Not a model file, a missing model file, a missing --keep column.
        let notModel = try CLIRunner.run(["predict", "datasets/titanic.csv", "datasets/titanic.csv"])
        #expect(notModel.status == 1)
        #expect(notModel.stderr.contains("not a valid model file"))
        let absent = try CLIRunner.run(["predict", dir.appendingPathComponent("absent.json").path, "datasets/titanic.csv"])
        #expect(absent.status == 1)
        #expect(absent.stderr.contains("absent.json"))
        let keep = try CLIRunner.run(["predict", model.path, "datasets/titanic.csv", "--keep", "Nope"])
        #expect(keep.status == 1)
        #expect(keep.stderr.contains("'Nope'"))
        for r in [missing, notModel, absent, keep] { #expect(!r.stderr.contains("Fatal error")) }
    }

    @Test func evaluateNeedsTheTarget() throws {
        let dir = try Self.folder()
        let model = dir.appendingPathComponent("nb.json")
        #expect(try CLIRunner.run(["train", "datasets/titanic.csv", "--target", "Survived", "--model", "nb",
                                   "--save", model.path]).status == 0)
        let noTarget = try Self.titanicSubset(rows: 10, in: dir, named: "unlabelled.csv") { Array([$0[0]] + $0[2...]) }
        let r = try CLIRunner.run(["evaluate", model.path, noTarget.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("'Survived'"))
    }

    @Test func helpListsTheLifecycleCommands() throws {
        let root = try CLIRunner.run(["--help"])
        #expect(root.status == 0)
        for name in ["train", "predict", "evaluate"] { #expect(root.stdout.contains(name)) }
        let train = try CLIRunner.run(["train", "--help"])
        #expect(train.status == 0)
        #expect(train.stdout.contains("--params"))
        #expect(try CLIRunner.run(["predict", "model.json"]).status == 2)   // the CSV argument is missing
    }
}

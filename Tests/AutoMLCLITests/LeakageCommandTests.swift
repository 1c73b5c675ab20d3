import Foundation
import Testing
import TestSupport

/// The classic leak: Kaggle's Titanic test file joined with its gender-based sample submission, so
/// that Survived equals (Sex == female). Built here from the bundled training file.
@Suite struct LeakageCommandTests {
    static func leakyTitanic() throws -> URL {
        let text = try String(contentsOf: RepositoryPaths.dataset("titanic.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        // Columns: PassengerId,Survived,Pclass,"Name",Sex,… — Name is quoted and holds a comma, so
        // find Sex as the field right after the closing quote of Name.
        for i in 1..<lines.count {
            let line = lines[i]
            guard let nameEnd = line.range(of: "\",", options: .backwards) else { continue }
            let rest = line[nameEnd.upperBound...]
            let sex = rest.prefix { $0 != "," }
            var fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            fields[1] = sex == "female" ? "1" : "0"
            lines[i] = fields.joined(separator: ",")
        }
        return try CLIRunner.temporaryFile(named: "leaky_titanic.csv", contents: lines.joined(separator: "\n") + "\n")
    }

    @Test func leakIsNamedLoudly() throws {
        let file = try Self.leakyTitanic()
        let r = try CLIRunner.run(["compare", file.path, "--target", "Survived", "--folds", "3", "--include", "lr,dummy"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("WARNING: Column 'Sex'"))
        #expect(r.stderr.contains("--drop Sex"))
        #expect(r.stdout.contains("1.0000"))
    }

    @Test func strictTurnsTheLeakIntoAnError() throws {
        let file = try Self.leakyTitanic()
        let r = try CLIRunner.run(["compare", file.path, "--target", "Survived", "--folds", "3", "--strict"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("ERROR: Column 'Sex'"))
        #expect(r.stdout.isEmpty)
    }

    @Test func dropRemovesTheLeak() throws {
        let file = try Self.leakyTitanic()
        let r = try CLIRunner.run(["compare", file.path, "--target", "Survived", "--folds", "3", "--drop", "Sex",
                                   "--include", "lr,dummy", "--strict"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(!r.stderr.contains("Sex"))
    }

    @Test func realTitanicIsNotFlagged() throws {
        let r = try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "3",
                                   "--include", "lr,dummy", "--strict"])
        #expect(r.status == 0)
        #expect(!r.stderr.contains("WARNING"))
    }
}

@Suite struct InspectLeakageTests {
    @Test func inspectNamesTheLeak() throws {
        let file = try LeakageCommandTests.leakyTitanic()
        let r = try CLIRunner.run(["inspect", file.path, "--target", "Survived"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("WARNING: Column 'Sex'"))
    }

    @Test func dummyIsAlwaysARow() throws {
        let r = try CLIRunner.run(["compare", "datasets/titanic.csv", "--target", "Survived", "--folds", "3",
                                   "--include", "lr", "--exclude", "dummy", "-q"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("Dummy Classifier"))
    }
}

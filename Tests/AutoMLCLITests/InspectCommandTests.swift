import Foundation
import Testing
import TestSupport

@Suite struct InspectCommandTests {
    @Test func titanicSchemaAndTask() throws {
        let r = try CLIRunner.run(["inspect", "datasets/titanic.csv", "--target", "Survived"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("891 rows, 12 columns"))
        let ageLine = r.stdout.split(separator: "\n").first { $0.hasPrefix("Age ") }
        #expect(ageLine?.contains("177") == true)
        let nameLine = r.stdout.split(separator: "\n").first { $0.hasPrefix("Name ") }
        #expect(nameLine?.contains("yes") == true)
        #expect(r.stdout.contains("suggested task binary"))
    }

    @Test func jsonReport() throws {
        let r = try CLIRunner.run(["inspect", "datasets/titanic.csv", "--format", "json"])
        #expect(r.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let schema = object?["schema"] as? [String: Any]
        #expect(schema?["rowCount"] as? Int == 891)
    }

    @Test func unknownTargetListsColumns() throws {
        let r = try CLIRunner.run(["inspect", "datasets/titanic.csv", "--target", "Nope"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Available columns"))
    }
}

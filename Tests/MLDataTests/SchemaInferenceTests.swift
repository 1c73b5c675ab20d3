import Foundation
import MLCore
import Testing
import TestSupport
@testable import MLData

@Suite("Schema and task inference on the bundled datasets")
struct SchemaInferenceTests {
    @Test func titanic() throws {
        let (table, schema) = try CSVReader.read(at: RepositoryPaths.dataset("titanic.csv"))
        #expect(table.rowCount == 891)
        #expect(table.columnCount == 12)
        #expect(table.columnNames == ["PassengerId", "Survived", "Pclass", "Name", "Sex", "Age", "SibSp",
                                      "Parch", "Ticket", "Fare", "Cabin", "Embarked"])
        #expect(schema["Age"]?.type == .numeric)
        #expect(schema["Age"]?.missingCount == 177)
        #expect(schema["Embarked"]?.type == .categorical)
        #expect(schema["Embarked"]?.missingCount == 2)
        #expect(schema["Embarked"]?.distinctCount == 3)
        #expect(schema["Cabin"]?.missingCount == 687)
        #expect(schema["Sex"]?.type == .categorical)
        #expect(schema["Sex"]?.distinctCount == 2)
        if case let .categorical(_, levels)? = table.column(named: "Sex")?.data {
            #expect(levels == ["female", "male"])
        } else {
            Issue.record("Sex is not categorical")
        }
        #expect(schema.idLikeColumnNames == ["PassengerId", "Name", "Ticket"])
        #expect(schema["PassengerId"]?.type == .numeric)
        #expect(schema["PassengerId"]?.idLikeReason == "integer values unique per row (891 distinct in 891 rows)")
        #expect(schema["Name"]?.type == .text)
        #expect(schema["Ticket"]?.type == .text)
        #expect(schema["Ticket"]?.distinctCount == 681)
        #expect(schema["Survived"]?.type == .numeric)
        #expect(schema["Fare"]?.type == .numeric)
        let survived = try table.requireColumn("Survived")
        #expect(try TaskInference.infer(target: survived) == .binary)
        #expect(TaskInference.missingTargetRows(survived).isEmpty)
        #expect(try TaskInference.infer(target: try table.requireColumn("Pclass")) == .multiclass)
        #expect(try TaskInference.infer(target: try table.requireColumn("Fare")) == .regression)
        #expect(try TaskInference.infer(target: try table.requireColumn("Sex")) == .binary)
        // Survived's raw values: 342 ones.
        if case let .numeric(values, _) = survived.data { #expect(values.reduce(0, +) == 342) }
    }

    @Test func penguinsSpeciesIsMulticlass() throws {
        let (table, schema) = try CSVReader.read(at: RepositoryPaths.dataset("penguins.csv"))
        #expect(table.rowCount == 344)
        #expect(table.columnCount == 8)
        #expect(schema["species"]?.type == .categorical)
        #expect(schema["island"]?.type == .categorical)
        #expect(schema["bill_length_mm"]?.type == .numeric)
        #expect(schema.idLikeColumnNames.isEmpty)
        let species = try table.requireColumn("species")
        #expect(try TaskInference.infer(target: species) == .multiclass)
        // sex has missing cells: those rows are reported when it is the target.
        let sex = try table.requireColumn("sex")
        #expect(try TaskInference.infer(target: sex) == .binary)
        #expect(TaskInference.missingTargetRows(sex).count == sex.missingCount)
        #expect(sex.missingCount > 0)
    }

    @Test func diabetesProgressionIsRegression() throws {
        let (table, schema) = try CSVReader.read(at: RepositoryPaths.dataset("diabetes.csv"))
        #expect(table.rowCount == 442)
        #expect(table.columnCount == 11)
        #expect(schema.columns.allSatisfy { $0.type == .numeric })
        #expect(try TaskInference.infer(target: try table.requireColumn("progression")) == .regression)
        // The first value keeps every digit (slow path of the number parser).
        if case let .numeric(values, _)? = table.column(named: "age")?.data {
            #expect(values[0] == 0.038075906433423026)
        }
    }

    @Test func schemaIsCodable() throws {
        let (_, schema) = try CSVReader.read(at: RepositoryPaths.dataset("titanic.csv"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(schema)
        #expect(try JSONDecoder().decode(Schema.self, from: data) == schema)
    }

    @Test func booleanRule() {
        func type(_ cells: [String?]) -> ColumnType { SchemaInference.column(named: "c", cells: cells).type }
        #expect(type(["true", "False", nil, "TRUE"]) == .boolean)
        #expect(type(["yes", "no"]) == .boolean)
        #expect(type(["T", "f"]) == .boolean)
        #expect(type(["y", "N", " y "]) == .boolean)
        #expect(type(["yes", "yes"]) == .categorical)          // one value only
        #expect(type(["yes", "false"]) == .categorical)        // mixed pairs
        #expect(type(["0", "1", "1"]) == .numeric)             // 0/1 stay numeric
        #expect(type([nil, nil]) == .numeric)                  // all missing
        let column = SchemaInference.column(named: "c", cells: ["No", nil, "Yes"])
        #expect(column.data == .boolean(values: [false, false, true], missing: [false, true, false]))
    }

    @Test func idLikeRule() {
        let rows = 30
        let ids = SchemaInference.column(named: "id", cells: (0..<rows).map { String($0 * 7) })
        #expect(SchemaInference.isIDLike(ids).isIDLike)
        let floats = SchemaInference.column(named: "x", cells: (0..<rows).map { "\(Double($0) + 0.5)" })
        #expect(!SchemaInference.isIDLike(floats).isIDLike)
        let names = SchemaInference.column(named: "name", cells: (0..<rows).map { "person \($0)" })
        #expect(names.type == .text)
        #expect(SchemaInference.isIDLike(names).reason == "text unique per row (30 distinct in 30 rows)")
        let cities = SchemaInference.column(named: "city", cells: (0..<rows).map { "city \($0 % 5)" })
        #expect(cities.type == .categorical)
        #expect(!SchemaInference.isIDLike(cities).isIDLike)
        // Tiny tables: nothing is ID-like.
        let few = SchemaInference.column(named: "n", cells: ["a", "b", "c"])
        #expect(few.type == .categorical)
        #expect(!SchemaInference.isIDLike(SchemaInference.column(named: "i", cells: ["1", "2", "3"])).isIDLike)
        // Options move the thresholds.
        let options = SchemaInference.Options(minimumRowsForIDDetection: 2, textCardinalityRatio: 0.9)
        #expect(SchemaInference.column(named: "n", cells: ["a", "b", "c"], options: options).type == .text)
    }

    @Test func rawAndDirectPathsAgree() throws {
        let text = "a,b,c,d\n1,x,yes,\n2,y,no,3.5\nNA,x,,4\n"
        let direct = try CSVReader.read(text: text)
        let viaRaw = try SchemaInference.infer(try CSVReader.readRaw(text: text))
        #expect(direct.schema == viaRaw.schema)
        #expect(direct.table.columnNames == viaRaw.table.columnNames)
        for (l, r) in zip(direct.table.columns, viaRaw.table.columns) {
            #expect((0..<3).map { l.string(at: $0) } == (0..<3).map { r.string(at: $0) })
            #expect((0..<3).map { l.isMissing($0) } == (0..<3).map { r.isMissing($0) })
        }
    }
}

@Suite("TaskInference")
struct TaskInferenceTests {
    private func numeric(_ values: [Double?]) -> Column {
        Column(name: "y", data: .numeric(values: values.map { $0 ?? .nan }, missing: values.map { $0 == nil }))
    }

    @Test func numericTargets() throws {
        #expect(try TaskInference.infer(target: numeric([0, 1, 1, 0])) == .binary)
        #expect(try TaskInference.infer(target: numeric([1, 2, 3, 2])) == .multiclass)
        #expect(try TaskInference.infer(target: numeric((0..<20).map { Double($0) })) == .multiclass)
        #expect(try TaskInference.infer(target: numeric((0..<21).map { Double($0) })) == .regression)
        #expect(try TaskInference.infer(target: numeric([0.5, 1, 1])) == .regression)
    }

    @Test func overrides() throws {
        #expect(try TaskInference.infer(target: numeric([0, 1, 1, 0]), requested: .regression) == .regression)
        #expect(try TaskInference.infer(target: numeric((0..<30).map { Double($0) }), requested: .multiclass) == .multiclass)
        #expect(throws: MLError.invalidInput("Target column 'y' has 3 classes; binary classification needs exactly 2.")) {
            try TaskInference.infer(target: numeric([1, 2, 3]), requested: .binary)
        }
        #expect(throws: MLError.self) { try TaskInference.infer(target: numeric([0.5, 1.5]), requested: .binary) }
        let labels = Column(name: "y", data: .categorical(codes: [0, 1], levels: ["a", "b"]))
        #expect(throws: MLError.invalidInput("Target column 'y' is categorical; regression needs a numeric target.")) {
            try TaskInference.infer(target: labels, requested: .regression)
        }
    }

    @Test func unusableTargets() {
        #expect(throws: MLError.invalidInput("Target column 'y' has no values: all 3 rows are missing.")) {
            try TaskInference.infer(target: numeric([nil, nil, nil]))
        }
        #expect(throws: MLError.invalidInput("Target column 'y' has a single value ('4') in its 2 non-missing rows: there is nothing to predict.")) {
            try TaskInference.infer(target: numeric([4, nil, 4]))
        }
        let text = Column(name: "y", data: .text(["a", nil, "a"]))
        #expect(throws: MLError.self) { try TaskInference.infer(target: text) }
    }

    @Test func booleanAndTextTargetsAreClassification() throws {
        let flags = Column(name: "y", data: .boolean(values: [true, false, true], missing: [false, false, true]))
        #expect(try TaskInference.infer(target: flags) == .binary)
        let text = Column(name: "y", data: .text(["a", "b", "c", nil]))
        #expect(try TaskInference.infer(target: text) == .multiclass)
        #expect(InferredTask.allCases.map(\.isClassification) == [true, true, false])
    }

    @Test func missingTargetRowsAreListed() {
        #expect(TaskInference.missingTargetRows(numeric([1, nil, 2, nil])) == [1, 3])
        let labels = Column(name: "y", data: .categorical(codes: [0, -1, 1], levels: ["a", "b"]))
        #expect(TaskInference.missingTargetRows(labels) == [1])
    }
}

@Suite("Row-chunked numeric pass")
struct NumericChunkTests {
    @Test func columnsFailingInALaterChunkBecomeText() throws {
        let rows = CSVColumnBuilder.numericChunkRows * 2 + 7
        var text = "a,b,c\n"
        for i in 0..<rows {
            let b = i == rows - 3 ? "oops" : "\(i % 13)"
            let c = i % 1000 == 0 ? "NA" : "\(Double(i) / 8)"
            text += "\(i),\(b),\(c)\n"
        }
        let table = try CSVReader.readTable(text: text)
        #expect(table.rowCount == rows)
        #expect(table.column(named: "a")?.type == .numeric)
        #expect(table.column(named: "b")?.type == .categorical)
        #expect(table.column(named: "c")?.missingCount == (rows + 999) / 1000)
        // Same cells as the slow string path.
        let viaRaw = try SchemaInference.infer(try CSVReader.readRaw(text: text)).table
        for (fast, slow) in zip(table.columns, viaRaw.columns) {
            #expect(fast.type == slow.type)
            for i in stride(from: 0, to: rows, by: 997) {
                #expect(fast.string(at: i) == slow.string(at: i))
                #expect(fast.isMissing(i) == slow.isMissing(i))
            }
        }
    }
}

@Suite("Schema description")
struct SchemaDescriptionTests {
    @Test func titanicTable() throws {
        let (_, schema) = try CSVReader.read(at: RepositoryPaths.dataset("titanic.csv"))
        let lines = schema.description.split(separator: "\n").map(String.init)
        #expect(lines.count == 13)
        #expect(lines[0] == "column       type         missing  distinct  note")
        #expect(lines[1] == "PassengerId  numeric            0       891  ID-like: integer values unique per row (891 distinct in 891 rows)")
        #expect(lines[6] == "Age          numeric          177        88")
    }
}

/// Column statistics from pandas (Fixtures/make_schema_reference.py).
private struct PandasReference: Decodable {
    let rows: Int
    let columns: [String]
    let missing: [String: Int]
    let distinct: [String: Int]
    let numeric: [String]
}

@Suite("Schema against pandas")
struct SchemaAgainstPandasTests {
    @Test(arguments: ["titanic.csv", "penguins.csv", "diabetes.csv"])
    func countsMatchPandas(dataset: String) throws {
        let reference: [String: PandasReference] = try loadFixture("MLDataTests/Fixtures/schema_reference.json")
        let expected = try #require(reference[dataset])
        let (table, schema) = try CSVReader.read(at: RepositoryPaths.dataset(dataset))
        #expect(table.rowCount == expected.rows)
        #expect(table.columnNames == expected.columns)
        for column in schema.columns {
            #expect(column.missingCount == expected.missing[column.name], "\(dataset) \(column.name) missing")
            #expect(column.distinctCount == expected.distinct[column.name], "\(dataset) \(column.name) distinct")
            #expect((column.type == .numeric) == expected.numeric.contains(column.name), "\(dataset) \(column.name) type")
        }
    }
}

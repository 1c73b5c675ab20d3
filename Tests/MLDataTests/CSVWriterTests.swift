import Foundation
import Testing
@testable import MLData

@Suite("CSVWriter")
struct CSVWriterTests {
    @Test func quotesOnlyWhenNeeded() {
        #expect(CSVWriter.escape("plain") == "plain")
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
        #expect(CSVWriter.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.escape("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.escape("cr\r") == "\"cr\r\"")
        #expect(CSVWriter.escape(" padded") == "\" padded\"")
        #expect(CSVWriter.escape("NA") == "\"NA\"")
        #expect(CSVWriter.escape("") == "\"\"")
        #expect(CSVWriter.escape("a;b", delimiter: ";") == "\"a;b\"")
        #expect(CSVWriter.escape("a;b") == "a;b")
    }

    @Test func writesTablesAndRows() throws {
        let table = try DataTable(columns: [
            Column(name: "x", data: .numeric(values: [1, 2.5, .nan], missing: [false, false, true])),
            Column(name: "s", data: .categorical(codes: [1, -1, 0], levels: ["a,b", "NA"])),
            Column(name: "b", data: .boolean(values: [true, false, false], missing: [false, false, true])),
            Column(name: "t", data: .text(["q\"", nil, "é"])),
        ])
        #expect(CSVWriter.string(from: table) == "x,s,b,t\n1,\"NA\",true,\"q\"\"\"\n2.5,,false,\n,\"a,b\",,é\n")
        #expect(CSVWriter.string(header: ["a", "b"], rows: [["1", nil], ["x y", "z"]]) == "a,b\n1,\nx y,z\n")
        // A one-column table keeps its missing rows.
        let single = try DataTable(columns: [Column(name: "v", data: .numeric(values: [1, .nan], missing: [false, true]))])
        let text = CSVWriter.string(from: single)
        #expect(text == "v\n1\n\"\"\n")
        #expect(try CSVReader.readTable(text: text).rowCount == 2)
    }

    @Test func writesAtomicallyAndReadsBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mldata-writer-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("predictions.csv")
        try Data("old content".utf8).write(to: url)
        try CSVWriter.write(header: ["id", "label"], rows: [["1", "a, b"], ["2", nil]], to: url)
        let raw = try CSVReader.readRaw(at: url)
        #expect(raw.columns == [["1", "2"], ["a, b", nil]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["predictions.csv"])
        // A folder that does not exist.
        let bad = folder.appendingPathComponent("no/such/dir/out.csv")
        #expect(throws: CSVError.self) { try CSVWriter.write(header: ["a"], rows: [], to: bad) }
        #expect(throws: CSVError.self) { try CSVWriter.write(header: ["a"], rows: [], to: url, delimiter: "\"") }
    }
}

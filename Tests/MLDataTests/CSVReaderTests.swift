import Foundation
import Testing
@testable import MLData

/// The cells of a raw read, for compact expectations.
private func cells(_ text: String, dialect: CSVDialect = CSVDialect()) throws -> [[String?]] {
    try CSVReader.readRaw(text: text, dialect: dialect).columns
}

@Suite("CSVReader: RFC 4180 edge cases")
struct CSVReaderTests {
    @Test func quotedDelimitersNewlinesAndDoubledQuotes() throws {
        let raw = try CSVReader.readRaw(text: "a,b,c\n\"x,y\",\"line1\nline2\",\"say \"\"hi\"\"\"\n1,2,3\n")
        #expect(raw.header == ["a", "b", "c"])
        #expect(raw.columns[0] == ["x,y", "1"])
        #expect(raw.columns[1] == ["line1\nline2", "2"])
        #expect(raw.columns[2] == ["say \"hi\"", "3"])
        #expect(raw.rowLines == [2, 4])
    }

    @Test func crlfAndLfGiveTheSameCells() throws {
        let lf = try cells("a,b\n1,x\n2,y\n")
        let crlf = try cells("a,b\r\n1,x\r\n2,y\r\n")
        let cr = try cells("a,b\r1,x\r2,y")
        #expect(lf == crlf)
        #expect(lf == cr)
        #expect(lf == [["1", "2"], ["x", "y"]])
        // CRLF inside a quoted field is kept as it is.
        #expect(try cells("a\r\n\"p\r\nq\"\r\n") == [["p\r\nq"]])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let raw = try CSVReader.readRaw(text: "\u{FEFF}id,name\n1,x\n")
        #expect(raw.header == ["id", "name"])
    }

    @Test func lastLineWithOrWithoutNewlineAndTrailingBlankLines() throws {
        let expected: [[String?]] = [["1", "3"], ["2", "4"]]
        #expect(try cells("a,b\n1,2\n3,4") == expected)
        #expect(try cells("a,b\n1,2\n3,4\n") == expected)
        #expect(try cells("a,b\n1,2\n3,4\n\n\n") == expected)
        #expect(try cells("a,b\r\n1,2\r\n3,4\r\n\r\n") == expected)
        #expect(try cells("a,b\n1,2\n\n3,4\n") == expected)   // blank lines are skipped anywhere
    }

    @Test func delimiterDetection() throws {
        #expect(try CSVReader.readRaw(text: "a;b;c\n1;2,5;x\n4;5;y\n").delimiter == ";")
        #expect(try CSVReader.readRaw(text: "a\tb\n1\t2\n").delimiter == "\t")
        #expect(try CSVReader.readRaw(text: "a,b\n1,2\n").delimiter == ",")
        // Commas inside quotes do not count.
        let raw = try CSVReader.readRaw(text: "name;note\n\"x, y, z\";1\n\"p,q\";2\n")
        #expect(raw.delimiter == ";")
        #expect(raw.columns[0] == ["x, y, z", "p,q"])
        // A single column falls back to a comma.
        #expect(try CSVReader.readRaw(text: "a\n1\n2\n").delimiter == ",")
        // Forced delimiter.
        #expect(try cells("a|b\n1|2\n", dialect: CSVDialect(delimiter: "|")) == [["1"], ["2"]])
    }

    @Test func everyMissingMarker() throws {
        let text = "v,w\n,a\nNA,a\nN/A,a\nNaN,a\nnull,a\n?,a\n\"\",a\n  NA  ,a\n\"NA\",a\n1,a\n"
        let raw = try CSVReader.readRaw(text: text)
        #expect(raw.columns[0] == [nil, nil, nil, nil, nil, nil, nil, nil, "NA", "1"])
        let table = try CSVReader.readTable(text: "v,w\n,a\n1,a\nNA,a\nN/A,a\nNaN,a\nnull,a\n?,a\n\"\",a\n2.5,a\n")
        let column = try table.requireColumn("v")
        #expect(column.type == .numeric)
        #expect(column.missingCount == 7)
        // Custom markers replace the defaults.
        let custom = try cells("v\n-\nNA\n", dialect: CSVDialect(missingMarkers: ["-"]))
        #expect(custom == [[nil, "NA"]])
    }

    @Test func headerlessFilesAreNamedColumnN() throws {
        let raw = try CSVReader.readRaw(text: "1,2\n3,4\n", dialect: CSVDialect(hasHeader: false))
        #expect(raw.header == ["column_1", "column_2"])
        #expect(raw.columns == [["1", "3"], ["2", "4"]])
    }

    @Test func emptyHeaderNamesAreAutoNamed() throws {
        let raw = try CSVReader.readRaw(text: ",a,\n1,2,3\n")
        #expect(raw.header == ["Unnamed: 0", "a", "Unnamed: 2"])
    }

    @Test func headerOnlyGivesZeroRows() throws {
        let table = try CSVReader.readTable(text: "a,b\n")
        #expect(table.rowCount == 0)
        #expect(table.columnNames == ["a", "b"])
    }

    @Test func typedColumnsFromText() throws {
        let text = "n,s,b,q\n1, 2.5 ,yes,\"3\"\n-4e2,x,No,\"4.5\"\n+.5,x,YES,NA\n"
        let table = try CSVReader.readTable(text: text)
        #expect(table.column(named: "n")?.data == .numeric(values: [1, -400, 0.5], missing: [false, false, false]))
        #expect(table.column(named: "s")?.data == .categorical(codes: [0, 1, 1], levels: [" 2.5 ", "x"]))
        #expect(table.column(named: "b")?.data == .boolean(values: [true, false, true], missing: [false, false, false]))
        guard case let .numeric(q, qMissing)? = table.column(named: "q")?.data else {
            Issue.record("q is not numeric")
            return
        }
        #expect(Array(q[0..<2]) == [3, 4.5])
        #expect(qMissing == [false, false, true])
        #expect(table.column(named: "q")?.type == .numeric)
    }

    @Test func unicodeCellsSurvive() throws {
        let raw = try CSVReader.readRaw(text: "città,名前\nZürich,\"😀, ok\"\n")
        #expect(raw.header == ["città", "名前"])
        #expect(raw.columns[1] == ["😀, ok"])
    }

    @Test func readsAFileThroughTheMappedPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mldata-reader-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("small.csv")
        try Data("x,y\n1,a\n2,b\n".utf8).write(to: url)
        let (table, schema) = try CSVReader.read(at: url)
        #expect(table.rowCount == 2)
        #expect(schema["x"]?.type == .numeric)
        #expect(schema["y"]?.type == .categorical)
        // An empty file on disk.
        let empty = folder.appendingPathComponent("empty.csv")
        try Data().write(to: empty)
        #expect(throws: CSVError(file: "empty.csv", line: 1, kind: .empty)) { try CSVReader.readTable(at: empty) }
    }
}

@Suite("Missing markers that look like numbers")
struct NumericMarkerTests {
    @Test func aNumericMarkerWins() throws {
        let dialect = CSVDialect(missingMarkers: ["", "-999"])
        let table = try CSVReader.readTable(text: "v,w\n1,a\n-999,b\n2.5,c\n", dialect: dialect)
        #expect(table.column(named: "v")?.missingCount == 1)
        #expect(table.column(named: "v")?.type == .numeric)
        // With the default markers -999 is a number.
        #expect(try CSVReader.readTable(text: "v,w\n1,a\n-999,b\n").column(named: "v")?.missingCount == 0)
    }
}

import Foundation
import Testing
@testable import MLData

/// The error thrown by reading `text`, or `nil` when it reads.
private func error(reading text: String, name: String = "t.csv", dialect: CSVDialect = CSVDialect()) -> CSVError? {
    do {
        _ = try CSVReader.readTable(text: text, name: name, dialect: dialect)
        return nil
    } catch let e as CSVError {
        return e
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

@Suite("CSVReader: every error path names file and line")
struct CSVErrorTests {
    @Test func raggedRowNamesItsLine() {
        let e = error(reading: "a,b,c\n1,2,3\n4,5\n6,7,8\n")
        #expect(e == CSVError(file: "t.csv", line: 3, kind: .raggedRow(found: 2, expected: 3)))
        #expect(e?.description == "t.csv:3: row has 2 fields, expected 3 (ragged row)")
        // Too many fields, after a row with an embedded newline: the physical line counts.
        let e2 = error(reading: "a,b\n\"x\ny\",1\n1,2,3\n")
        #expect(e2?.description == "t.csv:4: row has 3 fields, expected 2 (ragged row)")
    }

    @Test func unterminatedQuoteNamesTheLineWhereItOpened() {
        let e = error(reading: "a,b\n1,2\n3,\"open\n4,5\n6,7\n")
        #expect(e == CSVError(file: "t.csv", line: 3, column: 3, field: 2, kind: .unterminatedQuote))
        #expect(e?.description == "t.csv:3:3: field 2: quoted field opened here is never closed (unterminated quote)")
    }

    @Test func quoteInsideAnUnquotedField() {
        let e = error(reading: "a,b\n1,2\nab\"c,3\n")
        #expect(e == CSVError(file: "t.csv", line: 3, column: 3, field: 1, kind: .quoteInUnquotedField))
        #expect(e?.description.hasPrefix("t.csv:3:3: field 1: quote inside an unquoted field") == true)
    }

    @Test func textAfterClosingQuote() {
        let e = error(reading: "a,b\n1,\"x\"y\n")
        #expect(e == CSVError(file: "t.csv", line: 2, column: 6, field: 2, kind: .textAfterClosingQuote))
        #expect(e?.description == "t.csv:2:6: field 2: text after the closing quote of a quoted field")
    }

    @Test func emptyFileAndBlankOnlyFile() {
        #expect(error(reading: "")?.description == "t.csv:1: the file is empty: expected a header row")
        #expect(error(reading: "\n\r\n\n")?.kind == .empty)
        #expect(error(reading: "\u{FEFF}")?.kind == .empty)
    }

    @Test func duplicateHeaderNamesBothColumns() {
        let e = error(reading: "id,x,id\n1,2,3\n")
        #expect(e == CSVError(file: "t.csv", line: 1, field: 3, kind: .duplicateHeader(name: "id", first: 1, second: 3)))
        #expect(e?.description == "t.csv:1: field 3: duplicate column name 'id' (columns 1 and 3)")
        // An auto-named empty header can collide too.
        #expect(error(reading: ",Unnamed: 0\n1,2\n")?.kind == .duplicateHeader(name: "Unnamed: 0", first: 1, second: 2))
    }

    @Test func invalidUTF8NamesLineAndColumn() throws {
        var bytes = Array("a,b\n1,ok\n2,x".utf8)
        bytes += [0xFF, 0x41]
        bytes += Array("\n".utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mldata-errors-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bad.csv")
        try Data(bytes).write(to: url)
        #expect(throws: CSVError(file: "bad.csv", line: 3, column: 4, field: 2, kind: .invalidUTF8)) {
            try CSVReader.readTable(at: url)
        }
        // A truncated sequence in the header.
        let header = folder.appendingPathComponent("header.csv")
        try Data([0x61, 0xC3, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0x32]).write(to: header)
        #expect(throws: CSVError(file: "header.csv", line: 1, column: 2, field: 1, kind: .invalidUTF8)) {
            try CSVReader.readRaw(at: header)
        }
    }

    @Test func missingAndUnreadableFiles() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/folder/none.csv")
        #expect(throws: CSVError(file: "/nonexistent/folder/none.csv", kind: .fileNotFound)) {
            try CSVReader.readTable(at: missing)
        }
        #expect(CSVError(file: "/x/none.csv", kind: .fileNotFound).description == "/x/none.csv: file not found")
        let folder = FileManager.default.temporaryDirectory
        do {
            _ = try CSVReader.readTable(at: folder)
            Issue.record("reading a directory succeeded")
        } catch let e as CSVError {
            #expect(e.kind == .unreadable("it is a directory"))
        }
    }

    @Test func invalidDelimiter() {
        #expect(error(reading: "a\n", dialect: CSVDialect(delimiter: "\""))?.kind
                == .invalidDialect("delimiter must be one ASCII character other than a quote, CR or LF; got \"\\\"\""))
        if case .invalidDialect? = error(reading: "a\n", dialect: CSVDialect(delimiter: ",,"))?.kind {} else {
            Issue.record("two-character delimiter accepted")
        }
    }
}

import Foundation
import MLCore
import Testing
import TestSupport
@testable import MLData

/// The naive twin of `CSVTokenizer`: RFC 4180 over Unicode scalars with the same rules (LF, CRLF
/// or lone CR end a record; blank lines skipped; quoted empty field → nil). `nil` on any error.
func naiveRecords(_ text: String, delimiter: Unicode.Scalar = ",") -> [[String?]]? {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var records: [[String?]] = []
    var i = 0
    let n = scalars.count
    while i < n {
        if scalars[i] == "\n" { i += 1; continue }
        if scalars[i] == "\r" { i += 1; if i < n && scalars[i] == "\n" { i += 1 }; continue }
        var record: [String?] = []
        while true {
            var field = String.UnicodeScalarView()
            var quoted = false
            if i < n && scalars[i] == "\"" {
                quoted = true
                i += 1
                while true {
                    guard i < n else { return nil }
                    if scalars[i] == "\"" {
                        if i + 1 < n && scalars[i + 1] == "\"" { field.append("\""); i += 2; continue }
                        i += 1
                        break
                    }
                    field.append(scalars[i]); i += 1
                }
                if i < n && scalars[i] != delimiter && scalars[i] != "\n" && scalars[i] != "\r" { return nil }
            } else {
                while i < n && scalars[i] != delimiter && scalars[i] != "\n" && scalars[i] != "\r" {
                    if scalars[i] == "\"" { return nil }
                    field.append(scalars[i]); i += 1
                }
            }
            record.append(quoted && field.isEmpty ? nil : String(field))
            if i >= n { break }
            let c = scalars[i]
            i += 1
            if c == delimiter { continue }
            if c == "\r" && i < n && scalars[i] == "\n" { i += 1 }
            break
        }
        if let first = records.first, first.count != record.count { return nil }
        records.append(record)
    }
    return records
}

/// Pieces that CSV writers get wrong.
private let nastyPieces = ["x", "\"", ",", ";", "\t", "\n", "\r\n", "\r", " ", "é", "名", "😀", "NA", "\"\"",
                           "a\u{301}", "yes", "1", "-", "''", "\\", "ß"]

private func nastyString(_ rng: inout RandomStream) -> String {
    var s = ""
    for _ in 0..<(1 + rng.nextInt(below: 5)) { s += nastyPieces[rng.nextInt(below: nastyPieces.count)] }
    // An `x` somewhere keeps the value from reading as a number or a boolean.
    let insertAt = rng.nextInt(below: 2) == 0 ? s.startIndex : s.endIndex
    s.insert("x", at: insertAt)
    return s
}

private func randomNumber(_ rng: inout RandomStream) -> Double {
    switch rng.nextInt(below: 4) {
    case 0: return Double(rng.nextInt(below: 2000) - 1000)
    case 1: return rng.nextNormal() * pow(10, Double(rng.nextInt(below: 40) - 20))
    case 2: return rng.nextUniform()
    default: return -rng.nextUniform() * 1e300
    }
}

private func randomTable(_ rng: inout RandomStream) throws -> DataTable {
    let columnCount = 1 + rng.nextInt(below: 4)
    let rowCount = 1 + rng.nextInt(below: 25)
    var columns: [Column] = []
    for j in 0..<columnCount {
        let name = "h\(j)" + nastyString(&rng)
        if rng.nextInt(below: 2) == 0 {
            var values: [Double] = [], missing: [Bool] = []
            for _ in 0..<rowCount {
                let isMissing = rng.nextInt(below: 5) == 0
                values.append(isMissing ? .nan : randomNumber(&rng))
                missing.append(isMissing)
            }
            columns.append(Column(name: name, data: .numeric(values: values, missing: missing)))
        } else {
            let cells: [String?] = (0..<rowCount).map { _ in rng.nextInt(below: 6) == 0 ? nil : nastyString(&rng) }
            columns.append(Column(name: name, data: .text(cells)))
        }
    }
    return try DataTable(columns: columns)
}

@Suite("CSV fuzz: round trips, naive twin, mutations")
struct CSVFuzzTests {
    @Test func writerReaderRoundTrip() throws {
        for seed in 0..<300 {
            var rng = RandomStream(seed: UInt64(seed))
            let table = try randomTable(&rng)
            let delimiter: Character = [",", ";", "\t"][rng.nextInt(below: 3)]
            let text = CSVWriter.string(from: table, delimiter: delimiter)
            let back = try CSVReader.readTable(text: text, dialect: CSVDialect(delimiter: String(delimiter)))
            #expect(back.columnNames == table.columnNames, "seed \(seed)")
            #expect(back.rowCount == table.rowCount, "seed \(seed)")
            guard back.columnNames == table.columnNames, back.rowCount == table.rowCount else { continue }
            for (original, read) in zip(table.columns, back.columns) {
                for i in 0..<table.rowCount {
                    #expect(original.isMissing(i) == read.isMissing(i), "seed \(seed) \(original.name) row \(i)")
                    if case let .numeric(a, _) = original.data, case let .numeric(b, _) = read.data, !original.isMissing(i) {
                        #expect(a[i] == b[i], "seed \(seed) row \(i)")
                    } else {
                        #expect(original.string(at: i) == read.string(at: i), "seed \(seed) row \(i)")
                    }
                }
            }
        }
    }

    @Test func tokenizerMatchesItsNaiveTwin() throws {
        let alphabet: [String] = ["a", "b", ",", "\"", "\n", "\r", "\r\n", " ", "é", "1", "abcdefghij", "123456789.5"]
        var parsed = 0, rejected = 0
        for seed in 0..<1500 {
            var rng = RandomStream(seed: UInt64(10_000 + seed))
            var text = ""
            for _ in 0..<rng.nextInt(below: 60) { text += alphabet[rng.nextInt(below: alphabet.count)] }
            let naive = naiveRecords(text)
            let dialect = CSVDialect(delimiter: ",", hasHeader: false, missingMarkers: [])
            let raw = try? CSVReader.readRaw(text: text, dialect: dialect)
            if let naive, !naive.isEmpty {
                parsed += 1
                #expect(raw != nil, "seed \(seed): \(text.debugDescription)")
                if let raw {
                    let rows = (0..<raw.rowCount).map { i in raw.columns.map { $0[i] } }
                    #expect(rows == naive, "seed \(seed): \(text.debugDescription)")
                }
            } else {
                rejected += 1
                #expect(raw == nil, "seed \(seed): \(text.debugDescription)")
            }
        }
        #expect(parsed > 100 && rejected > 100, "parsed \(parsed), rejected \(rejected)")
    }

    @Test func randomByteMutationsNeverCrash() throws {
        let base = Array(try Data(contentsOf: RepositoryPaths.dataset("titanic.csv")).prefix(3000))
        let specials: [UInt8] = [0x22, 0x2C, 0x3B, 0x09, 0x0A, 0x0D, 0xFF, 0xC3, 0xE2, 0x80, 0xEF, 0xBB, 0xBF, 0x00, 0x41, 0x31]
        var outcomes = [0, 0]
        for seed in 0..<400 {
            var rng = RandomStream(seed: UInt64(50_000 + seed))
            // A prefix cut after a line break, then a few mutations.
            var cut = rng.nextInt(below: base.count + 1)
            while cut > 0 && base[cut - 1] != 0x0A { cut -= 1 }
            var bytes = Array(base.prefix(cut))
            for _ in 0..<(1 + rng.nextInt(below: 3)) {
                let position = bytes.isEmpty ? 0 : rng.nextInt(below: bytes.count)
                let byte = rng.nextInt(below: 3) == 0 ? UInt8(rng.nextInt(below: 256)) : specials[rng.nextInt(below: specials.count)]
                switch rng.nextInt(below: 3) {
                case 0 where !bytes.isEmpty: bytes[position] = byte
                case 1 where !bytes.isEmpty: bytes.remove(at: position)
                default: bytes.insert(byte, at: position)
                }
            }
            let result = bytes.withUnsafeBufferPointer { buffer -> Bool in
                do {
                    _ = try CSVReader.read(bytes: buffer, name: "m.csv", dialect: CSVDialect(), options: SchemaInference.Options())
                    return true
                } catch let error as CSVError {
                    #expect(error.description.hasPrefix("m.csv"))
                    return false
                } catch {
                    Issue.record("seed \(seed): unexpected error type \(error)")
                    return false
                }
            }
            outcomes[result ? 1 : 0] += 1
        }
        // Both outcomes happen, so the mutations reach the error paths and the success paths.
        #expect(outcomes[0] > 20 && outcomes[1] > 20, "\(outcomes)")
    }
}

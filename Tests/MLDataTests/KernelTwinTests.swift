import MLCore
import Testing
@testable import MLData

@Suite("DistinctCounter against its naive twin")
struct DistinctCounterTests {
    /// The naive twin: a `Set` of canonical bit patterns.
    private func naiveCount(_ values: [Double], _ missing: [Bool]) -> Int {
        var seen = Set<UInt64>()
        for (v, m) in zip(values, missing) where !m { seen.insert(v == 0 ? 0 : (v.isNaN ? Double.nan.bitPattern : v.bitPattern)) }
        return seen.count
    }

    @Test func matchesSetOnRandomColumns() {
        for seed in 0..<50 {
            var rng = RandomStream(seed: UInt64(seed))
            let n = rng.nextInt(below: 3000)
            let pool = 1 + rng.nextInt(below: 500)
            let values = (0..<n).map { _ -> Double in
                switch rng.nextInt(below: 10) {
                case 0: return -0.0
                case 1: return .nan
                default: return Double(rng.nextInt(below: pool)) * 0.25
                }
            }
            let missing = (0..<n).map { _ in rng.nextInt(below: 7) == 0 }
            #expect(DistinctCounter.count(values, missing: missing) == naiveCount(values, missing), "seed \(seed)")
        }
        #expect(DistinctCounter.count([], missing: []) == 0)
        #expect(DistinctCounter.count([0.0, -0.0, 1], missing: [false, false, false]) == 2)
    }
}

@Suite("Tokenizer word scan against its naive twin")
struct WordScanTests {
    @Test func firstSpecialByteMatchesAByteLoop() {
        var rng = RandomStream(seed: 7)
        let interesting: [UInt8] = [0x22, 0x2C, 0x3B, 0x0A, 0x0D, 0x09, 0x00, 0x80, 0xFF, 0x41, 0x21, 0x23, 0x0B, 0x2D]
        for _ in 0..<20_000 {
            let delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")][rng.nextInt(below: 3)]
            let bytes = (0..<8).map { _ in
                rng.nextInt(below: 2) == 0 ? interesting[rng.nextInt(below: interesting.count)] : UInt8(rng.nextInt(below: 256))
            }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let mask = CSVTokenizer.specialBytes(word, delimiter: UInt64(delimiter) &* CSVTokenizer.ones)
            let fast = mask == 0 ? 8 : mask.trailingZeroBitCount / 8
            let naive = bytes.firstIndex { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } ?? 8
            #expect(fast == naive, "\(bytes)")
        }
    }
}

@Suite("UTF-8 validation against the standard library")
struct UTF8ValidationTests {
    @Test func agreesWithStringValidating() {
        var rng = RandomStream(seed: 11)
        let pieces: [[UInt8]] = [[0x41], [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xC3], [0x80],
                                 [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80],
                                 [0xFF], Array("abcdefghijk".utf8)]
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<rng.nextInt(below: 8) { bytes += pieces[rng.nextInt(below: pieces.count)] }
            let offset = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((offset == bytes.count) == valid, "\(bytes)")
            if !valid {
                // Everything before the reported offset is valid.
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(bytes)")
            }
        }
    }
}

@Suite("Byte-level dictionary encoding of text columns")
struct TextEncodingTests {
    @Test func canonicallyEquivalentSpellingsAreOneLevel() throws {
        let text = "c,n\ncaf\u{E9},1\ncafe\u{301},2\ntea,3\n"
        let table = try CSVReader.readTable(text: text)
        #expect(table.column(named: "c")?.data == .categorical(codes: [0, 0, 1], levels: ["caf\u{E9}", "tea"]))
        let viaRaw = try SchemaInference.infer(try CSVReader.readRaw(text: text)).table
        #expect(viaRaw.column(named: "c") == table.column(named: "c"))
    }

    @Test func manyDistinctValuesGrowTheTable() throws {
        var text = "k,v\n"
        for i in 0..<500 { text += "key\(i % 150),\"q\"\"\(i % 7)\"\n" }
        let table = try CSVReader.readTable(text: text)
        let viaRaw = try SchemaInference.infer(try CSVReader.readRaw(text: text)).table
        #expect(table == viaRaw)
        #expect(SchemaInference.distinctCount(try table.requireColumn("k")) == 150)
        #expect(try table.requireColumn("v").string(at: 3) == "q\"3")
    }
}

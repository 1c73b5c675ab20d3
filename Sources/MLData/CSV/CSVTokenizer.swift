/// Field boundaries found by `CSVTokenizer`, row-major: for each field where its content ends
/// (before a closing quote) and two flags; for each record its first byte and physical line.
///
/// A field's start is not stored: it follows the previous field's end (skip the closing quote if
/// any, then the delimiter), or is the record's first byte; add one for an opening quote. This
/// halves the memory of the tokens. The ends live in a manually grown buffer (no `Array`
/// uniqueness checks in the hot loop).
final class CSVTokens {
    /// Set in `ends[k]` when field `k` was quoted.
    static let quotedFlag = 1 << 62
    /// Set in `ends[k]` when field `k` holds doubled quotes (`""`) to undo.
    static let escapedFlag = 1 << 61
    /// Masks the flags off `ends[k]`.
    static let offsetMask = (1 << 61) - 1

    /// Fields per record (all records have it; the tokenizer rejects ragged rows).
    var fieldsPerRecord = 0
    /// Byte offset where each field's content ends, OR-ed with the flags.
    private(set) var ends: UnsafeMutablePointer<Int>
    /// Number of fields stored.
    var fieldCount = 0
    /// Allocated slots in `ends`.
    private(set) var capacity: Int
    /// Byte offset of the first byte of each record.
    var recordStarts: [Int] = []
    /// 1-based physical line of the start of each record.
    var recordLines: [Int] = []

    /// An empty buffer with room for `capacity` fields.
    init(capacity: Int) {
        self.capacity = max(16, capacity)
        ends = .allocate(capacity: self.capacity)
    }

    deinit {
        ends.deallocate()
    }

    /// Doubles the capacity, keeping the first `fieldCount` fields.
    func grow() {
        let newCapacity = capacity * 2
        let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        newEnds.update(from: ends, count: fieldCount)
        ends.deallocate()
        ends = newEnds
        capacity = newCapacity
    }

    /// Number of records, header included.
    var recordCount: Int { recordLines.count }

    /// The raw start (opening quote included) of the field after one whose stored end is `end`.
    @inline(__always)
    static func nextRawStart(after end: Int) -> Int {
        (end & offsetMask) &+ (end & quotedFlag != 0 ? 2 : 1)
    }

    /// The content start of field `k` given its raw start.
    @inline(__always)
    static func contentStart(rawStart: Int, end: Int) -> Int {
        rawStart &+ (end & quotedFlag != 0 ? 1 : 0)
    }

    /// The byte offset where field `k`'s content starts.
    func start(ofField k: Int) -> Int {
        let width = max(1, fieldsPerRecord)
        let rawStart = k % width == 0 ? recordStarts[k / width] : CSVTokens.nextRawStart(after: ends[k - 1])
        return CSVTokens.contentStart(rawStart: rawStart, end: ends[k])
    }
}

/// The byte-level RFC 4180 state machine: one pass, no `String` work, no per-field allocation.
///
/// Rules: fields are separated by `delimiter`; records end at LF, CRLF or a lone CR; a field that
/// starts with `"` is quoted and may hold delimiters, line breaks and doubled quotes; a closing quote
/// must be followed by a delimiter, a line break or the end of the file; a `"` anywhere in an
/// unquoted field is an error; blank lines (no bytes between two line breaks) are skipped, so
/// trailing empty lines are tolerated; the last record may lack its line break.
struct CSVTokenizer {
    /// The whole file.
    let bytes: UnsafeBufferPointer<UInt8>
    /// First byte after an optional UTF-8 byte-order mark.
    let begin: Int
    /// The field delimiter.
    let delimiter: UInt8
    /// File name for error messages.
    let file: String

    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// 0x01 in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// 0x80 in every byte.
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Nonzero when some byte of `word` is zero; its lowest set bit is the high bit of the first
    /// zero byte (bits above may be false positives, never below).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

    /// For eight file bytes read little-endian, a mask whose lowest set bit marks the first byte
    /// that is the delimiter (`delimiter` repeats it in every byte), a quote, CR or LF; 0 if none.
    @inline(__always)
    static func specialBytes(_ word: UInt64, delimiter: UInt64) -> UInt64 {
        zeroBytes(word ^ delimiter) | zeroBytes(word ^ (0x22 &* ones))
            | zeroBytes(word ^ (0x0A &* ones)) | zeroBytes(word ^ (0x0D &* ones))
    }

    /// The offset after a UTF-8 byte-order mark at the start of `bytes`, if any.
    static func contentStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return 3 }
        return 0
    }

    /// Splits every record. The first record fixes the field count; any other count throws.
    /// - Complexity: O(file size).
    func tokenize() throws -> CSVTokens {
        let tokens = CSVTokens(capacity: bytes.count / 8)
        var counts: [Int] = []
        try run(tokens: tokens, storesFields: true, maxRecords: Int.max, counts: &counts)
        return tokens
    }

    /// The field counts of the first `maxRecords` records, or `nil` when those records are
    /// malformed with this delimiter. Used to detect the delimiter.
    func probeFieldCounts(maxRecords: Int) -> [Int]? {
        let tokens = CSVTokens(capacity: 0)
        var counts: [Int] = []
        do {
            try run(tokens: tokens, storesFields: false, maxRecords: maxRecords, counts: &counts)
        } catch {
            return nil
        }
        return counts
    }

    /// The state machine. With `storesFields` it records field ranges and rejects ragged rows;
    /// without, it only counts fields per record into `counts`.
    private func run(tokens: CSVTokens, storesFields: Bool, maxRecords: Int, counts: inout [Int]) throws {
        let p = bytes
        let n = p.count
        let delim = delimiter
        let quote = CSVTokenizer.quote, lf = CSVTokenizer.lineFeed, cr = CSVTokenizer.carriageReturn
        var i = begin
        var line = 1
        var expected = -1
        var records = 0
        let delimiterPattern = UInt64(delim) &* CSVTokenizer.ones
        var ends = tokens.ends
        var stored = tokens.fieldCount, capacity = tokens.capacity
        defer { tokens.fieldCount = stored }
        while i < n && records < maxRecords {
            // Blank line: skip.
            let first = p[i]
            if first == lf { line &+= 1; i &+= 1; continue }
            if first == cr {
                i &+= 1
                if i < n && p[i] == lf { i &+= 1 }
                line &+= 1
                continue
            }
            let recordLine = line
            let recordStart = i
            var fieldCount = 0
            while true {
                var end: Int
                var flags = 0
                if i < n && p[i] == quote {
                    let openLine = line
                    let openOffset = i
                    i &+= 1
                    flags = CSVTokens.quotedFlag
                    while true {
                        while i < n {
                            let c = p[i]
                            if c == quote { break }
                            if c == lf { line &+= 1 } else if c == cr && (i &+ 1 >= n || p[i &+ 1] != lf) { line &+= 1 }
                            i &+= 1
                        }
                        if i >= n {
                            let column = locate(openOffset).column
                            throw CSVError(file: file, line: openLine, column: column, field: fieldCount + 1, kind: .unterminatedQuote)
                        }
                        if i &+ 1 < n && p[i &+ 1] == quote {
                            flags |= CSVTokens.escapedFlag
                            i &+= 2
                            continue
                        }
                        end = i
                        i &+= 1
                        break
                    }
                    if i < n {
                        let c = p[i]
                        if c != delim && c != lf && c != cr {
                            let position = locate(i)
                            throw CSVError(file: file, line: position.line, column: position.column, field: fieldCount + 1, kind: .textAfterClosingQuote)
                        }
                    }
                } else {
                    // Eight bytes at a time up to the first delimiter, line break or quote.
                    if let base = p.baseAddress {
                        let raw = UnsafeRawPointer(base)
                        while i &+ 8 <= n {
                            let found = CSVTokenizer.specialBytes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), delimiter: delimiterPattern)
                            if found != 0 { i &+= found.trailingZeroBitCount &>> 3; break }
                            i &+= 8
                        }
                    }
                    while i < n {
                        let c = p[i]
                        if c == delim || c == lf || c == cr || c == quote { break }
                        i &+= 1
                    }
                    if i < n && p[i] == quote {
                        let position = locate(i)
                        throw CSVError(file: file, line: position.line, column: position.column, field: fieldCount + 1, kind: .quoteInUnquotedField)
                    }
                    end = i
                }
                fieldCount &+= 1
                if storesFields {
                    if stored == capacity {
                        tokens.fieldCount = stored
                        tokens.grow()
                        ends = tokens.ends
                        capacity = tokens.capacity
                    }
                    ends[stored] = end | flags
                    stored &+= 1
                }
                if i >= n { break }
                let c = p[i]
                i &+= 1
                if c == delim { continue }
                // Line break.
                if c == cr && i < n && p[i] == lf { i &+= 1 }
                line &+= 1
                break
            }
            records &+= 1
            if storesFields {
                if expected < 0 {
                    expected = fieldCount
                    tokens.fieldsPerRecord = fieldCount
                } else if fieldCount != expected {
                    throw CSVError(file: file, line: recordLine, kind: .raggedRow(found: fieldCount, expected: expected))
                }
                tokens.recordLines.append(recordLine)
                tokens.recordStarts.append(recordStart)
            } else {
                counts.append(fieldCount)
            }
        }
    }

    /// The 1-based physical line and character column of byte `offset` (for error messages only).
    /// - Complexity: O(offset).
    func locate(_ offset: Int) -> (line: Int, column: Int) {
        CSVTokenizer.locate(offset, in: bytes, from: begin)
    }

    /// The 1-based physical line and character column of byte `offset` of `bytes`.
    static func locate(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>, from begin: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = begin
        var i = begin
        let limit = min(offset, bytes.count)
        while i < limit {
            let c = bytes[i]
            if c == lineFeed {
                line += 1
                lineStart = i + 1
            } else if c == carriageReturn && !(i + 1 < bytes.count && bytes[i + 1] == lineFeed) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        var column = 1
        var k = lineStart
        while k < limit {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return (line, column)
    }
}

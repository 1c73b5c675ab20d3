/// Field boundaries found by `CSVTokenizer`: for each field the byte range of its content
/// (without surrounding quotes), row-major, plus the physical line where each record starts.
///
/// The ranges live in two manually grown buffers (no `Array` uniqueness checks in the hot loop).
final class CSVTokens {
    /// Set in `ends[k]` when field `k` was quoted.
    static let quotedFlag = 1 << 62
    /// Set in `ends[k]` when field `k` holds doubled quotes (`""`) to undo.
    static let escapedFlag = 1 << 61
    /// Masks the flags off `ends[k]`.
    static let offsetMask = (1 << 61) - 1

    /// Fields per record (all records have it; the tokenizer rejects ragged rows).
    var fieldsPerRecord = 0
    /// Byte offset where each field's content starts.
    private(set) var starts: UnsafeMutablePointer<Int>
    /// Byte offset where each field's content ends, OR-ed with the flags.
    private(set) var ends: UnsafeMutablePointer<Int>
    /// Number of fields stored.
    var fieldCount = 0
    /// Allocated slots in `starts` and `ends`.
    private(set) var capacity: Int
    /// 1-based physical line of the start of each record.
    var recordLines: [Int] = []

    /// Empty buffers with room for `capacity` fields.
    init(capacity: Int) {
        self.capacity = max(16, capacity)
        starts = .allocate(capacity: self.capacity)
        ends = .allocate(capacity: self.capacity)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
    }

    /// Doubles the capacity, keeping the first `fieldCount` fields.
    func grow() {
        let newCapacity = capacity * 2
        let newStarts = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        let newEnds = UnsafeMutablePointer<Int>.allocate(capacity: newCapacity)
        newStarts.update(from: starts, count: fieldCount)
        newEnds.update(from: ends, count: fieldCount)
        starts.deallocate()
        ends.deallocate()
        starts = newStarts
        ends = newEnds
        capacity = newCapacity
    }

    /// Number of records, header included.
    var recordCount: Int { recordLines.count }
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
        var starts = tokens.starts, ends = tokens.ends
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
            var fieldCount = 0
            while true {
                var start: Int
                var end: Int
                var flags = 0
                if i < n && p[i] == quote {
                    let openLine = line
                    let openOffset = i
                    i &+= 1
                    start = i
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
                    start = i
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
                        starts = tokens.starts
                        ends = tokens.ends
                        capacity = tokens.capacity
                    }
                    starts[stored] = start
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

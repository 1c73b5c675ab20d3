import Foundation
import MLCore

/// Turns tokenized fields into columns: numbers parsed from bytes, text decoded and validated once.
enum CSVColumnBuilder {
    /// Whether fields are missing, compared on bytes (see `CSVDialect.missingMarkers`).
    struct MissingMatcher {
        /// The markers as bytes.
        let markers: [[UInt8]]
        /// The longest marker, to skip the comparison for longer fields.
        let longest: Int
        /// Whether some marker reads as a number (then markers must be checked before numbers).
        let hasNumericMarker: Bool

        /// A matcher for `dialect`'s markers.
        init(_ dialect: CSVDialect) {
            markers = dialect.missingMarkers.map { Array($0.trimmingBlanks().utf8) }
            longest = markers.map(\.count).max() ?? -1
            hasNumericMarker = dialect.missingMarkers.contains { NumberParser.parse($0) != nil }
        }

        /// True when the field with content `p[start..<end & offsetMask]` (flags in `end`) is
        /// missing: a quoted empty field, or an unquoted one whose trimmed bytes equal a marker.
        @inline(__always)
        func isMissing(_ p: UnsafePointer<UInt8>, start: Int, end rawEnd: Int) -> Bool {
            var s = start
            var e = rawEnd & CSVTokens.offsetMask
            if rawEnd & CSVTokens.quotedFlag != 0 { return s == e }
            while s < e && NumberParser.isBlank(p[s]) { s &+= 1 }
            while e > s && NumberParser.isBlank(p[e &- 1]) { e &-= 1 }
            let length = e &- s
            if length > longest { return false }
            for marker in markers where marker.count == length {
                var k = 0
                while k < length && marker[k] == p[s &+ k] { k &+= 1 }
                if k == length { return true }
            }
            return false
        }
    }

    /// The text of field `k` (quotes removed, doubled quotes undone).
    /// - Throws: `CSVError.Kind.invalidUTF8` at the first bad byte.
    static func decode(field k: Int, tokens: CSVTokens, bytes: UnsafeBufferPointer<UInt8>, begin: Int,
                       file: String, fieldIndex: Int) throws -> String {
        let start = tokens.start(ofField: k)
        let rawEnd = tokens.ends[k]
        let end = rawEnd & CSVTokens.offsetMask
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        let invalid = UTF8Validation.firstInvalidOffset(slice)
        guard invalid == slice.count else {
            let location = CSVTokenizer.locate(start + invalid, in: bytes, from: begin)
            throw CSVError(file: file, line: location.line, column: location.column, field: fieldIndex + 1, kind: .invalidUTF8)
        }
        let text = String(decoding: slice, as: UTF8.self)
        if rawEnd & CSVTokens.escapedFlag != 0 {
            return text.replacingDoubledQuotes()
        }
        return text
    }

    /// Every cell as text (`nil` when missing).
    static func raw(from parsed: ParsedCSV, bytes: UnsafeBufferPointer<UInt8>, dialect: CSVDialect) throws -> RawTable {
        let matcher = MissingMatcher(dialect)
        var columns: [[String?]] = []
        for j in 0..<parsed.header.count {
            columns.append(try textCells(column: j, parsed: parsed, bytes: bytes, matcher: matcher))
        }
        let lines = Array(parsed.tokens.recordLines[parsed.firstDataRecord...])
        return RawTable(header: parsed.header, columns: columns, rowLines: lines,
                        delimiter: String(UnicodeScalar(parsed.delimiter)))
    }

    /// The typed table: each column numeric when every present cell is a finite number, otherwise
    /// typed by `SchemaInference.textColumn`.
    static func table(from parsed: ParsedCSV, bytes: UnsafeBufferPointer<UInt8>, dialect: CSVDialect,
                      options: SchemaInference.Options) throws -> DataTable {
        let matcher = MissingMatcher(dialect)
        let numeric = numericColumns(parsed: parsed, bytes: bytes, matcher: matcher)
        // The other columns are independent: typed in parallel, each result in its own slot, so the
        // table (and the first error, by column order) never depends on the thread count.
        let textIndices = (0..<parsed.header.count).filter { numeric[$0] == nil }
        let shared = SharedBytes(buffer: bytes)
        let results = Parallel.map(textIndices.count) { t -> Result<Column, CSVError> in
            let j = textIndices[t]
            do {
                let encoded = try encodedText(column: j, parsed: parsed, bytes: shared.buffer, matcher: matcher)
                return .success(SchemaInference.textColumn(named: parsed.header[j], codes: encoded.codes,
                                                           distinct: encoded.distinct, options: options))
            } catch let error as CSVError {
                return .failure(error)
            } catch {
                return .failure(CSVError(file: parsed.file, kind: .unreadable("\(error)")))
            }
        }
        var columns: [Column] = []
        columns.reserveCapacity(parsed.header.count)
        var next = 0
        for j in 0..<parsed.header.count {
            if let data = numeric[j] {
                columns.append(Column(name: parsed.header[j], data: data))
            } else {
                columns.append(try results[next].get())
                next += 1
            }
        }
        do {
            return try DataTable(columns: columns)
        } catch {
            throw CSVError(file: parsed.file, kind: .invalidDialect("\(error)"))
        }
    }

    /// Rows per chunk of the numeric pass.
    static let numericChunkRows = 16_384

    /// Every column as numbers, or `nil` for a column where some present cell is not a finite
    /// number. A column with no present cell is numeric (all NaN), as in pandas.
    ///
    /// One row-major pass over the field ranges (sequential memory), split into fixed chunks of
    /// rows run in parallel; each chunk writes only its rows, and a column is numeric when no
    /// chunk failed it, so the result never depends on the thread count.
    static func numericColumns(parsed: ParsedCSV, bytes: UnsafeBufferPointer<UInt8>,
                               matcher: MissingMatcher) -> [ColumnData?] {
        let rows = parsed.rowCount
        let width = parsed.tokens.fieldsPerRecord
        guard rows > 0, bytes.baseAddress != nil else {
            return Array(repeating: .numeric(values: [], missing: []), count: width)
        }
        let scratch = NumericScratch(width: width, rows: rows)
        let chunkCount = (rows + numericChunkRows - 1) / numericChunkRows
        let shared = SharedBytes(buffer: bytes)
        let failures = Parallel.map(chunkCount) { chunk -> [Bool] in
            let lo = chunk * numericChunkRows
            let hi = min(rows, lo + numericChunkRows)
            return parseNumericRows(lo..<hi, parsed: parsed, bytes: shared.buffer, matcher: matcher, into: scratch)
        }
        var result: [ColumnData?] = []
        result.reserveCapacity(width)
        for j in 0..<width {
            if failures.contains(where: { $0[j] }) {
                result.append(nil)
            } else {
                result.append(.numeric(values: Array(UnsafeBufferPointer(start: scratch.values[j], count: rows)),
                                       missing: Array(UnsafeBufferPointer(start: scratch.missing[j], count: rows))))
            }
        }
        return result
    }

    /// Parses rows `range` of every column into `scratch`; returns which columns failed.
    static func parseNumericRows(_ range: Range<Int>, parsed: ParsedCSV, bytes: UnsafeBufferPointer<UInt8>,
                                 matcher: MissingMatcher, into scratch: NumericScratch) -> [Bool] {
        let width = parsed.tokens.fieldsPerRecord
        var failed = [Bool](repeating: false, count: width)
        guard let p = bytes.baseAddress else { return failed }
        let ends = parsed.tokens.ends
        let first = parsed.firstDataRecord
        let numbersFirst = !matcher.hasNumericMarker
        parsed.tokens.recordStarts.withUnsafeBufferPointer { recordStarts in
            failed.withUnsafeMutableBufferPointer { dead in
                scratch.values.withUnsafeBufferPointer { values in
                    scratch.missing.withUnsafeBufferPointer { missing in
                        for r in range {
                            var k = (first &+ r) &* width
                            var rawStart = recordStarts[first &+ r]
                            for j in 0..<width {
                                let e = ends[k]
                                let s = CSVTokens.contentStart(rawStart: rawStart, end: e)
                                rawStart = CSVTokens.nextRawStart(after: e)
                                k &+= 1
                                if dead[j] { continue }
                                // Numbers first (the common case) unless a marker could read as one.
                                if !numbersFirst && matcher.isMissing(p, start: s, end: e) {
                                    values[j][r] = .nan
                                    missing[j][r] = true
                                } else if let v = NumberParser.parse(p, s, e & CSVTokens.offsetMask), v.isFinite {
                                    values[j][r] = v
                                    missing[j][r] = false
                                } else if numbersFirst && matcher.isMissing(p, start: s, end: e) {
                                    values[j][r] = .nan
                                    missing[j][r] = true
                                } else {
                                    dead[j] = true
                                }
                            }
                        }
                    }
                }
            }
        }
        return failed
    }

    /// Column `j` dictionary-encoded on its bytes: a code per row (−1 when missing) into the
    /// distinct texts in order of first appearance. Each distinct text is validated and decoded
    /// once; equal bytes decode to equal text (an unquoted field never holds a quote, so content
    /// bytes determine the text).
    /// - Throws: `CSVError.Kind.invalidUTF8` at the first bad byte.
    static func encodedText(column j: Int, parsed: ParsedCSV, bytes: UnsafeBufferPointer<UInt8>,
                            matcher: MissingMatcher) throws -> (codes: [Int32], distinct: [String]) {
        let rows = parsed.rowCount
        let width = parsed.tokens.fieldsPerRecord
        guard let p = bytes.baseAddress, rows > 0 else { return ([], []) }
        var codes = [Int32](repeating: -1, count: rows)
        var distinct: [String] = []
        var keyStarts: [Int] = []
        var keyEnds: [Int] = []
        var keyHashes: [UInt64] = []
        var slots = [Int32](repeating: -1, count: 64)
        var mask = 63
        let tokens = parsed.tokens
        var k = parsed.firstDataRecord * width + j
        for r in 0..<rows {
            defer { k &+= width }
            let s = tokens.start(ofField: k)
            let rawEnd = tokens.ends[k]
            if matcher.isMissing(p, start: s, end: rawEnd) { continue }
            let e = rawEnd & CSVTokens.offsetMask
            // FNV-1a over the content bytes.
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for q in s..<e { h = (h ^ UInt64(p[q])) &* 0x0000_0100_0000_01B3 }
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            var found: Int32 = -1
            while true {
                let d = slots[slot]
                if d < 0 { break }
                let di = Int(d)
                if keyHashes[di] == h && keyEnds[di] - keyStarts[di] == e - s
                    && memcmp(p + keyStarts[di], p + s, e - s) == 0 {
                    found = d
                    break
                }
                slot = (slot &+ 1) & mask
            }
            if found >= 0 {
                codes[r] = found
                continue
            }
            let code = Int32(distinct.count)
            distinct.append(try decode(field: k, tokens: tokens, bytes: bytes, begin: parsed.begin,
                                       file: parsed.file, fieldIndex: j))
            keyStarts.append(s)
            keyEnds.append(e)
            keyHashes.append(h)
            slots[slot] = code
            codes[r] = code
            if distinct.count * 2 > slots.count {
                // Grow and re-insert from the stored hashes.
                slots = [Int32](repeating: -1, count: slots.count * 2)
                mask = slots.count - 1
                for (d, hash) in keyHashes.enumerated() {
                    var t = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
                    while slots[t] >= 0 { t = (t &+ 1) & mask }
                    slots[t] = Int32(d)
                }
            }
        }
        return (codes, distinct)
    }

    /// Column `j` as text cells, `nil` for missing ones.
    static func textCells(column j: Int, parsed: ParsedCSV, bytes: UnsafeBufferPointer<UInt8>,
                          matcher: MissingMatcher) throws -> [String?] {
        let rows = parsed.rowCount
        let width = parsed.tokens.fieldsPerRecord
        guard let p = bytes.baseAddress else { return [] }
        var cells: [String?] = []
        cells.reserveCapacity(rows)
        var k = parsed.firstDataRecord * width + j
        for _ in 0..<rows {
            if matcher.isMissing(p, start: parsed.tokens.start(ofField: k), end: parsed.tokens.ends[k]) {
                cells.append(nil)
            } else {
                cells.append(try decode(field: k, tokens: parsed.tokens, bytes: bytes, begin: parsed.begin,
                                        file: parsed.file, fieldIndex: j))
            }
            k += width
        }
        return cells
    }
}

/// Output buffers of the numeric pass: one `Double` and one `Bool` buffer per column, written by
/// row chunks that never overlap.
final class NumericScratch: @unchecked Sendable {
    /// `values[j]` holds column `j`.
    let values: [UnsafeMutablePointer<Double>]
    /// `missing[j]` flags column `j`'s missing rows.
    let missing: [UnsafeMutablePointer<Bool>]

    /// Buffers for `width` columns of `rows` rows. They are left uninitialised (trivial types):
    /// the numeric pass writes every row of a column it keeps, and failed columns are never read.
    init(width: Int, rows: Int) {
        values = (0..<width).map { _ in UnsafeMutablePointer<Double>.allocate(capacity: rows) }
        missing = (0..<width).map { _ in UnsafeMutablePointer<Bool>.allocate(capacity: rows) }
    }

    deinit {
        for buffer in values { buffer.deallocate() }
        for buffer in missing { buffer.deallocate() }
    }
}

/// The file's bytes handed to the column workers; they only read them, and the caller keeps the
/// buffer alive until `Parallel.map` returns.
struct SharedBytes: @unchecked Sendable {
    /// The whole file.
    let buffer: UnsafeBufferPointer<UInt8>
}

extension String {
    /// The text with every `""` replaced by `"`.
    func replacingDoubledQuotes() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousWasQuote = false
        for c in unicodeScalars {
            if c == "\"" {
                if previousWasQuote { previousWasQuote = false; continue }
                previousWasQuote = true
            } else {
                previousWasQuote = false
            }
            out.unicodeScalars.append(c)
        }
        return out
    }
}

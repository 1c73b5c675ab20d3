import MLCore

/// Turns tokenized fields into columns: numbers parsed from bytes, text decoded and validated once.
enum CSVColumnBuilder {
    /// Whether fields are missing, compared on bytes (see `CSVDialect.missingMarkers`).
    struct MissingMatcher {
        /// The markers as bytes.
        let markers: [[UInt8]]
        /// The longest marker, to skip the comparison for longer fields.
        let longest: Int

        /// A matcher for `dialect`'s markers.
        init(_ dialect: CSVDialect) {
            markers = dialect.missingMarkers.map { Array($0.utf8) }
            longest = markers.map(\.count).max() ?? -1
        }

        /// True when field `k` is missing: a quoted empty field, or an unquoted one whose trimmed
        /// bytes equal a marker.
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
        let start = tokens.starts[k]
        let rawEnd = tokens.ends[k]
        let end = rawEnd & CSVTokens.offsetMask
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard let text = String(validating: slice, as: UTF8.self) else {
            let bad = start + UTF8Validation.firstInvalidOffset(slice)
            let location = CSVTokenizer.locate(bad, in: bytes, from: begin)
            throw CSVError(file: file, line: location.line, column: location.column, field: fieldIndex + 1, kind: .invalidUTF8)
        }
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
        // Columns are independent: typed in parallel, each result in its own slot, so the table
        // (and the first error, by column order) never depends on the thread count.
        let shared = SharedBytes(buffer: bytes)
        let results = Parallel.map(parsed.header.count) { j -> Result<Column, CSVError> in
            let bytes = shared.buffer
            if let numeric = numericColumn(j, parsed: parsed, bytes: bytes, matcher: matcher) {
                return .success(Column(name: parsed.header[j], data: numeric))
            }
            do {
                let cells = try textCells(column: j, parsed: parsed, bytes: bytes, matcher: matcher)
                return .success(SchemaInference.textColumn(named: parsed.header[j], cells: cells, options: options))
            } catch let error as CSVError {
                return .failure(error)
            } catch {
                return .failure(CSVError(file: parsed.file, kind: .unreadable("\(error)")))
            }
        }
        let columns = try results.map { try $0.get() }
        do {
            return try DataTable(columns: columns)
        } catch {
            throw CSVError(file: parsed.file, kind: .invalidDialect("\(error)"))
        }
    }

    /// Column `j` as numbers, or `nil` as soon as one present cell is not a finite number.
    /// A column with no present cell is numeric (all NaN), as in pandas.
    static func numericColumn(_ j: Int, parsed: ParsedCSV, bytes: UnsafeBufferPointer<UInt8>,
                              matcher: MissingMatcher) -> ColumnData? {
        let rows = parsed.rowCount
        let width = parsed.tokens.fieldsPerRecord
        guard let p = bytes.baseAddress else {
            return rows == 0 ? .numeric(values: [], missing: []) : nil
        }
        var missing = [Bool](repeating: false, count: rows)
        var failed = false
        let values = [Double](unsafeUninitializedCapacity: rows) { buffer, initialized in
            let starts = parsed.tokens.starts
            let ends = parsed.tokens.ends
            missing.withUnsafeMutableBufferPointer { miss in
                var k = parsed.firstDataRecord &* width &+ j
                for r in 0..<rows {
                    let s = starts[k]
                    let e = ends[k]
                    k &+= width
                    if matcher.isMissing(p, start: s, end: e) {
                        buffer[r] = .nan
                        miss[r] = true
                    } else if let v = NumberParser.parse(p, s, e & CSVTokens.offsetMask), v.isFinite {
                        buffer[r] = v
                    } else {
                        failed = true
                        break
                    }
                }
            }
            // Fill the rest so the buffer is fully initialized even on failure.
            if failed { for r in 0..<rows { buffer[r] = 0 } }
            initialized = rows
        }
        return failed ? nil : .numeric(values: values, missing: missing)
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
            if matcher.isMissing(p, start: parsed.tokens.starts[k], end: parsed.tokens.ends[k]) {
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

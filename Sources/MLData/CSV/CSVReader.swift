import Foundation

/// Reads CSV files into typed `DataTable`s: strict RFC 4180, bytes parsed in place, types inferred.
///
///     let (table, schema) = try CSVReader.read(at: URL(fileURLWithPath: "titanic.csv"))
///     let raw = try CSVReader.readRaw(text: "a;b\n1;x\n")   // delimiter detected
///
/// The file is memory-mapped and parsed as bytes in one pass; numbers are converted straight from
/// bytes. Wrong input never traps: every problem throws a `CSVError` naming the file, the line and,
/// when one position is to blame, the character column and field.
///
/// Syntax accepted (RFC 4180, strict): fields separated by the delimiter; records ending in LF,
/// CRLF or a lone CR; a field starting with `"` is quoted and may hold delimiters, line breaks and
/// doubled quotes; nothing but a delimiter or a line break may follow its closing quote (not even
/// spaces); a `"` inside an unquoted field is an error; a UTF-8 byte-order mark is skipped; blank
/// lines are skipped anywhere (as pandas does), so trailing empty lines are fine; the last record
/// may lack its line break; every record must have as many fields as the first.
///
/// Header rules: an empty header name is replaced by `Unnamed: <0-based column index>` (as pandas
/// does); two identical names are an error naming both column numbers. Without a header row
/// (`CSVDialect.hasHeader == false`) columns are named `column_1`, `column_2`, …
///
/// Cells: unquoted cells are compared with `CSVDialect.missingMarkers` after trimming spaces and
/// tabs; numbers may be quoted and surrounded by blanks; text cells keep their exact content.
public enum CSVReader {
    /// Reads and types a CSV file, returning the table and its inferred schema.
    /// - Throws: `CSVError` for unreadable or malformed files.
    /// - Complexity: O(file size).
    public static func read(at url: URL, dialect: CSVDialect = CSVDialect(),
                            options: SchemaInference.Options = SchemaInference.Options()) throws -> (table: DataTable, schema: Schema) {
        let file = url.lastPathComponent
        return try withMappedFile(url) { bytes in
            try read(bytes: bytes, name: file, dialect: dialect, options: options)
        }
    }

    /// Reads and types CSV text held in memory; `name` stands for the file name in errors.
    /// - Throws: `CSVError` for malformed text.
    public static func read(text: String, name: String = "<string>", dialect: CSVDialect = CSVDialect(),
                            options: SchemaInference.Options = SchemaInference.Options()) throws -> (table: DataTable, schema: Schema) {
        var text = text
        return try text.withUTF8 { bytes in
            try read(bytes: bytes, name: name, dialect: dialect, options: options)
        }
    }

    /// Reads and types CSV bytes (possibly invalid UTF-8); `name` stands for the file name in errors.
    static func read(bytes: UnsafeBufferPointer<UInt8>, name: String, dialect: CSVDialect,
                     options: SchemaInference.Options) throws -> (table: DataTable, schema: Schema) {
        let parsed = try parse(bytes, file: name, dialect: dialect)
        let table = try CSVColumnBuilder.table(from: parsed, bytes: bytes, dialect: dialect, options: options)
        return (table, Schema(of: table, options: options))
    }

    /// Reads and types a CSV file.
    /// - Throws: `CSVError` for unreadable or malformed files.
    ///
    /// Unlike `read(at:)`, it skips describing the columns (distinct counts), so it is the faster
    /// call when the schema is not needed.
    public static func readTable(at url: URL, dialect: CSVDialect = CSVDialect(),
                                 options: SchemaInference.Options = SchemaInference.Options()) throws -> DataTable {
        let file = url.lastPathComponent
        return try withMappedFile(url) { bytes in
            let parsed = try parse(bytes, file: file, dialect: dialect)
            return try CSVColumnBuilder.table(from: parsed, bytes: bytes, dialect: dialect, options: options)
        }
    }

    /// Reads and types CSV text held in memory; `name` stands for the file name in errors.
    /// - Throws: `CSVError` for malformed text.
    public static func readTable(text: String, name: String = "<string>", dialect: CSVDialect = CSVDialect(),
                                 options: SchemaInference.Options = SchemaInference.Options()) throws -> DataTable {
        var text = text
        return try text.withUTF8 { bytes in
            let parsed = try parse(bytes, file: name, dialect: dialect)
            return try CSVColumnBuilder.table(from: parsed, bytes: bytes, dialect: dialect, options: options)
        }
    }

    /// Splits a CSV file into header and text cells without typing them.
    /// - Throws: `CSVError` for unreadable or malformed files.
    public static func readRaw(at url: URL, dialect: CSVDialect = CSVDialect()) throws -> RawTable {
        let file = url.lastPathComponent
        return try withMappedFile(url) { bytes in
            try CSVColumnBuilder.raw(from: try parse(bytes, file: file, dialect: dialect), bytes: bytes, dialect: dialect)
        }
    }

    /// Splits CSV text into header and text cells without typing them.
    /// - Throws: `CSVError` for malformed text.
    public static func readRaw(text: String, name: String = "<string>", dialect: CSVDialect = CSVDialect()) throws -> RawTable {
        var text = text
        return try text.withUTF8 { bytes in
            try CSVColumnBuilder.raw(from: try parse(bytes, file: name, dialect: dialect), bytes: bytes, dialect: dialect)
        }
    }

    /// The delimiter `CSVDialect(delimiter: nil)` would pick for `bytes` (see `CSVDialect.delimiter`).
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>, file: String, sampleRecords: Int = 20) -> UInt8 {
        let begin = CSVTokenizer.contentStart(bytes)
        var best: UInt8 = UInt8(ascii: ",")
        var bestCount = 1
        for candidate in CSVDialect.detectableDelimiters {
            let d = candidate.utf8.first ?? UInt8(ascii: ",")
            let tokenizer = CSVTokenizer(bytes: bytes, begin: begin, delimiter: d, file: file)
            guard let counts = tokenizer.probeFieldCounts(maxRecords: sampleRecords),
                  let first = counts.first, counts.allSatisfy({ $0 == first }) else { continue }
            if first > bestCount {
                best = d
                bestCount = first
            }
        }
        return best
    }

    /// Tokenizes `bytes` and decodes the header.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, dialect: CSVDialect) throws -> ParsedCSV {
        let delimiter = try dialect.delimiterByte(file: file) ?? detectDelimiter(bytes, file: file)
        let begin = CSVTokenizer.contentStart(bytes)
        let tokenizer = CSVTokenizer(bytes: bytes, begin: begin, delimiter: delimiter, file: file)
        let tokens = try tokenizer.tokenize()
        guard tokens.recordCount > 0 else { throw CSVError(file: file, line: 1, kind: .empty) }
        let width = tokens.fieldsPerRecord
        var header: [String] = []
        header.reserveCapacity(width)
        if dialect.hasHeader {
            var seen: [String: Int] = [:]
            for j in 0..<width {
                var name = try CSVColumnBuilder.decode(field: j, tokens: tokens, bytes: bytes, begin: begin, file: file, fieldIndex: j)
                if name.isEmpty { name = "Unnamed: \(j)" }
                if let earlier = seen[name] {
                    throw CSVError(file: file, line: tokens.recordLines[0], field: j + 1,
                                   kind: .duplicateHeader(name: name, first: earlier + 1, second: j + 1))
                }
                seen[name] = j
                header.append(name)
            }
        } else {
            header = (0..<width).map { "column_\($0 + 1)" }
        }
        return ParsedCSV(file: file, begin: begin, delimiter: delimiter, tokens: tokens, header: header,
                         firstDataRecord: dialect.hasHeader ? 1 : 0)
    }

    /// Maps the file and runs `body` on its bytes.
    static func withMappedFile<T>(_ url: URL, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        let file = url.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CSVError(file: url.path, kind: .fileNotFound)
        }
        if isDirectory.boolValue { throw CSVError(file: url.path, kind: .unreadable("it is a directory")) }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw CSVError(file: file, kind: .unreadable(error.localizedDescription))
        }
        return try data.withUnsafeBytes { raw in
            try body(raw.bindMemory(to: UInt8.self))
        }
    }
}

/// The tokenizer's output plus the decoded header: what the column builders start from.
struct ParsedCSV {
    /// File name for errors.
    let file: String
    /// First byte after the byte-order mark.
    let begin: Int
    /// The delimiter used.
    let delimiter: UInt8
    /// Field ranges.
    let tokens: CSVTokens
    /// Column names.
    let header: [String]
    /// Index of the first data record (1 with a header row).
    let firstDataRecord: Int

    /// Number of data rows.
    var rowCount: Int { tokens.recordCount - firstDataRecord }
}

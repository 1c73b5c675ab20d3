import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes RFC 4180 CSV that `CSVReader` reads back to the same cells (types are inferred again on
/// reading, so a text column of digits comes back numeric).
///
/// A field is quoted when it holds the delimiter, a quote, CR or LF, starts or ends with a space or
/// tab, is empty, or equals one of `CSVDialect.defaultMissingMarkers` (so the text `NA` stays text);
/// quotes inside are doubled. Missing cells are written as empty unquoted fields. Records end with
/// LF. Files are written atomically: a temporary file in the same folder, then a rename.
///
///     try CSVWriter.write(predictions, to: URL(fileURLWithPath: "predictions.csv"))
public enum CSVWriter {
    /// The CSV text of `table`: a header row, then one row per table row. Numbers use
    /// `Column.format` (shortest text that reads back as the same `Double`).
    public static func string(from table: DataTable, delimiter: Character = ",") -> String {
        String(decoding: bytes(from: table, delimiter: delimiter), as: UTF8.self)
    }

    /// The CSV text of a header and rows of cells (`nil` = missing).
    public static func string(header: [String], rows: [[String?]], delimiter: Character = ",") -> String {
        String(decoding: bytes(header: header, rows: rows, delimiter: delimiter), as: UTF8.self)
    }

    /// Writes `table` to `url` atomically.
    /// - Throws: `CSVError` (`unwritable`, `invalidDialect` for a bad delimiter).
    public static func write(_ table: DataTable, to url: URL, delimiter: Character = ",") throws {
        try checkDelimiter(delimiter, file: url.lastPathComponent)
        try writeAtomically(bytes(from: table, delimiter: delimiter), to: url)
    }

    /// Writes a header and rows of cells (`nil` = missing) to `url` atomically.
    /// - Throws: `CSVError` (`unwritable`, `invalidDialect` for a bad delimiter).
    public static func write(header: [String], rows: [[String?]], to url: URL, delimiter: Character = ",") throws {
        try checkDelimiter(delimiter, file: url.lastPathComponent)
        try writeAtomically(bytes(header: header, rows: rows, delimiter: delimiter), to: url)
    }

    /// One field as it must appear in the file (quoted when needed).
    public static func escape(_ field: String, delimiter: Character = ",") -> String {
        var out: [UInt8] = []
        append(field, to: &out, delimiter: delimiterByte(delimiter))
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Implementation

    static func delimiterByte(_ delimiter: Character) -> UInt8 {
        delimiter.asciiValue ?? UInt8(ascii: ",")
    }

    static func checkDelimiter(_ delimiter: Character, file: String) throws {
        guard let a = delimiter.asciiValue, a != UInt8(ascii: "\""), a != 10, a != 13 else {
            throw CSVError(file: file, kind: .invalidDialect("delimiter must be one ASCII character other than a quote, CR or LF; got \(String(delimiter).debugDescription)"))
        }
    }

    static func bytes(from table: DataTable, delimiter: Character) -> [UInt8] {
        let d = delimiterByte(delimiter)
        var out: [UInt8] = []
        out.reserveCapacity(64 + table.rowCount * max(1, table.columnCount) * 8)
        appendRecord(table.columnNames.map { Optional($0) }, to: &out, delimiter: d)
        for i in 0..<table.rowCount {
            for (j, column) in table.columns.enumerated() {
                if j > 0 { out.append(d) }
                if column.isMissing(i) {
                    // A lone missing cell would be a blank line, which readers skip: quote it.
                    if table.columnCount == 1 { out.append(contentsOf: [34, 34]) }
                    continue
                }
                if case let .numeric(values, _) = column.data {
                    out.append(contentsOf: Column.format(values[i]).utf8)
                } else {
                    append(column.string(at: i), to: &out, delimiter: d)
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    static func bytes(header: [String], rows: [[String?]], delimiter: Character) -> [UInt8] {
        let d = delimiterByte(delimiter)
        var out: [UInt8] = []
        appendRecord(header.map { Optional($0) }, to: &out, delimiter: d)
        for row in rows { appendRecord(row, to: &out, delimiter: d) }
        return out
    }

    static func appendRecord(_ cells: [String?], to out: inout [UInt8], delimiter d: UInt8) {
        for (j, cell) in cells.enumerated() {
            if j > 0 { out.append(d) }
            if let cell { append(cell, to: &out, delimiter: d) }
        }
        // A record of one missing cell would be a blank line, which readers skip: quote it.
        if cells.count == 1, cells[0] == nil { out.append(contentsOf: [34, 34]) }
        out.append(UInt8(ascii: "\n"))
    }

    static func append(_ field: String, to out: inout [UInt8], delimiter d: UInt8) {
        let utf8 = field.utf8
        var needsQuotes = utf8.isEmpty || CSVDialect.defaultMissingMarkers.contains(field)
        if !needsQuotes, let first = utf8.first, let last = utf8.last {
            needsQuotes = NumberParser.isBlank(first) || NumberParser.isBlank(last)
        }
        if !needsQuotes {
            for c in utf8 where c == d || c == 34 || c == 10 || c == 13 { needsQuotes = true; break }
        }
        guard needsQuotes else { out.append(contentsOf: utf8); return }
        out.append(34)
        for c in utf8 {
            out.append(c)
            if c == 34 { out.append(34) }
        }
        out.append(34)
    }

    /// Writes `bytes` to a temporary file beside `url`, then renames it over `url`.
    static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let file = url.lastPathComponent
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(file).\(getpid()).tmp")
        do {
            try Data(bytes).write(to: temporary)
        } catch {
            throw CSVError(file: file, kind: .unwritable(error.localizedDescription))
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CSVError(file: file, kind: .unwritable(reason))
        }
    }
}

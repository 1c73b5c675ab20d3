/// A CSV file that cannot be read, with where and why.
///
/// `description` reads like a compiler message: file name, 1-based physical line, then the 1-based
/// character column when one position is to blame, then what is wrong and which field:
///
///     titanic.csv:17: row has 11 fields, expected 12 (ragged row)
///     data.csv:3:7: field 2: quote inside an unquoted field (quote the whole field and double inner quotes)
public struct CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// The file does not exist.
        case fileNotFound
        /// The file exists but could not be read (a folder, no permission…); the system's reason.
        case unreadable(String)
        /// No header row: the file is empty or holds only blank lines.
        case empty
        /// A row whose field count differs from the header's.
        case raggedRow(found: Int, expected: Int)
        /// A quoted field that is never closed; `line` is where its quote opened.
        case unterminatedQuote
        /// A `"` in the middle of a field that did not start with a quote.
        case quoteInUnquotedField
        /// Characters between a closing quote and the next delimiter or line end.
        case textAfterClosingQuote
        /// Two header columns with the same name (1-based column numbers).
        case duplicateHeader(name: String, first: Int, second: Int)
        /// Bytes that are not valid UTF-8.
        case invalidUTF8
        /// A dialect setting that cannot be used.
        case invalidDialect(String)
        /// The file could not be written; the system's reason.
        case unwritable(String)
    }

    /// The file name (last path component; the full path when the file is not found or is a
    /// directory) or the name given for in-memory text.
    public var file: String
    /// The 1-based physical line, when the error has one.
    public var line: Int?
    /// The 1-based character column on that line, when one position is to blame.
    public var column: Int?
    /// The 1-based field (column) index, when one field is to blame.
    public var field: Int?
    /// What went wrong.
    public var kind: Kind

    /// An error value; the reader fills in the location it knows.
    public init(file: String, line: Int? = nil, column: Int? = nil, field: Int? = nil, kind: Kind) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.kind = kind
    }

    /// `file:line:column: field N: message`, leaving out the parts that are unknown.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        var text = location + ": "
        if let field { text += "field \(field): " }
        return text + message
    }

    /// The message without location.
    public var message: String {
        switch kind {
        case .fileNotFound:
            return "file not found"
        case let .unreadable(reason):
            return "cannot read the file (\(reason))"
        case .empty:
            return "the file is empty: expected a header row"
        case let .raggedRow(found, expected):
            return "row has \(found) field\(found == 1 ? "" : "s"), expected \(expected) (ragged row)"
        case .unterminatedQuote:
            return "quoted field opened here is never closed (unterminated quote)"
        case .quoteInUnquotedField:
            return "quote inside an unquoted field (quote the whole field and double inner quotes)"
        case .textAfterClosingQuote:
            return "text after the closing quote of a quoted field"
        case let .duplicateHeader(name, first, second):
            return "duplicate column name '\(name)' (columns \(first) and \(second))"
        case .invalidUTF8:
            return "invalid UTF-8 byte sequence"
        case let .invalidDialect(reason):
            return "invalid dialect: \(reason)"
        case let .unwritable(reason):
            return "cannot write the file (\(reason))"
        }
    }
}

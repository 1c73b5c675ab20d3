/// How a CSV file is laid out: delimiter, header row and the spellings of a missing value.
///
/// The defaults read what pandas and PyCaret read by default:
///
///     var dialect = CSVDialect()           // detect , ; or tab, header row, usual missing markers
///     dialect.delimiter = ";"               // force a delimiter
///     dialect.missingMarkers.append("-")    // one more spelling of "missing"
public struct CSVDialect: Codable, Sendable, Hashable {
    /// The field delimiter: one ASCII character other than `"`, CR or LF. `nil` (the default) detects
    /// it among `,` `;` and tab: the candidate that splits the first records (outside quotes) into the
    /// same number of fields, more than one, wins; ties go to `,` then `;` then tab; when no candidate
    /// is consistent, `,` is used (and a ragged row is then reported).
    public var delimiter: String?
    /// Whether the first record holds the column names (default `true`). Without a header the
    /// columns are named `column_1`, `column_2`, …
    public var hasHeader: Bool
    /// Unquoted field contents that mean "missing", compared exactly (case-sensitive) after trimming
    /// surrounding spaces and tabs. A quoted empty field (`""`) is always missing; a quoted non-empty
    /// field such as `"NA"` is the text `NA`, never missing.
    public var missingMarkers: [String]

    /// The markers used when none are given: empty field, `NA`, `N/A`, `NaN`, `null`, `?`.
    public static let defaultMissingMarkers: [String] = ["", "NA", "N/A", "NaN", "null", "?"]

    /// The candidates tried, in order of preference, when `delimiter` is `nil`.
    public static let detectableDelimiters: [String] = [",", ";", "\t"]

    /// A dialect; every argument has the documented default.
    public init(delimiter: String? = nil, hasHeader: Bool = true, missingMarkers: [String] = CSVDialect.defaultMissingMarkers) {
        self.delimiter = delimiter
        self.hasHeader = hasHeader
        self.missingMarkers = missingMarkers
    }

    /// The delimiter as one byte, or `nil` when it is to be detected.
    /// - Throws: `CSVError` (`invalidDialect`) when it is not a single ASCII character other than `"`, CR, LF.
    func delimiterByte(file: String) throws -> UInt8? {
        guard let d = delimiter else { return nil }
        let bytes = Array(d.utf8)
        guard bytes.count == 1, bytes[0] < 0x80, bytes[0] != UInt8(ascii: "\""),
              bytes[0] != UInt8(ascii: "\n"), bytes[0] != UInt8(ascii: "\r") else {
            throw CSVError(file: file, kind: .invalidDialect("delimiter must be one ASCII character other than a quote, CR or LF; got \(d.debugDescription)"))
        }
        return bytes[0]
    }
}

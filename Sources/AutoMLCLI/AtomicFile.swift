import AutoSwiftML
import Foundation

/// Text output files of the commands, written atomically through `AtomicFileWriter` (a temporary
/// file in the same folder, then `rename(2)` over the destination, existing or not).
enum AtomicFile {
    /// Writes `text` to `url` atomically.
    /// - Throws: an error naming the file when it cannot be written.
    static func write(_ text: String, to url: URL) throws {
        try AtomicFileWriter.write(Data(text.utf8), to: url)
    }
}

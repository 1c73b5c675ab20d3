import ArgumentParser
import Foundation

/// A duration argument: a number of seconds with an optional `s`, `m` or `h` suffix ("90", "60s",
/// "5m", "1.5h"); must be positive.
struct DurationArgument: ExpressibleByArgument, Equatable {
    /// The duration in seconds.
    let seconds: Double

    init(seconds: Double) { self.seconds = seconds }

    init?(argument: String) {
        var text = argument.trimmingCharacters(in: .whitespaces).lowercased()
        var scale = 1.0
        if let last = text.last, let s = ["s": 1.0, "m": 60.0, "h": 3600.0][String(last)] {
            scale = s
            text.removeLast()
        }
        guard let value = Double(text), value.isFinite, value > 0 else { return nil }
        seconds = value * scale
    }

    var defaultValueDescription: String { "\(seconds)s" }
}

import MLCore
import MLModels

extension Leaderboard {
    /// The leaderboard as PyCaret prints it: a "Model" column (display names), one column per
    /// metric (means rounded to `decimals`), then "TT (Sec)" (mean fit seconds, 2 decimals).
    ///
    ///     let t = board.table()
    ///     print(t.headers.joined(separator: "  "))        // Model  Accuracy  AUC  …  TT (Sec)
    /// - Parameters:
    ///   - includingTimings: `false` leaves out "TT (Sec)" (for byte-identical output).
    ///   - missing: the text for a value that is undefined or unavailable (a failed model, AUC of a
    ///     model without probabilities).
    /// - Returns: headers, and one row of cells per leaderboard row (model IDs in `ids`, same order).
    public func table(decimals: Int = 4, includingTimings: Bool = true,
                      missing: String = "-") -> (headers: [String], ids: [String], rows: [[String]]) {
        var headers = ["Model"] + metrics.map(\.displayName)
        if includingTimings { headers.append("TT (Sec)") }
        let cells = rows.map { row -> [String] in
            var line = [row.displayName]
            for metric in metrics { line.append(row.mean(metric).map { Leaderboard.format($0, decimals: decimals) } ?? missing) }
            if includingTimings { line.append(row.fitSeconds.map { Leaderboard.format($0, decimals: 2) } ?? missing) }
            return line
        }
        return (headers, rows.map(\.modelID), cells)
    }

    /// `x` with exactly `decimals` digits after the point, rounded half away from zero
    /// (locale-independent).
    public static func format(_ x: Double, decimals: Int) -> String {
        guard x.isFinite else { return "\(x)" }
        let d = max(0, min(decimals, 12))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = (scaled / scale).rounded(.down)
        let fraction = Int((scaled - whole * scale).rounded())
        let sign = x < 0 && scaled > 0 ? "-" : ""
        if d == 0 { return sign + String(Int64(whole)) }
        let digits = String(fraction)
        return sign + String(Int64(whole)) + "." + String(repeating: "0", count: d - digits.count) + digits
    }
}

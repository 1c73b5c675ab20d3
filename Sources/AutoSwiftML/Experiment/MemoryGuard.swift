import MLCore
import MLData
import MLModels
#if canImport(Glibc)
import Glibc
#endif

/// The memory `compare` expects to need, estimated before anything is fitted, and what it changed
/// to stay under the limit.
public struct MemoryEstimate: Sendable {
    /// The estimated encoded feature count (one-hot columns count their levels).
    public let featureCount: Int
    /// rows × features × 8 bytes × (prepared folds + 2): the dense matrices alive at once.
    public let bytes: Int
    /// The categorical columns that would be one-hot encoded, with their level counts, widest first.
    public let oneHotColumns: [(name: String, levels: Int)]
}

/// The memory guard of `compare`: estimates the one-hot width and dense matrix bytes before fitting.
public enum MemoryGuard {
    /// Half of the physical memory (from `sysconf`), the default limit.
    public static var defaultLimitBytes: Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return Int.max }
        let (total, overflow) = pages.multipliedReportingOverflow(by: size)
        return overflow ? Int.max : total / 2
    }

    /// The estimate for `table` (features only) under `preprocessing`, with `matrixCount` dense
    /// matrices of its rows alive at once.
    /// - Complexity: O(rows × categorical columns).
    public static func estimate(table: DataTable, preprocessing: PreprocessingConfig, classCount: Int,
                                matrixCount: Int) -> MemoryEstimate {
        let ignored = Set(preprocessing.ignoredColumns)
        var width = 0
        var oneHot: [(name: String, levels: Int)] = []
        for column in table.columns where !ignored.contains(column.name) {
            switch column.data {
            case let .categorical(codes, _):
                var present = Set<Int32>()
                var missing = false
                for c in codes { if c >= 0 { present.insert(c) } else { missing = true } }
                let levels = present.count + (missing && preprocessing.categoricalImputation == .missingLevel ? 1 : 0)
                if levels <= 2 {
                    width += 1
                } else if levels <= preprocessing.maxOneHotLevels {
                    width += levels
                    oneHot.append((column.name, levels))
                } else {
                    width += classCount > 2 ? classCount : 1
                }
            case .text:
                break                                    // free text is dropped
            case .numeric, .boolean:
                width += 1
            }
        }
        oneHot.sort { $0.levels != $1.levels ? $0.levels > $1.levels : $0.name < $1.name }
        let (cells, o1) = table.rowCount.multipliedReportingOverflow(by: max(1, width))
        let (bytes, o2) = cells.multipliedReportingOverflow(by: 8 * max(1, matrixCount))
        return MemoryEstimate(featureCount: width, bytes: o1 || o2 ? Int.max : bytes, oneHotColumns: oneHot)
    }

    /// `preprocessing` with `maxOneHotLevels` lowered (widest categoricals switched to target
    /// encoding) until the estimate fits `limitBytes`, and a note when it changed anything.
    /// - Throws: `MLError.invalidInput` naming the widest columns and the estimate when even target
    ///   encoding every categorical does not fit.
    public static func fit(table: DataTable, preprocessing: PreprocessingConfig, classCount: Int, matrixCount: Int,
                           limitBytes: Int) throws -> (preprocessing: PreprocessingConfig, note: String?) {
        var config = preprocessing
        var estimate = Self.estimate(table: table, preprocessing: config, classCount: classCount, matrixCount: matrixCount)
        let original = estimate
        var switched: [String] = []
        while estimate.bytes > limitBytes, let widest = estimate.oneHotColumns.first, widest.levels > 2 {
            config.maxOneHotLevels = max(2, widest.levels - 1)
            switched += estimate.oneHotColumns.filter { $0.levels == widest.levels }.map(\.name)
            estimate = Self.estimate(table: table, preprocessing: config, classCount: classCount, matrixCount: matrixCount)
        }
        guard estimate.bytes <= limitBytes else {
            let widest = original.oneHotColumns.prefix(5).map { "'\($0.name)' (\($0.levels) levels)" }
            let columns = widest.isEmpty ? "" : " The widest one-hot columns: \(widest.joined(separator: ", "))."
            throw MLError.invalidInput("The feature matrices would need about \(megabytes(estimate.bytes)) (\(table.rowCount) rows × \(estimate.featureCount) features × \(matrixCount) copies), over the memory limit of \(megabytes(limitBytes)).\(columns) Drop columns, use fewer rows or folds, or raise the limit.")
        }
        guard !switched.isEmpty else { return (config, nil) }
        let note = "Memory guard: about \(megabytes(original.bytes)) needed, over the limit of \(megabytes(limitBytes)); maxOneHotLevels lowered from \(preprocessing.maxOneHotLevels) to \(config.maxOneHotLevels), so \(switched.joined(separator: ", ")) \(switched.count == 1 ? "is" : "are") target encoded (now about \(megabytes(estimate.bytes)))."
        return (config, note)
    }

    /// "12.3 MB".
    static func megabytes(_ bytes: Int) -> String {
        "\(Leaderboard.format(Double(bytes) / 1_000_000, decimals: 1)) MB"
    }
}

/// Everything the data checks found, in a fixed order (table-level findings first, then columns in
/// table order), so the same table and seed always give the same report.
public struct DataCheckReport: Codable, Hashable, Sendable {
    /// The findings, in the order the checks produced them.
    public var warnings: [DataWarning]

    /// A report holding `warnings`.
    public init(warnings: [DataWarning] = []) {
        self.warnings = warnings
    }

    /// True when some finding has `error` severity.
    public var hasErrors: Bool { warnings.contains { $0.severity == .error } }

    /// True when nothing was found.
    public var isEmpty: Bool { warnings.isEmpty }

    /// The findings of one kind, in report order.
    public func warnings(of kind: DataWarning.Kind) -> [DataWarning] {
        warnings.filter { $0.kind == kind }
    }

    /// The columns named by findings of one kind, in report order.
    public func columns(flaggedAs kind: DataWarning.Kind) -> [String] {
        warnings.compactMap { $0.kind == kind ? $0.column : nil }
    }

    /// Appends findings (for example those of `DataChecks.afterTraining`).
    public mutating func append(contentsOf more: [DataWarning]) {
        warnings.append(contentsOf: more)
    }

    /// One line per finding, most severe first (stable within a severity), each starting with
    /// `ERROR:`, `WARNING:` or `NOTE:`, followed by its hint when there is one:
    ///
    ///     WARNING: Column 'Sex' alone predicts 'Survived' with cross-validated AUC 1.000 … (hint: --drop Sex)
    /// - Complexity: O(w log w) for w findings.
    public var renderedLines: [String] {
        let order = warnings.indices.sorted {
            let a = warnings[$0].severity, b = warnings[$1].severity
            return a != b ? a > b : $0 < $1
        }
        return order.map { i in
            let w = warnings[i]
            guard let hint = w.hint else { return w.renderedLine }
            return "\(w.renderedLine) (hint: \(hint))"
        }
    }

    /// `renderedLines` joined by newlines (empty when nothing was found).
    public var rendered: String { renderedLines.joined(separator: "\n") }
}

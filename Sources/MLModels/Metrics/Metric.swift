import MLCore

/// A leaderboard metric, named as PyCaret names its columns.
public enum Metric: String, CaseIterable, Codable, Sendable, Hashable {
    case accuracy, auc, recall, precision, f1, kappa, mcc, logLoss
    case mae, mse, rmse, r2, rmsle, mape

    /// The column header PyCaret uses ("Prec.", "AUC", …).
    public var displayName: String {
        switch self {
        case .accuracy: return "Accuracy"
        case .auc: return "AUC"
        case .recall: return "Recall"
        case .precision: return "Prec."
        case .f1: return "F1"
        case .kappa: return "Kappa"
        case .mcc: return "MCC"
        case .logLoss: return "Log Loss"
        case .mae: return "MAE"
        case .mse: return "MSE"
        case .rmse: return "RMSE"
        case .r2: return "R2"
        case .rmsle: return "RMSLE"
        case .mape: return "MAPE"
        }
    }

    /// Classification or regression.
    public var kind: ProblemKind {
        switch self {
        case .accuracy, .auc, .recall, .precision, .f1, .kappa, .mcc, .logLoss: return .classification
        default: return .regression
        }
    }

    /// True when a larger value is better.
    public var higherIsBetter: Bool {
        switch self {
        case .logLoss, .mae, .mse, .rmse, .rmsle, .mape: return false
        default: return true
        }
    }

    /// True when the metric needs predicted probabilities.
    public var needsProbabilities: Bool { self == .auc || self == .logLoss }

    /// The leaderboard columns for a problem kind, in PyCaret's order.
    public static func leaderboardMetrics(for kind: ProblemKind) -> [Metric] {
        switch kind {
        case .classification: return [.accuracy, .auc, .recall, .precision, .f1, .kappa, .mcc]
        case .regression: return [.mae, .mse, .rmse, .r2, .rmsle, .mape]
        }
    }

    /// Looks a metric up by its raw value or display name, ignoring case ("auc", "Prec.", "R2").
    public init?(name: String) {
        let n = name.lowercased()
        guard let m = Metric.allCases.first(where: {
            $0.rawValue.lowercased() == n || $0.displayName.lowercased() == n
                || String($0.displayName.lowercased().filter { $0 != "." }) == n
        }) else { return nil }
        self = m
    }
}

/// The activation of an MLP's hidden layers (scikit-learn's `activation`).
public enum MLPActivation: String, Codable, Sendable, Hashable, CaseIterable {
    /// `max(0, z)`, the default.
    case relu
    /// `tanh(z)`.
    case tanh
    /// `1 / (1 + e^{−z})`.
    case logistic
    /// `z`.
    case identity
}

/// The output layer of an MLP: what it computes and which loss it minimises.
enum MLPOutput: String, Codable, Sendable, Hashable {
    /// Identity output, squared loss (regression).
    case identity
    /// One logistic unit, binary log-loss (two classes).
    case logistic
    /// Softmax over the classes, log-loss (three or more classes).
    case softmax
}

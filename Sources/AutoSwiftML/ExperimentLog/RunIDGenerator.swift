import MLCore

/// Makes MLflow run IDs: 32 lower-case hex digits, like `uuid.uuid4().hex`.
///
/// The digits come from a `RandomStream` on the path (seed, "mlflow-run-ids", clock, process ID),
/// never from the system generator. Run IDs are identifiers, not results: the clock and the process
/// ID only keep two runs of the same command apart, and no metric, parameter or model depends on
/// them. A clash with an existing run folder is caught when the folder is claimed
/// (`MLflowFileStore.reserveRun`), and the next ID is taken.
public struct RunIDGenerator: Sendable {
    private var stream: RandomStream

    /// A generator for an experiment `seed`, a wall-clock reading in nanoseconds and a process ID.
    public init(seed: UInt64, clockNanoseconds: UInt64, processID: Int32) {
        stream = RandomStream(seed: seed).split("mlflow-run-ids").split(clockNanoseconds)
            .split(UInt64(UInt32(bitPattern: processID)))
    }

    /// The next run ID.
    public mutating func next() -> String {
        hex16(stream.next()) + hex16(stream.next())
    }

    /// `x` as 16 lower-case hex digits.
    private func hex16(_ x: UInt64) -> String {
        let digits = String(x, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

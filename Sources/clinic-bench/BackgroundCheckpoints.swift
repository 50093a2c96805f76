import ClinicCore

/// Runs a checkpointer in the background for as long as this object lives,
/// as the service group of the terminals and `serve` does (the benchmarks are
/// synchronous programs without a group).
final class BackgroundCheckpoints {
    private let task: Task<Void, any Error>?

    /// Starts `checkpointer` (nothing when nil).
    init(_ checkpointer: WALCheckpointer?) {
        task = checkpointer.map { checkpointer in Task.detached { try await checkpointer.run() } }
    }

    deinit { task?.cancel() }
}

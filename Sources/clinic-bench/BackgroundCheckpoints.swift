import ClinicCore
import Dispatch

/// Runs a checkpointer in the background for as long as this object lives,
/// as the service group of the terminals and `serve` does (the benchmarks are
/// synchronous programs without a group).
final class BackgroundCheckpoints {
    private let task: Task<Void, Never>?
    private let finished = DispatchSemaphore(value: 0)

    /// Starts `checkpointer` (nothing when nil).
    init(_ checkpointer: WALCheckpointer?) {
        let finished = finished
        task = checkpointer.map { checkpointer in
            Task.detached {
                _ = try? await checkpointer.run()
                finished.signal()
            }
        }
    }

    /// Stops the checkpointer and waits until it has closed its connection: the
    /// next round deletes and recreates the same files, and a checkpoint still
    /// running on the old ones made its first statement fail ("disk I/O error").
    deinit {
        guard let task else { return }
        task.cancel()
        finished.wait()
    }
}

import Foundation
import ServiceLifecycle
import Synchronization

extension ServiceGroup {
    /// Runs the group from a synchronous command (ArgumentParser calls
    /// `run()` on the main thread): the services run on the cooperative pool
    /// while this thread waits, and the group's error, if any, is thrown here.
    /// A long-running `clinic` process ignores SIGPIPE (a client that hangs
    /// up must not kill it).
    nonisolated func runBlocking() throws {
        signal(SIGPIPE, SIG_IGN)
        let outcome = GroupOutcome()
        Task.detached {
            do { try await self.run() } catch { outcome.error.withLock { $0 = error } }
            outcome.done.signal()
        }
        outcome.done.wait()
        if let error = outcome.error.withLock({ $0 }) { throw error }
    }
}

/// How a group run from a synchronous command ended.
private final class GroupOutcome: Sendable {
    let done = DispatchSemaphore(value: 0)
    let error = Mutex<(any Error)?>(nil)
}

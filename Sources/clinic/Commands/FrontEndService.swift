import Foundation
import ServiceLifecycle
import Synchronization

/// A curses front end as a service of its process's group. Its loop blocks
/// on the terminal (getch), so it runs on a thread of its own, never on the
/// cooperative pool. Graceful shutdown (SIGTERM, SIGHUP) asks the loop to
/// end, which restores the terminal; when the person quits, `run()` returns
/// and the group shuts the other services down gracefully (scheduler lease
/// given back, requests answered).
final class FrontEndService: Service, Sendable {
    /// Runs on the service's task before the loop starts (waits for the listener).
    private let prelude: @Sendable () async -> Void
    /// The loop: runs until the person quits or `stopRequested()` says so; returns the exit status.
    private let loop: @Sendable (_ stopRequested: @escaping @Sendable () -> Bool) throws -> Int32
    private let stopping = Atomic<Bool>(false)
    private let exitStatus = Atomic<Int32>(0)

    init(
        before prelude: @escaping @Sendable () async -> Void = {},
        loop: @escaping @Sendable (_ stopRequested: @escaping @Sendable () -> Bool) throws -> Int32
    ) {
        self.prelude = prelude
        self.loop = loop
    }

    /// The loop's exit status once `run()` has returned.
    var status: Int32 { exitStatus.load(ordering: .acquiring) }

    /// How the group runs it: its end, or its failure, shuts the others down gracefully.
    var configuration: ServiceGroupConfiguration.ServiceConfiguration {
        .init(
            service: self, successTerminationBehavior: .gracefullyShutdownGroup,
            failureTerminationBehavior: .gracefullyShutdownGroup, serviceName: "terminal")
    }

    func run() async throws {
        await prelude()
        let status = try await withTaskCancellationOrGracefulShutdownHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
                let thread = Thread { [self] in
                    continuation.resume(with: Result { try loop { self.stopping.load(ordering: .acquiring) } })
                }
                thread.name = "clinic-terminal"
                thread.start()
            }
        } onCancelOrGracefulShutdown: { [self] in
            stopping.store(true, ordering: .releasing)
        }
        exitStatus.store(status, ordering: .releasing)
    }
}

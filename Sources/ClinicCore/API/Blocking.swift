import Dispatch

/// Where the store's synchronous calls run. Slow ones (writes that wait for
/// the writer, the password KDF, long lists) go to threads of their own with
/// `run`, so they never hold a thread of Swift's cooperative pool that the
/// listener's other requests need. Reads of a few rows run `inline` on the
/// request's own thread: a hop to another thread and back costs more than
/// they do (the slots route spent 12% less CPU per request inline on the
/// 2-core bench machine; see `scripts/bench-api`).
enum Blocking {
    private static let queue = DispatchQueue(label: "clinic.api.blocking", attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// A read of a few rows (an index lookup, one day of one doctor), on the caller's thread.
    static func inline<T>(_ work: () throws -> T) rethrows -> T { try work() }
}

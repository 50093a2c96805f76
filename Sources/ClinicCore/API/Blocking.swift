import Dispatch

/// Runs the store's synchronous calls (SQLite, the password KDF) on threads
/// of their own, so a slow one never holds a thread of Swift's cooperative
/// pool that the listener's other requests need.
enum Blocking {
    private static let queue = DispatchQueue(label: "clinic.api.blocking", attributes: .concurrent)

    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}

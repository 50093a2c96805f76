import Foundation

/// The store's PostgreSQL connections: up to `size` at once, reused. A write is
/// one SERIALIZABLE transaction, run again when PostgreSQL reports a
/// serialization failure or deadlock, so every check-then-write the rules make
/// holds across processes and machines as SQLite's single writer makes it hold.
/// A connection that broke (a server restart, a failover) is dropped and a new
/// one made from the same URL, whose hosts and `target_session_attrs` find the
/// primary; a transaction that failed before its COMMIT was sent runs again.
final class PostgresPool: @unchecked Sendable {
    let url: String
    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    private let slots: DispatchSemaphore
    static let retries = 40

    init(url: String, size: Int = 16) throws {
        self.url = url
        slots = DispatchSemaphore(value: size)
        idle.append(try PostgresConnection(url))
    }

    func read<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    func write<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL SERIALIZABLE", body)
    }

    /// A READ COMMITTED write, for a queue's claims: the rows it takes are its own
    /// through `FOR UPDATE SKIP LOCKED`, and claimers do not wait on or abort each other.
    func claim<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL READ COMMITTED", body)
    }

    /// Statements each in their own transaction (maintenance, bulk loads).
    func writeWithoutTransaction<T>(_ body: (StoreConnection) throws -> T) throws -> T {
        try withConnection { connection in try body(StoreConnection(PostgresSession(connection))) }
    }

    func close() {
        lock.withLock { idle.removeAll() }
    }

    private func transaction<T>(_ begin: String, _ body: (StoreConnection) throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            var committing = false
            do {
                return try withConnection { connection in
                    let session = PostgresSession(connection, begin: begin)  // BEGIN goes with the first statement
                    do {
                        let value = try body(StoreConnection(session))
                        committing = true
                        try session.commit()
                        return value
                    } catch {
                        if session.began, connection.isOK { _ = try? connection.execute("ROLLBACK") }
                        throw error
                    }
                }
            } catch let error as ClinicError where attempt < Self.retries && (error.isRetryable || (error.isConnectionLost && !committing)) {
                if error.isConnectionLost {
                    SystemClock.pause(seconds: min(0.05 * Double(attempt), 0.5))
                } else if attempt > 1 {
                    // Transactions that keep meeting (two serves' batches reading and writing the same
                    // ranges) stop running again in lockstep: a random pause that grows with the tries
                    SystemClock.pause(seconds: Double.random(in: 0...min(0.001 * Double(attempt * attempt), 0.05)))
                }
                continue
            }
        }
    }

    private func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        slots.wait()
        defer { slots.signal() }
        var connection = lock.withLock { idle.popLast() }
        if connection == nil { connection = try PostgresConnection(url) }
        guard let connection else { preconditionFailure("unreachable") }
        do {
            let value = try body(connection)
            lock.withLock { idle.append(connection) }
            return value
        } catch {
            if connection.isOK { lock.withLock { idle.append(connection) } }
            throw error
        }
    }
}

extension ClinicError {
    /// The server went away under this connection (restart, failover): a new connection may work.
    var isConnectionLost: Bool {
        guard let sqlState else { return false }
        return sqlState.hasPrefix("08") || sqlState == "57P01" || sqlState == "57P02" || sqlState == "57P03" || sqlState == "25006"
    }
}

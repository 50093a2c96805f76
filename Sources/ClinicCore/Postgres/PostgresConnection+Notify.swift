import Foundation

/// One `NOTIFY` received on a channel this connection listens to.
public struct PostgresNotification: Sendable, Equatable {
    public let channel: String
    public let payload: String
    /// The server process of the connection that sent it.
    public let senderPID: Int32
}

extension PostgresConnection {
    /// Starts listening on `channel` (any name; it is quoted).
    public func listen(_ channel: String) throws {
        try execute("LISTEN " + Self.quotedIdentifier(channel))
    }

    /// Sends `payload` on `channel` (delivered when the surrounding transaction commits).
    public func notify(_ channel: String, _ payload: String = "") throws {
        try execute("SELECT pg_notify($1, $2)", [.text(channel), .text(payload)])
    }

    /// The notifications that arrived, waiting up to `timeout` seconds for the first
    /// (0: only those already here). Blocks the calling thread in `poll` on the socket.
    public func notifications(waitingUpTo timeout: Double) throws -> [PostgresNotification] {
        let deadline = SystemClock().now().addingTimeInterval(timeout)
        while true {
            guard pq.consumeInput() else { throw ClinicError(.internalError, "PostgreSQL: \(pq.errorMessage)") }
            var received: [PostgresNotification] = []
            while let n = pq.nextNotification() {
                received.append(PostgresNotification(channel: n.channel, payload: n.payload, senderPID: n.senderPID))
            }
            let left = deadline.timeIntervalSince(SystemClock().now())
            if !received.isEmpty || left <= 0 { return received }
            var fd = pollfd(fd: pq.socket, events: Int16(POLLIN), revents: 0)
            _ = poll(&fd, 1, Int32(min(left, 60) * 1000) + 1)
        }
    }

    /// `"name"` with inner quotes doubled.
    public static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

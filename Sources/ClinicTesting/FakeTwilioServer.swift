import ClinicCore
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// One request the fake Twilio received.
public struct FakeTwilioRequest: Sendable, Equatable {
    public let method: String
    public let path: String
    /// From HTTP basic auth.
    public let username: String?
    public let password: String?
    /// The decoded form fields (To, From, Body, StatusCallback…).
    public let form: [String: String]
}

/// How the fake answers one request.
public enum FakeTwilioReply: Sendable, Equatable {
    /// 201 with a fresh `SM…` sid and status `queued`.
    case created
    /// A Twilio error: `status` with `{"code": code, "message": …}`.
    case error(status: Int, code: Int, message: String)
    /// 500 with an HTML body (no Twilio code).
    case serverError
    /// Reads the request and never answers, until `releaseHung()` or `stop()`.
    case hang
}

/// A fake Twilio REST API on 127.0.0.1 (port 0): plain POSIX sockets, one
/// thread for accepting and one per connection, HTTP/1.1 with
/// `Connection: close`. Records every request (path, basic auth, form) and
/// answers from a script of replies, then from a default (`created`).
public final class FakeTwilioServer: @unchecked Sendable {
    /// The port it listens on.
    public let port: UInt16
    /// What to give `TWILIO_API_BASE`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    let listener: Int32
    let condition = NSCondition()
    var script: [FakeTwilioReply] = []
    var fallback: FakeTwilioReply = .created
    var recorded: [FakeTwilioRequest] = []
    var hangGeneration = 0
    var stopped = false
    var sidCounter = 0

    /// Binds 127.0.0.1 on a free port and starts accepting.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        listener = fd
        port = UInt16(bigEndian: addr.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    deinit { stop() }

    /// Appends replies to the script (used in order, one per request).
    public func enqueue(_ replies: FakeTwilioReply...) { condition.withLock { script.append(contentsOf: replies) } }

    /// The reply once the script is used up.
    public func setDefault(_ reply: FakeTwilioReply) { condition.withLock { fallback = reply } }

    /// Every request received so far, in order.
    public var requests: [FakeTwilioRequest] { condition.withLock { recorded } }

    /// Closes every hung connection without an answer (the client sees an error or its timeout).
    public func releaseHung() {
        condition.withLock {
            hangGeneration += 1
            condition.broadcast()
        }
    }

    /// Waits (real time, bounded) until at least `count` requests arrived.
    @discardableResult
    public func waitForRequests(_ count: Int, timeout: Double = 20) -> Bool {
        let deadline = SystemClock().now().addingTimeInterval(timeout)
        return condition.withLock {
            while recorded.count < count {
                if !condition.wait(until: deadline) { return recorded.count >= count }
            }
            return true
        }
    }

    /// Stops listening and releases hung connections.
    public func stop() {
        let wasStopped = condition.withLock { () -> Bool in
            let was = stopped
            stopped = true
            hangGeneration += 1
            condition.broadcast()
            return was
        }
        if !wasStopped { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }
    }

    private func acceptLoop() {
        while !condition.withLock({ stopped }) {
            var pfd = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            Thread.detachNewThread { [self] in handle(client) }
        }
    }

    func nextReply() -> FakeTwilioReply {
        condition.withLock { script.isEmpty ? fallback : script.removeFirst() }
    }

    func newSID() -> String {
        condition.withLock {
            sidCounter += 1
            return "SM" + String(format: "%032x", sidCounter)
        }
    }
}

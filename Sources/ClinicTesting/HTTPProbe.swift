import ClinicCore
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// What a server answered over a raw connection.
public struct HTTPProbeReply: Sendable {
    /// The status code, or 0 when the server closed without a status line.
    public let status: Int
    /// Header names lower-cased.
    public let headers: [String: String]
    public let body: String
    /// Seconds from connecting to the connection's end.
    public let seconds: Double
    /// Every byte the server sent, status line and headers included.
    public var raw: [UInt8] = []

    /// `raw` without its `Date:` header line, which names the second it was sent in:
    /// what two answers to the same request must share byte for byte.
    public var rawWithoutDate: [UInt8] {
        let lines = String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n")
        return Array(lines.filter { !$0.lowercased().hasPrefix("date:") }.joined(separator: "\r\n").utf8)
    }
}

/// A raw HTTP/1.1 client over POSIX sockets to 127.0.0.1, for the listener's
/// tests: sends exactly the bytes given (malformed ones too), optionally in
/// slow pieces, and reads until the server closes. Blocking work runs on its
/// own thread, so awaiting it never holds a thread of the cooperative pool.
public enum HTTPProbe {
    /// Sends `pieces` (with `pause` seconds between them) and reads the reply.
    public static func exchange(port: Int, pieces: [[UInt8]], pause: Double = 0, timeout: Double = 20) async -> HTTPProbeReply {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: blockingExchange(port: port, pieces: pieces, pause: pause, timeout: timeout))
            }
        }
    }

    /// Sends one request's bytes and reads the reply.
    public static func send(port: Int, _ bytes: [UInt8], timeout: Double = 20) async -> HTTPProbeReply {
        await exchange(port: port, pieces: [bytes], timeout: timeout)
    }

    /// Asks `GET /healthz` every 0.1 s until it answers 200 (true) or `attempts` run out (false):
    /// a `clinic serve` just started is up.
    public static func waitUntilHealthy(port: Int, attempts: Int = 100) async throws -> Bool {
        for _ in 0..<attempts {
            if await send(port: port, request("GET", "/healthz"), timeout: 2).status == 200 { return true }
            try await SystemClock.sleep(seconds: 0.1)
        }
        return false
    }

    /// A request's bytes: `Connection: close`, `Content-Length` unless given.
    public static func request(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) -> [UInt8] {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if !headers.contains(where: { $0.0.lowercased() == "content-length" || $0.0.lowercased() == "transfer-encoding" }) {
            head += "Content-Length: \(body.count)\r\n"
        }
        return Array((head + "\r\n").utf8) + body
    }

    /// A port that was free on 127.0.0.1 a moment ago (for child processes
    /// that must be told their port up front).
    public static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// Why a loopback connection could not be made.
    struct ConnectFailure: Error { let text: String }

    /// A TCP socket connected to 127.0.0.1:`port`, reads timing out after
    /// `receiveTimeout` (the caller closes it).
    static func connectLoopback(port: Int, receiveTimeout: timeval) -> Result<Int32, ConnectFailure> {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return .failure(ConnectFailure(text: "socket failed")) }
        var tv = receiveTimeout
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return .failure(ConnectFailure(text: "connect failed"))
        }
        return .success(fd)
    }

    static func blockingExchange(port: Int, pieces: [[UInt8]], pause: Double, timeout: Double) -> HTTPProbeReply {
        let started = SystemClock().now()
        let fd: Int32
        switch connectLoopback(port: port, receiveTimeout: timeval(tv_sec: Int(timeout), tv_usec: 0)) {
        case .success(let socket): fd = socket
        case .failure(let why): return HTTPProbeReply(status: 0, headers: [:], body: why.text, seconds: 0)
        }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        for (i, piece) in pieces.enumerated() {
            if i > 0 && pause > 0 { SystemClock.pause(seconds: pause) }
            var sent = 0
            while sent < piece.count {
                let n = piece[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { break }
                sent += n
            }
            if sent < piece.count { break }  // the server hung up: read what it said
        }
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: chunk[0..<n])
        }
        var reply = parse(data, seconds: SystemClock().now().timeIntervalSince(started))
        reply.raw = data
        return reply
    }

    static func parse(_ data: [UInt8], seconds: Double) -> HTTPProbeReply {
        let text = String(decoding: data, as: UTF8.self)
        guard let headEnd = text.range(of: "\r\n\r\n") else {
            return HTTPProbeReply(status: 0, headers: [:], body: text, seconds: seconds)
        }
        let lines = text[..<headEnd.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        let status = statusParts.count > 1 ? Int(statusParts[1]) ?? 0 : 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(text[headEnd.upperBound...])
        if let length = headers["content-length"].flatMap(Int.init), body.utf8.count > length {
            body = String(decoding: Array(body.utf8).prefix(length), as: UTF8.self)
        }
        return HTTPProbeReply(status: status, headers: headers, body: body, seconds: seconds)
    }
}

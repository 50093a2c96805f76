import ClinicCore
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// One answer of the HTTP API, its body parsed as JSON when it is JSON.
public struct APIReply: @unchecked Sendable {
    public let status: Int
    public let headers: [String: String]
    public let body: String
    /// The parsed body (a dictionary, an array …), nil when it is not JSON.
    public let json: Any?

    /// The body as a JSON object ([:] when it is not one).
    public var object: [String: Any] { json as? [String: Any] ?? [:] }
    /// The body as a JSON array ([] when it is not one).
    public var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    /// `error.code` of an error body.
    public var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }
    /// `error.message` of an error body.
    public var errorMessage: String? { (object["error"] as? [String: Any])?["message"] as? String }
}

/// A client of the clinic's HTTP API over a real socket to 127.0.0.1 (`HTTPProbe`).
public struct APIClient: Sendable {
    public let port: Int

    public init(port: Int) { self.port = port }

    /// Sends a request; `json` is encoded as the body, `token` as the bearer.
    public func call(
        _ method: String, _ path: String, token: String? = nil, json: [String: any Sendable]? = nil, body: [UInt8]? = nil,
        headers extra: [(String, String)] = []
    ) async -> APIReply {
        var headers = extra
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        var bytes = body ?? []
        if let json {
            bytes = Array((try? JSONSerialization.data(withJSONObject: json)) ?? Data())
            headers.append(("Content-Type", "application/json"))
        }
        let reply = await HTTPProbe.send(port: port, HTTPProbe.request(method, path, headers: headers, body: bytes))
        let parsed = try? JSONSerialization.jsonObject(with: Data(reply.body.utf8), options: [.fragmentsAllowed])
        return APIReply(status: reply.status, headers: reply.headers, body: reply.body, json: parsed)
    }

    /// Signs in at `/api/v1/auth/<kind>/login` and returns the access token (nil when refused).
    public func signIn(_ kind: String, _ email: String, _ password: String) async -> String? {
        await call("POST", "/api/v1/auth/\(kind)/login", json: ["email": email, "password": password]).object["access_token"] as? String
    }

    /// Opens `path` as an event stream and collects what arrives until
    /// `done` says the text so far is enough, or `timeout` seconds pass.
    /// `started` runs once the response head arrived (the stream is open).
    public func stream(
        _ path: String, headers: [(String, String)] = [], timeout: Double = 10,
        started: @escaping @Sendable () -> Void = {}, until done: @escaping @Sendable (String) -> Bool
    ) async -> String {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Self.blockingStream(port: port, path: path, headers: headers, timeout: timeout, started: started, done: done))
            }
        }
    }

    static func blockingStream(
        port: Int, path: String, headers: [(String, String)], timeout: Double, started: () -> Void, done: (String) -> Bool
    ) -> String {
        // Reads time out every 0.1 s, so `done` and the deadline are looked at while the stream is quiet.
        guard case .success(let fd) = HTTPProbe.connectLoopback(port: port, receiveTimeout: timeval(tv_sec: 0, tv_usec: 100_000)) else {
            return ""
        }
        defer { close(fd) }
        var head = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        let request = Array((head + "\r\n").utf8)
        _ = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let deadline = SystemClock().now().addingTimeInterval(timeout)
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65536)
        var open = false
        while SystemClock().now() < deadline {
            let n = recv(fd, &chunk, chunk.count, 0)
            if n == 0 { break }
            if n > 0 { data.append(contentsOf: chunk[0..<n]) }
            let text = String(decoding: data, as: UTF8.self)
            if !open, text.contains("\r\n\r\n") { open = true; started() }
            if done(text) { break }
        }
        return String(decoding: data, as: UTF8.self)
    }
}

import Foundation

/// How the webhook listener is set up: where it binds, the URL Twilio signs,
/// the signing key, and its limits.
public struct WebhookOptions: Sendable, Equatable {
    /// Address to bind (`127.0.0.1`, `0.0.0.0`, `::1`…).
    public var host: String
    /// Port to bind; 0 picks a free one (tests).
    public var port: Int
    /// The public base URL Twilio posts to (`https://clinic.example.org`), without
    /// the path; "" means `http://` + the request's `Host` header.
    public var publicURL: String
    /// The key signatures are checked with (the Twilio auth token).
    public var signingKey: String
    /// Bodies larger than this get 413.
    public var maxBodyBytes: Int
    /// Seconds a client has to send a whole request (head and body) once the
    /// connection is ready for one; slower or idle clients are disconnected.
    public var requestTimeoutSeconds: Double

    public init(
        host: String = "127.0.0.1", port: Int = 8080, publicURL: String = "", signingKey: String,
        maxBodyBytes: Int = 64 * 1024, requestTimeoutSeconds: Double = 5
    ) {
        self.host = host; self.port = port; self.publicURL = publicURL; self.signingKey = signingKey
        self.maxBodyBytes = maxBodyBytes; self.requestTimeoutSeconds = requestTimeoutSeconds
    }

    /// Options from the configuration: `listen`, `public_url`, and the Twilio
    /// auth token (else the database's local webhook secret).
    public init(config: ClinicConfig, store: ClinicStore) throws {
        let (host, port) = try Self.parseListen(config.listen)
        self.init(
            host: host, port: port, publicURL: config.publicURL,
            signingKey: try store.webhookSigningKey(authToken: config.twilioAuthToken),
            requestTimeoutSeconds: config.listenerTimeoutSeconds)
    }

    /// Parses `HOST:PORT` (`[::1]:8080` for IPv6; a bare port means 127.0.0.1).
    public static func parseListen(_ text: String) throws -> (host: String, port: Int) {
        let t = text.trimmingCharacters(in: .whitespaces)
        var host = "127.0.0.1", portText = t
        if t.hasPrefix("["), let close = t.firstIndex(of: "]") {
            host = String(t[t.index(after: t.startIndex)..<close])
            portText = String(t[t.index(after: close)...].drop { $0 == ":" })
        } else if let colon = t.lastIndex(of: ":") {
            host = String(t[..<colon])
            portText = String(t[t.index(after: colon)...])
        }
        guard !host.isEmpty, let port = Int(portText), (0...65535).contains(port) else {
            throw ClinicError(.invalidInput, "listen must be HOST:PORT (e.g. 127.0.0.1:8080), not '\(text)'")
        }
        return (host, port)
    }

    /// The same options with another public URL.
    func withPublicURL(_ url: String) -> WebhookOptions {
        var copy = self
        copy.publicURL = url
        return copy
    }

    /// The URL Twilio signed for a request whose target is `target` (path and query).
    func signedURL(target: String, hostHeader: String?) -> String {
        var base = publicURL.trimmingCharacters(in: .whitespaces)
        if base.isEmpty { base = "http://" + (hostHeader ?? "\(host):\(port)") }
        while base.hasSuffix("/") { base.removeLast() }
        return base + target
    }
}

import Foundation

/// Sends a correctly signed SMS webhook request to a running listener, as
/// Twilio would (`clinic sms simulate`): the way to try replies without a phone.
public struct WebhookSimulator: Sendable {
    /// Where to POST (the listener's own address, or the public URL).
    public var postURL: String
    /// The URL to sign: `public_url` + path when configured, else `postURL`.
    public var signedURL: String
    public var signingKey: String

    /// From the configuration: posts to `url` (default `http://` + `listen`
    /// + the webhook path) and signs as the listener checks.
    public init(config: ClinicConfig, store: ClinicStore, url: String? = nil) throws {
        let (host, port) = try WebhookOptions.parseListen(config.listen)
        let shownHost = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "[::1]" : host.contains(":") ? "[\(host)]" : host
        postURL = url ?? "http://\(shownHost):\(port)\(WebhookRoutes.webhookPath)"
        let base = config.publicURL.trimmingCharacters(in: .whitespaces)
        if base.isEmpty {
            signedURL = postURL
        } else {
            // The listener signs public_url + the path (and query) it receives.
            let target = URLComponents(string: postURL).map { c in c.percentEncodedPath + (c.percentEncodedQuery.map { "?" + $0 } ?? "") }
            signedURL = WebhookOptions(signingKey: "").withPublicURL(base).signedURL(target: target ?? WebhookRoutes.webhookPath, hostHeader: nil)
        }
        signingKey = try store.webhookSigningKey(authToken: config.twilioAuthToken)
    }

    /// What the listener answered.
    public struct Reply: Sendable {
        public let status: Int
        public let body: String
        /// The `<Message>` text of a TwiML reply ("" for `<Response/>`).
        public var message: String? { TwiML.message(in: body) }
    }

    /// Posts an SMS `body` from `from` with a fresh `MessageSid` (or `messageSID`).
    public func send(from: String, body: String, to: String = "+15550009999", messageSID: String? = nil) throws -> Reply {
        let sid = messageSID ?? "SM" + OpenSSL.randomBytes(16).map { String(format: "%02x", $0) }.joined()
        let params: [(name: String, value: String)] = [
            ("AccountSid", "ACsimulated00000000000000000000000"), ("ApiVersion", "2010-04-01"), ("Body", body),
            ("From", from), ("MessageSid", sid), ("NumMedia", "0"), ("NumSegments", "1"), ("SmsSid", sid),
            ("SmsStatus", "received"), ("To", to),
        ]
        let signature = TwilioSignature.compute(authToken: signingKey, url: signedURL, parameters: params)
        let form = FormEncoding.encode(params.map { ($0.name, $0.value) })
        switch CurlHTTP.post(
            url: postURL, body: form,
            headers: [
                "Content-Type: application/x-www-form-urlencoded", "X-Twilio-Signature: \(signature)",
            ], totalTimeout: 15)
        {
        case .success(let r): return Reply(status: r.status, body: String(decoding: r.body, as: UTF8.self))
        case .failure(let e): throw ClinicError(.invalidInput, "no answer from \(postURL): \(e); is `clinic serve` running?")
        }
    }
}

import ClinicCore
import Foundation
import GRDB
import Logging
import ServiceLifecycle

/// A test clinic with the webhook listener bound to a free port on
/// 127.0.0.1, built by the same function as `clinic serve`
/// (`ClinicServices.build`) and run by a `ServiceGroup` as there, and a
/// signer that posts as Twilio would.
public final class WebhookHarness: @unchecked Sendable {
    public let clinic: TestClinic
    public let listener: WebhookListener
    /// The port the listener bound (after `start()`).
    public private(set) var port = 0
    private let group: ServiceGroup
    private var running: Task<Void, any Error>?

    /// The auth token signatures use.
    public static let authToken = "webhook-test-token"
    /// The public URL Twilio is configured with.
    public static let publicURL = "https://clinic.example.org"
    public static let webhookPath = "/api/v1/twilio/webhook"
    public static let statusPath = "/api/v1/twilio/status"

    private var sidCounter = 0
    private let lock = NSLock()

    /// A listener over `clinic` (a new one by default); `timeout`: seconds a
    /// client has to send a request; `api`: the HTTP API's options (served by default).
    public init(
        clinic: TestClinic? = nil, timeout: Double = 5, publicURL: String = WebhookHarness.publicURL, api: APIOptions = APIOptions()
    ) throws {
        self.clinic = try clinic ?? TestClinic()
        var config = ClinicConfig()
        config.databasePath = self.clinic.databasePath
        if case .postgres(let url) = self.clinic.database.location { config.postgresURL = url }
        config.listen = "127.0.0.1:0"
        config.publicURL = publicURL
        config.twilioAuthToken = Self.authToken
        config.smsGateway = .outbox
        config.listenerTimeoutSeconds = timeout
        config.api = api
        var logger = Logger(label: "clinic.webhook.test")
        logger.logLevel = .critical
        // The listener alone: the tests drive the scheduler's ticks themselves.
        let services = try ClinicServices.build(
            config: config, store: self.clinic.store, logger: logger,
            plan: .init(scheduler: false, listener: .required))
        guard let listener = services.listener else {
            throw ClinicError(.internalError, "ClinicServices.build made no listener")
        }
        self.listener = listener
        group = services.group(gracefulShutdownSignals: [], logger: logger)
    }

    /// Binds and serves.
    public func start() async throws {
        let group = self.group
        running = Task { try await group.run() }
        port = try await listener.bound().port
    }

    /// Stops the listener (graceful shutdown, as on SIGTERM) and waits for it.
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = await running?.result
    }

    /// A fresh `MessageSid`.
    public func nextSID() -> String {
        lock.withLock {
            sidCounter += 1
            return "SM" + String(format: "%032d", sidCounter)
        }
    }

    /// The parameters Twilio posts for an inbound SMS.
    public func smsParameters(from: String, body: String, sid: String) -> [(name: String, value: String)] {
        Self.smsParameters(from: from, body: body, sid: sid)
    }

    /// The parameters Twilio posts for an inbound SMS.
    public static func smsParameters(from: String, body: String, sid: String) -> [(name: String, value: String)] {
        [
            ("AccountSid", "AC00000000000000000000000000000001"), ("ApiVersion", "2010-04-01"), ("Body", body),
            ("From", from), ("MessageSid", sid), ("NumMedia", "0"), ("SmsSid", sid), ("SmsStatus", "received"),
            ("To", "+15550009999"),
        ]
    }

    /// A complete signed request (`signature` overrides the computed one; nil leaves the header out).
    public func signedRequest(
        path: String = WebhookHarness.webhookPath, parameters: [(name: String, value: String)],
        signature: String?? = .none
    ) -> [UInt8] {
        Self.signedRequest(path: path, parameters: parameters, key: Self.authToken, signature: signature)
    }

    /// A complete request signed with `key` for `publicURL` + `path`, as Twilio sends it to any
    /// listener configured with that public URL (a `clinic serve` of a test, too).
    public static func signedRequest(
        path: String = WebhookHarness.webhookPath, parameters: [(name: String, value: String)], key: String,
        publicURL: String = WebhookHarness.publicURL, signature: String?? = .none
    ) -> [UInt8] {
        let body = FormEncoding.encode(parameters.map { ($0.name, $0.value) })
        let computed = TwilioSignature.compute(authToken: key, url: publicURL + path, parameters: parameters)
        var headers = [("Content-Type", "application/x-www-form-urlencoded")]
        switch signature {
        case .none: headers.append(("X-Twilio-Signature", computed))
        case .some(.some(let given)): headers.append(("X-Twilio-Signature", given))
        case .some(.none): break
        }
        return HTTPProbe.request("POST", path, headers: headers, body: Array(body.utf8))
    }

    /// Posts a signed SMS as Twilio would; returns the reply.
    public func sms(from: String, _ body: String, sid: String? = nil) async -> HTTPProbeReply {
        let params = smsParameters(from: from, body: body, sid: sid ?? nextSID())
        return await HTTPProbe.send(port: port, signedRequest(parameters: params))
    }

    /// The `<Message>` text of a TwiML reply ("" for `<Response/>`).
    public static func message(_ reply: HTTPProbeReply) -> String? { TwiML.message(in: reply.body) }

    /// Posts a signed delivery status callback.
    public func deliveryStatus(sid: String, status: String, errorCode: String? = nil) async -> HTTPProbeReply {
        var params: [(name: String, value: String)] = [
            ("AccountSid", "AC00000000000000000000000000000001"),
            ("MessageSid", sid), ("MessageStatus", status), ("SmsSid", sid),
            ("SmsStatus", status),
        ]
        if let errorCode { params.append(("ErrorCode", errorCode)) }
        return await HTTPProbe.send(port: port, signedRequest(path: Self.statusPath, parameters: params))
    }

    /// A fingerprint of everything a webhook request could change: appointments'
    /// statuses, the audit trail, opt-outs, the outbox and the inbound log.
    public func dataFingerprint() throws -> String {
        try clinic.store.reader.read { db in
            // Each part's rows joined in Swift (the SQL reads the same on both engines)
            let parts = [
                "SELECT code || ':' || status FROM appointment ORDER BY id",
                "SELECT CAST(count(*) AS TEXT) FROM appointment_event",
                "SELECT phone || ':' || opted_out FROM phone_status ORDER BY phone",
                "SELECT coalesce(delivery_status, '-') FROM sms_outbox ORDER BY id",
                "SELECT CAST(count(*) AS TEXT) FROM sms_inbound",
            ]
            return try parts.map { try String.fetchAll(db, sql: $0).joined(separator: ",") }.joined(separator: " | ")
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The HTTP side of the webhook: limits, the signature check, form parsing,
/// then one call into the store. Never throws to Hummingbird: every outcome
/// is a response (400, 403, 413, 500 …), so no input can take the process down.
struct WebhookRoutes: Sendable {
    let store: ClinicStore
    let options: WebhookOptions
    let logger: Logger
    /// Group commit for inbound SMS.
    let batcher: WriteBatcher<InboundSMS, InboundSMSResult>

    init(store: ClinicStore, options: WebhookOptions, logger: Logger) {
        self.store = store; self.options = options; self.logger = logger
        batcher = WriteBatcher(store: store) { [store] message, now, db in try store.receiveSMS(message, now: now, db) }
    }

    static let webhookPath = "/api/v1/twilio/webhook"
    static let statusPath = "/api/v1/twilio/status"

    func addRoutes(to router: Router<ListenerRequestContext>) {
        router.post(RouterPath(stringLiteral: Self.webhookPath)) { request, context in await self.webhook(request, context) }
        router.post(RouterPath(stringLiteral: Self.statusPath)) { request, context in await self.status(request, context) }
        router.get("/healthz") { _, _ in await self.health() }
    }

    /// An inbound SMS: TwiML back.
    func webhook(_ request: Request, _ context: ListenerRequestContext) async -> Response {
        let form: FormBody
        switch await signedForm(request, context) {
        case .failure(let refusal): return refusal.response
        case .success(let f): form = f
        }
        guard let sid = form["MessageSid"] ?? form["SmsSid"], Self.isSID(sid), let from = form["From"], !from.isEmpty,
            from.utf8.count <= 64
        else {
            return Self.plain(.badRequest, "MessageSid and From are required")
        }
        let message = InboundSMS(messageSID: sid, from: from, to: form["To"] ?? "", body: form["Body"] ?? "")
        if let refusal = Self.nulRefusal(form) ?? Self.refusal({ try message.validate() }) { return refusal }
        do {
            let result = try await batcher.submit(message)
            logger.debug(
                "sms received",
                metadata: [
                    "sid": "\(sid)", "outcome": "\(result.outcome)",
                    "repeated": "\(result.repeated)",
                ])
            var headers = HTTPFields()
            headers[.contentType] = TwiML.contentType
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: TwiML.document(result.reply))))
        } catch {
            logger.error("sms not handled", metadata: ["sid": "\(sid)", "error": "\(error)"])
            return Self.plain(.internalServerError, "the message could not be handled; retry later")
        }
    }

    /// A delivery status callback: updates the outbox row.
    func status(_ request: Request, _ context: ListenerRequestContext) async -> Response {
        let form: FormBody
        switch await signedForm(request, context) {
        case .failure(let refusal): return refusal.response
        case .success(let f): form = f
        }
        guard let sid = form["MessageSid"] ?? form["SmsSid"], Self.isSID(sid),
            let state = form["MessageStatus"] ?? form["SmsStatus"], (1...32).contains(state.utf8.count),
            state.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) })
        else {
            return Self.plain(.badRequest, "MessageSid and MessageStatus are required")
        }
        let errorCode = form["ErrorCode"].flatMap { $0.isEmpty ? nil : String($0.prefix(16)) }
        if let refusal = Self.nulRefusal(form) ?? Self.refusal({ try StoredText.check(errorCode ?? "", what: "ErrorCode") }) {
            return refusal
        }
        do {
            let known = try await store.receiveDeliveryStatus(DeliveryStatusReport(messageSID: sid, status: state, errorCode: errorCode))
            logger.debug("delivery status", metadata: ["sid": "\(sid)", "status": "\(state)", "known": "\(known)"])
            return Response(status: .noContent)
        } catch {
            logger.error("delivery status not recorded", metadata: ["sid": "\(sid)", "error": "\(error)"])
            return Self.plain(.internalServerError, "not recorded; retry later")
        }
    }

    /// `GET /healthz`: the database answers, and who runs the scheduler.
    func health() async -> Response {
        do {
            let state = try store.healthState()
            let body = try JSONEncoder().encode(state)
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        } catch {
            return Self.plain(.serviceUnavailable, "{\"status\":\"error\",\"database\":\"unavailable\"}")
        }
    }

    /// Why a request was refused before reaching the store.
    struct Refusal: Error {
        let response: Response
    }

    /// Reads the body within the limit, parses it strictly and checks the signature.
    private func signedForm(_ request: Request, _ context: ListenerRequestContext) async -> Result<FormBody, Refusal> {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > options.maxBodyBytes {
            return .failure(Refusal(response: Self.plain(.contentTooLarge, "the body is larger than \(options.maxBodyBytes) bytes")))
        }
        if let type = request.headers[.contentType]?.lowercased(), !type.hasPrefix("application/x-www-form-urlencoded") {
            return .failure(Refusal(response: Self.plain(.badRequest, "the body must be application/x-www-form-urlencoded")))
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: options.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            return .failure(Refusal(response: Self.plain(.contentTooLarge, "the body is larger than \(options.maxBodyBytes) bytes")))
        } catch {
            return .failure(Refusal(response: Self.plain(.badRequest, "the body could not be read")))
        }
        let form: FormBody
        do {
            form = try buffer.withUnsafeReadableBytes { try FormBody(bytes: $0) }
        } catch {
            return .failure(Refusal(response: Self.plain(.badRequest, "malformed form body (\(error))")))
        }
        let url = options.signedURL(target: request.uri.string, hostHeader: request.head.authority)
        guard
            TwilioSignature.isValid(
                request.headers[Self.signatureHeader], authToken: options.signingKey, url: url,
                parameters: form.pairs)
        else {
            logger.warning("refused: bad or missing signature", metadata: ["path": "\(request.uri.path)"])
            return .failure(Refusal(response: Self.plain(.forbidden, "invalid signature")))
        }
        return .success(form)
    }

    static let signatureHeader = HTTPField.Name("X-Twilio-Signature")!

    /// 400 when any form value holds a NUL (Twilio never sends one): the
    /// same answer every time, so a retry of the request gets the same reply.
    static func nulRefusal(_ form: FormBody) -> Response? {
        guard let pair = form.pairs.first(where: { $0.value.unicodeScalars.contains("\u{0}") }) else { return nil }
        return plain(.badRequest, "\(pair.name) must not contain a NUL character")
    }

    /// 400 with the sentence of an `invalid_input` that `check` throws, if it throws one.
    static func refusal(_ check: () throws -> Void) -> Response? {
        do { try check() } catch let error as ClinicError { return plain(.badRequest, error.message) } catch {
            return plain(.badRequest, "\(error)")
        }
        return nil
    }

    /// Twilio ids: letters and digits, 2–64 of them.
    static func isSID(_ s: String) -> Bool {
        (2...64).contains(s.utf8.count) && s.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) }
    }

    static func plain(_ status: HTTPTypes.HTTPResponse.Status, _ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}

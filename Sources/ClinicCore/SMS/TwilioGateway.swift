import Foundation

/// Twilio's REST API (`POST /2010-04-01/Accounts/{sid}/Messages.json`, form
/// fields To / From / Body / StatusCallback, HTTP basic auth) over libcurl,
/// with connect and total timeouts. `apiBase` (`TWILIO_API_BASE`) points it
/// elsewhere, e.g. at the fake server in the tests.
public struct TwilioGateway: SMSGateway {
    public let name = "twilio"
    public let accountSID: String
    public let authToken: String
    public let fromNumber: String
    public let apiBase: String
    /// Where Twilio posts delivery status callbacks ("" = none).
    public let statusCallbackURL: String
    public let connectTimeout: Double
    public let totalTimeout: Double

    public var from: String? { fromNumber }

    public init(
        accountSID: String, authToken: String, from: String, apiBase: String = "https://api.twilio.com",
        statusCallbackURL: String = "", connectTimeout: Double = 5, totalTimeout: Double = 15
    ) {
        self.accountSID = accountSID; self.authToken = authToken; self.fromNumber = from
        var base = apiBase
        while base.hasSuffix("/") { base.removeLast() }
        self.apiBase = base
        self.statusCallbackURL = statusCallbackURL
        self.connectTimeout = connectTimeout; self.totalTimeout = totalTimeout
    }

    /// The Messages resource URL.
    public var messagesURL: String { "\(apiBase)/2010-04-01/Accounts/\(accountSID)/Messages.json" }

    public func send(_ message: OutgoingSMS) -> SMSSendResult {
        var form = [("To", message.to), ("From", fromNumber), ("Body", message.body)]
        if !statusCallbackURL.isEmpty { form.append(("StatusCallback", statusCallbackURL)) }
        switch CurlHTTP.postForm(
            url: messagesURL, form: form, username: accountSID, password: authToken,
            connectTimeout: connectTimeout, totalTimeout: totalTimeout)
        {
        case .failure(.timeout(let text)):
            return .failed(SMSFailure(.transient, code: "timeout", message: text))
        case .failure(.transport(let text)):
            return .failed(SMSFailure(.transient, code: "transport", message: text))
        case .success(let response):
            return Self.interpret(response)
        }
    }

    /// Reads Twilio's JSON answer: a 2xx with a `sid`, or an error `code` / `message`.
    static func interpret(_ response: HTTPResponse) -> SMSSendResult {
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
        if (200..<300).contains(response.status) {
            return .sent(providerID: object["sid"] as? String, status: object["status"] as? String)
        }
        let code = (object["code"] as? Int) ?? (object["code"] as? String).flatMap { Int($0) }
        let message =
            (object["message"] as? String)
            ?? String(decoding: response.body.prefix(200), as: UTF8.self)
        return .failed(
            TwilioErrorClassifier.classify(
                httpStatus: response.status, code: code,
                message: message.isEmpty ? "HTTP \(response.status)" : message))
    }
}

/// Maps Twilio's answers to what the outbox does (DESIGN §2). Pure, so every
/// code is a one-line test; the status-callback route can use it too.
public enum TwilioErrorClassifier {
    /// Codes that mean the number is bad or unreachable: flag it, never retry.
    public static let badNumberCodes: Set<Int> = [21211, 21614, 21635, 30005, 30006]

    /// Classifies a non-success HTTP answer (`httpStatus`) with Twilio's error
    /// `code` (from the JSON body) and `message`.
    public static func classify(httpStatus: Int, code: Int?, message: String) -> SMSFailure {
        if let code {
            if code == 21610 { return SMSFailure(.optedOut, code: "21610", message: message) }
            if badNumberCodes.contains(code) { return SMSFailure(.badNumber, code: String(code), message: message) }
            if code == 30007 { return SMSFailure(.filtered, code: "30007", message: message) }
            if code == 20429 { return SMSFailure(.transient, code: "20429", message: message) }
        }
        let codeText = code.map(String.init) ?? "http_\(httpStatus)"
        if httpStatus == 429 || httpStatus >= 500 || httpStatus == 408 {
            return SMSFailure(.transient, code: codeText, message: message)
        }
        // Credentials or account problems are fixed by an operator; retry (bounded by max attempts).
        if httpStatus == 401 || httpStatus == 403 {
            return SMSFailure(.transient, code: codeText, message: message)
        }
        return SMSFailure(.permanent, code: codeText, message: message)
    }

    /// Classifies a delivery error code reported later (status callbacks), if any.
    public static func classify(deliveryErrorCode code: Int, message: String = "") -> SMSFailure {
        classify(httpStatus: 400, code: code, message: message)
    }
}

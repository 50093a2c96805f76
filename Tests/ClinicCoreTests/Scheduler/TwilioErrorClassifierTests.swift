import ClinicCore
import Testing

/// Every Twilio answer the contract names, one line each.
@Suite struct TwilioErrorClassifierTests {
    @Test(arguments: [
        (400, 21610 as Int?, SMSFailure.Kind.optedOut),
        (400, 21211, .badNumber), (400, 21614, .badNumber), (400, 21635, .badNumber),
        (400, 30005, .badNumber), (400, 30006, .badNumber),
        (400, 30007, .filtered),
        (429, 20429, .transient), (429, nil, .transient),
        (500, nil, .transient), (502, nil, .transient), (503, 20500, .transient),
        (400, 21602, .permanent), (404, 20404, .permanent), (400, nil, .permanent),
    ])
    func classify(status: Int, code: Int?, expected: SMSFailure.Kind) {
        let failure = TwilioErrorClassifier.classify(httpStatus: status, code: code, message: "m")
        #expect(failure.kind == expected)
        #expect(failure.isRetried == (expected == .transient))
        #expect(failure.code == (code.map(String.init) ?? "http_\(status)"))
    }
}

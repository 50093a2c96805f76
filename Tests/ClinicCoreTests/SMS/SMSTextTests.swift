import ClinicCore
import Testing

/// Outcomes in words: replies' (`asked_which` → "Asked which visit they meant") and outgoing states and errors.
@Suite struct SMSTextTests {
    @Test(
        "a reply's outcome as a sentence",
        arguments: [
            ("confirmed", "K7QX2M", "Confirmed K7QX2M"),
            ("cancelled", "K7QX2M", "Cancelled K7QX2M"),
            ("asked_which", nil, "Asked which visit they meant"),
            ("took", "K7QX2M", "Took a waitlist offer: booked K7QX2M"),
            ("took_moved", "K7QX2M", "Took a waitlist offer: moved K7QX2M earlier"),
            ("offer_expired", nil, "Too late: the waitlist offer had run out"),
            ("offer_lost", nil, "Too late: someone else had booked the offered visit"),
            ("already_confirmed", "K7QX2M", "K7QX2M was confirmed already"),
            ("refused:cancelled", "K7QX2M", "Refused: K7QX2M is cancelled"),
            ("refused:no_show", "K7QX2M", "Refused: K7QX2M is marked a no-show"),
            ("refused:in_past", "K7QX2M", "Refused (in past) for K7QX2M"),
            ("unknown_sender", nil, "Unknown number: no patient has it"),
            ("opted_out", nil, "Opted out of SMS"),
            ("flagged", nil, "Passed to the desk"),
            ("something_new", "K7QX2M", "Something new (K7QX2M)"),
        ] as [(String, String?, String)])
    func replyOutcome(_ outcome: String, _ code: String?, _ sentence: String) {
        #expect(SMSOutcomeText.sentence(outcome: outcome, code: code) == sentence)
    }

    @Test(
        "an error code in words",
        arguments: [
            ("21614", nil, "the number is not a mobile phone (21614)"),
            ("21211", "invalid To", "the number is not a valid phone number (21211)"),
            ("30007", nil, "the carrier filtered it as spam (30007)"),
            ("http_503", nil, "Twilio had an error (http_503)"),
            ("timeout", "took 15 s", "Twilio did not answer in time"),
            ("gave_up", "gave up after 6 attempts; last error 20429: busy", "gave up after 6 attempts; last error 20429: busy"),
            ("31999", "odd", "odd (31999)"),
            ("31999", nil, "error 31999"),
        ] as [(String, String?, String)])
    func problem(_ code: String, _ message: String?, _ sentence: String) {
        #expect(SMSText.problem(code: code, message: message) == sentence)
    }

    @Test func kindsAsHeadings() {
        #expect(SMSText.kind(.reminder) == "Reminder")
        #expect(SMSText.kind(.noShow) == "No-show notice")
        #expect(SMSText.kind(.passwordReset) == "Password reset code")
    }
}

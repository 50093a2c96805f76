import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The one rule for stored text (issue 11, items 9 and 10): control
/// characters and text-direction controls are refused in every field people
/// type, whatever the channel, and nothing is written; text of every script,
/// emoji sequences and the joiners they need pass.
@Suite("Stored text: one rule for every field")
struct StoredTextTests {
    /// Characters never stored: NUL, an escape, DEL, a C1 control (CSI), and each bidi override or isolate.
    static let refused: [Unicode.Scalar] = [
        "\u{0}", "\u{1B}", "\u{7F}", "\u{9B}",
        "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
        "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
    ]

    @Test("Controls and text-direction controls are refused; line breaks and tabs only in multi-line text")
    func theRule() {
        for s in Self.refused {
            #expect(StoredText.isRefused(s) && StoredText.isRefused(s, multiline: true), "U+\(String(s.value, radix: 16))")
        }
        for s: Unicode.Scalar in ["\n", "\t", "\r", "\u{2028}", "\u{2029}"] {
            #expect(StoredText.isRefused(s) && !StoredText.isRefused(s, multiline: true), "U+\(String(s.value, radix: 16))")
        }
        // Joiners, marks and every script stay
        for text in ["👩🏽‍⚕️", "🇵🇱", "शर्मा", "می‌خواهم", "ᄀ ᅡ ᆨ", "e\u{301}", "שלום\u{200F}", "王小明", "Zoë"] {
            #expect(StoredText.firstRefused(in: text) == nil, "\(text.debugDescription)")
        }
    }

    @Test("A refusal names the character and what it is about")
    func sentences() {
        #expect(
            throws: ClinicError(.invalidInput, "the reason must not contain text-direction controls (U+202E found): they make a line read in another order")
        ) {
            _ = try StoredText.checked("abc\u{202E}fed", what: "the reason", limit: 500)
        }
        #expect(throws: ClinicError(.invalidInput, "the email address must be one line of text, without control characters (U+001B found)", field: .email)) {
            _ = try AccountInput.email("e\u{1B}[2J@x.test")
        }
    }

    @Test("Printing neutralises what is already stored: each refused character becomes �")
    func neutralised() {
        #expect(StoredText.neutralised("a\u{1B}[2Jb\u{202E}c\u{0}d\ne") == "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d\u{FFFD}e")
        #expect(StoredText.neutralised("one\ntwo\r", keepingLineBreaks: true) == "one\ntwo\r")
        #expect(StoredText.neutralised("👩🏽‍⚕️ शर्मा") == "👩🏽‍⚕️ शर्मा")
    }

    @Test(
        "Every field people type refuses an escape, a NUL and U+202E, through the store, and writes nothing",
        arguments: ["Ann\u{1B}[2J", "Ann\u{0}Lee", "Ann\u{202E}eeL", "Ann\u{2067}Lee"])
    func everyField(_ bad: String) throws {
        // Given a clinic with a doctor, a patient, the desk and a booked visit
        let clinic = try TestClinic()
        let doctor = try clinic.addDoctor(), patient = try clinic.addPatient(), desk = try clinic.addStaff(.receptionist)
        let booked = try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2026-03-03", "09:00"))
        let accounts = try clinic.count("account"), events = try clinic.count("appointment_event")
        let settings = try clinic.store.settings()
        let me = Actor.account(patient.id, .patient, via: .kiosk)
        func account(
            name: String = "Zoë", email: String = "zoe@clinic.test", phone: String = "+15550100999",
            specialization: String? = nil, gender: String? = nil
        ) -> NewAccount {
            NewAccount(
                role: specialization == nil ? .patient : .doctor, name: name, email: email, phone: phone,
                specialization: specialization, patient: PatientProfile(gender: gender))
        }
        // When it is typed into each field, then each is invalid_input
        let attempts: [(String, () throws -> Any?)] = [
            ("name", { try clinic.store.createAccount(account(name: bad), by: .shell) }),
            ("email", { try clinic.store.createAccount(account(email: "zoe\(bad)@clinic.test"), by: .shell) }),
            ("phone", { try clinic.store.createAccount(account(phone: "+1555010\(bad)0999"), by: .shell) }),
            ("specialization", { try clinic.store.createAccount(account(specialization: "GP \(bad)"), by: .shell) }),
            ("gender", { try clinic.store.createAccount(account(gender: bad), by: .shell) }),
            ("profile name", { try clinic.store.editAccount(patient.id, AccountEdit(name: bad), by: me) }),
            ("profile gender", { try clinic.store.editAccount(patient.id, AccountEdit(gender: bad), by: me) }),
            ("reason", { try clinic.book(doctor: doctor, patient: patient, at: try clinic.local("2026-03-03", "10:00"), reason: "Pain \(bad)") }),
            ("cancel reason", { try clinic.store.transition(code: booked.code, to: .cancelled, by: clinic.actor(desk), note: bad) }),
            ("doctor's note", { try clinic.store.setNote(code: booked.code, text: "BP ok\n\(bad)", by: clinic.actor(doctor)) }),
            (
                "time-off note",
                {
                    try clinic.store.addTimeOff(
                        doctorID: doctor.id, from: try clinic.local("2026-03-05", "09:00"),
                        to: try clinic.local("2026-03-05", "10:00"), note: bad, by: .shell)
                }
            ),
            ("clinic name", { try clinic.store.updateSettings(.init(name: "Clinic \(bad)"), by: .shell) }),
            ("SMS body", { try clinic.store.receiveSMS(InboundSMS(messageSID: "SM1", from: patient.phone!, body: "CONFIRM \(bad)")) }),
            ("SMS sender", { try clinic.store.receiveSMS(InboundSMS(messageSID: "SM2", from: patient.phone! + bad, body: "HELP")) }),
        ]
        for (field, attempt) in attempts {
            #expect(refusal { try attempt() } == .invalidInput, "\(field) accepted \(bad.debugDescription)")
        }
        // Then nothing was written anywhere
        #expect(try [clinic.count("account"), clinic.count("appointment"), clinic.count("appointment_event")] == [accounts, 1, events])
        #expect(try [clinic.count("appointment_note"), clinic.count("time_off"), clinic.count("sms_inbound")] == [0, 0, 0])
        #expect(try clinic.store.settings() == settings)
        #expect(try clinic.store.account(matching: patient.email!) == patient)
        #expect(try clinic.store.patientProfile(accountID: patient.id, viewer: me) == PatientProfile())
    }
}

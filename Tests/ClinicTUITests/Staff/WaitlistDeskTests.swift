import ClinicCore
import ClinicTesting
import Foundation
import Testing
@_spi(Tooling) @testable import ClinicTUI

/// The desk's waitlist per doctor (`l` on the board): adding patients whose
/// names are in any script through the patient search and the days' fields,
/// the line's order, an offer by hand, removing with a second press, the
/// closed entries, and the refusals of the core's policy and rules.
@Suite("Desk: the waitlist per doctor")
struct WaitlistDeskTests {
    /// Dr Ana (cardiology, weekdays), patients in four scripts, the receptionist on the board (Mon 2 Mar 2026, 07:00).
    func desk() throws -> (TUIHarness, Account, [Account]) {
        let clinic = try TestClinic()
        let ana = try clinic.addDoctor(name: "Dr Ana Moreau", specialization: "Cardiology")
        let patients = try ["प्रिया शर्मा", "김민준", "ليلى حداد", "Noor 👩‍⚕️"].map { try clinic.addPatient(name: $0) }
        let desk = try clinic.addStaff(.receptionist)
        let h = try TUIHarness(.staff, clinic: clinic)
        h.signIn(desk.email!, "staff-password")
        return (h, ana, patients)
    }

    /// On the waitlist screen: `a`, the search typed, Enter, the fields as given, Enter.
    func add(_ h: TUIHarness, search: String, to: String? = nil, reason: String? = nil) {
        h.press(.char("a")); h.type(search); h.press(.enter)
        if let to { h.press(.tab, .ctrl("u")); h.type(to); h.press(.backTab) }
        if let reason { h.press(.tab, .tab); h.type(reason) }
        h.press(.enter)
    }

    /// A table line without its indent and selection mark.
    static func row(_ line: String) -> String { line.replacingOccurrences(of: "▸", with: " ").trimmingCharacters(in: .whitespaces) }

    @Test("l opens the doctor's waitlist; a adds patients typed in Devanagari and Hangul, first in line first")
    func addInLine() throws {
        let (h, ana, p) = try desk()
        #expect(h.screen.contains("l waitlist") || h.frame(width: 160, height: 30).text.contains("l waitlist"))
        h.press(.char("l"))
        let model = try #require(h.core.top as? WaitlistModel)
        #expect(model.doctor.id == ana.id && h.screen.contains("No one is waiting for Dr Ana Moreau: a adds a patient."))
        #expect(h.screen.contains("a add") && h.screen.contains("o offer") && h.screen.contains("t show closed"))
        #expect(h.screen.contains("Esc back") && h.screen.contains("quit"), "the footer keeps the app's keys at 80 columns: \(h.screen)")

        // a: the desk's patient search, typed in Devanagari, then the days (defaults today … today + 14)
        h.press(.char("a"))
        #expect((h.core.top as? PatientSearchModel)?.waitlist?.id == ana.id && h.screen.contains("Waitlist for Dr Ana Moreau: pick"))
        h.type("प्रिया")
        #expect(h.screen.contains("1 match") && h.screen.contains("प्रिया शर्मा"), "\(h.screen)")
        h.press(.enter)
        let join = try #require(h.core.top as? WaitlistJoinModel)
        #expect(join.form[0] == "2026-03-02" && join.form[1] == "2026-03-16")
        h.press(.tab, .tab); h.type("ألم في الصدر 👨‍👩‍👧"); h.press(.enter)
        #expect(h.core.top === model, "back on the waitlist")
        #expect(h.screen.contains("प्रिया शर्मा is number 1 in line for Dr Ana Moreau."), "\(h.screen)")

        add(h, search: "김민", to: "2026-03-05")
        #expect(h.screen.contains("김민준 is number 2 in line"), "\(h.screen)")
        let lines = h.screen.split(separator: "\n").map(String.init)
        let first = try #require(lines.firstIndex { $0.contains(p[0].phone!) })
        let second = try #require(lines.firstIndex { $0.contains(p[1].phone!) })
        #expect(first < second && Self.row(lines[first]).hasPrefix("1 ") && Self.row(lines[second]).hasPrefix("2 "))
        #expect(lines[second].contains("김민준") && lines[second].contains("2 Mar–5 Mar"), "\(lines[second])")
        #expect(h.screen.contains("2 waiting"))

        // The database has both, with the reason as typed
        let stored = try h.clinic.store.waitlist(doctorID: ana.id, by: .shell)
        #expect(stored.map(\.patient.id) == [p[0].id, p[1].id] && stored.map(\.position) == [1, 2])
        #expect(stored[0].reason == "ألم في الصدر 👨‍👩‍👧" && stored[1].reason == ClinicStore.waitlistDefaultReason)
        #expect(stored[1].to == LocalDate("2026-03-05"))
        // The selected entry's reason shows in full under the table
        #expect(h.screen.contains("Reason: ألم في الصدر 👨‍👩‍👧"), "\(h.screen)")
    }

    @Test("o offers the earliest free slot by SMS and says so; o again shows why not; the offer is on the row")
    func offerByHand() throws {
        let (h, ana, p) = try desk()
        h.press(.char("l"))
        add(h, search: "Noor", reason: "Follow-up")
        h.press(.char("o"))
        let entry = try #require(try h.clinic.store.waitlist(doctorID: ana.id, by: .shell).first)
        let offer = try #require(entry.openOffer)
        #expect(offer.start == (try h.clinic.local("2026-03-02", "09:00")), "the earliest free slot at least an hour ahead")
        #expect(h.screen.contains("Offer \(offer.code) texted: Dr Ana Moreau, Mon 2 Mar 09:00, open until 07:15"), "\(h.screen)")
        #expect(h.screen.contains("Offer \(offer.code): Dr Ana Moreau, Mon 2 Mar 09:00, until 07:15"))
        let sms = try h.clinic.store.smsLog(SMSLogFilter(limit: 10)).filter { $0.kind == .waitlistOffer }
        #expect(sms.count == 1 && sms[0].to == p[3].phone && sms[0].body.contains("TAKE \(offer.code)"))
        // A second o: the binding is refused with the reason, nothing more is sent
        h.press(.char("o"))
        #expect(h.screen.contains("Noor 👩‍⚕️ already has offer \(offer.code) open until 07:15."), "\(h.screen)")
        #expect(try h.clinic.store.smsLog(SMSLogFilter(limit: 10)).filter { $0.kind == .waitlistOffer }.count == 1)
    }

    @Test("the core's refusal as it is: nothing free in the entry's days")
    func nothingFree() throws {
        let (h, _, _) = try desk()
        h.press(.char("l"))
        h.press(.char("a")); h.type("ليلى"); h.press(.enter)
        h.press(.ctrl("u")); h.type("2026-03-07"); h.press(.tab, .ctrl("u")); h.type("2026-03-08"); h.press(.enter)
        h.press(.char("o"))
        #expect(h.screen.contains("no free slot for Dr Ana Moreau between 2026-03-07 and 2026-03-08"), "\(h.screen)")
    }

    @Test("x asks first and removes on the second press; t shows the closed entries")
    func removeWithConfirm() throws {
        let (h, ana, p) = try desk()
        h.press(.char("l"))
        add(h, search: "प्रिया"); add(h, search: "김민"); add(h, search: "Noor")
        let model = try #require(h.core.top as? WaitlistModel)
        h.press(.down)
        #expect(model.selected?.patient.id == p[1].id)
        h.press(.char("x"))
        #expect(h.screen.contains("Press x again to take 김민준 off the waitlist for Dr Ana Moreau."))
        #expect(try h.clinic.store.waitlist(doctorID: ana.id, by: .shell).count == 3, "nothing removed yet")
        // Moving away forgets the first press
        h.press(.down, .up, .char("x"))
        #expect(try h.clinic.store.waitlist(doctorID: ana.id, by: .shell).count == 3)
        h.press(.char("x"))
        #expect(h.screen.contains("김민준 is off the waitlist for Dr Ana Moreau."))
        let left = try h.clinic.store.waitlist(doctorID: ana.id, by: .shell)
        #expect(left.map(\.patient.id) == [p[0].id, p[3].id] && left.map(\.position) == [1, 2])
        #expect(!h.screen.contains(p[1].phone!) && h.screen.contains("2 waiting"))
        // t shows the removed one (dim, at the end); x on it says why not
        h.press(.char("t"))
        #expect(h.screen.contains("closed entries shown") && h.screen.contains("t hide closed"))
        let lines = h.screen.split(separator: "\n").map(String.init)
        let removed = try #require(lines.first { $0.contains(p[1].phone!) })
        #expect(removed.contains("removed"))
        h.press(.end, .char("x"))
        #expect(h.screen.contains("김민준's entry is removed already."), "\(h.screen)")
        h.press(.char("t"))
        #expect(!h.screen.contains(p[1].phone!))
    }

    @Test("a patient without a phone: the core's sentence on the days' screen")
    func noPhone() throws {
        let (h, _, _) = try desk()
        try h.clinic.store.createAccount(
            NewAccount(role: .patient, name: "Walk-in Ωmega", email: "omega@clinic.test", phone: nil), by: .shell)
        h.press(.char("l"))
        add(h, search: "Ωmega")
        #expect(h.core.top is WaitlistJoinModel)
        let words = h.screen.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("and Walk-in Ωmega has no phone number; add one first"), "\(h.screen)")
    }

    @Test("a doctor may look but not act: a and o are refused with the policy's sentence; the offer needs the desk")
    func refusedByPolicy() throws {
        let (h, ana, p) = try desk()
        _ = try h.clinic.store.joinWaitlist(
            WaitlistRequest(patientID: p[0].id, target: .doctor(ana.id), from: LocalDate("2026-03-02")!, to: LocalDate("2026-03-09")!),
            by: .shell)
        h.context.account = ana
        let listing = try #require(try h.clinic.store.bookableDoctors().first)
        h.core.open(WaitlistModel(h.context, doctor: listing))
        #expect(h.screen.contains("प्रिया शर्मा") && h.screen.contains("1 waiting"))
        #expect(!h.screen.contains("a add"), "a key that is not theirs at all stays out of the footer")
        h.press(.char("o"))
        #expect(h.screen.contains("Only the desk offers slots from the waitlist."), "\(h.screen)")
        h.press(.char("a"))
        #expect(h.screen.contains("The desk keeps the waitlist.") && h.core.top is WaitlistModel)
        h.press(.char("?"))
        #expect(h.screen.contains("offer (only the desk offers slots"), "help says why: \(h.screen)")
        #expect(try h.clinic.store.waitlist(doctorID: ana.id, by: .shell).first?.openOffer == nil)
    }
}

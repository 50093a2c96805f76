import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The waitlist's offers across a SIGKILL of `clinic serve` and a restart a
/// quarter of an hour later: the first offer went out once, the restarted
/// scheduler lapses it and offers the slot to the next in line, whose text
/// goes out once; the third in line is never offered anything.
@Suite(.serialized) struct ServeWaitlistCrashTests {
    @Test func killThenRestartLaterLapsesTheOfferOnceAndOffersTheNextOnce() throws {
        // Given a cancelled visit at 11:00 offered to the first of three waiting, and serve sending it
        let f = try ServeFixture(appointments: 18)  // Tue 3 Mar 09:00–11:50, now 08:59
        let patients = try (0..<3).map { i in
            try f.store.createAccount(
                NewAccount(role: .patient, name: ["साक्षी", "김민준", "ليلى"][i], email: "wait\(i)@clinic.test", phone: "+1555013\(i)000"), by: .shell)
        }
        for p in patients {
            _ = try f.store.joinWaitlist(
                WaitlistRequest(patientID: p.id, target: .doctor(f.doctorID), from: LocalDate("2026-03-03")!, to: LocalDate("2026-03-03")!),
                by: .shell)
        }
        let visit = try f.store.appointment(code: f.codes[12])  // 11:00
        _ = try f.store.transition(code: visit.code, to: .cancelled, by: .shell)
        func offers(to p: Account) -> Int {
            f.twilio.requests.filter { $0.form["To"] == p.phone && $0.form["Body"]?.contains("Reply TAKE") == true }.count
        }
        let first = try f.startServe()
        #expect(Eventually.wait(timeout: 60) { offers(to: patients[0]) == 1 })
        // When serve is killed, and another starts sixteen minutes later
        signalProcess(first, SIGKILL)
        _ = first.wait()
        var later = f.environment()
        later["CLINIC_CLOCK_OFFSET"] = String(f.offset + 16 * 60)
        let second = try ClinicBinary.start(["serve"], environment: later)
        let handedOn = Eventually.wait(timeout: 60) { offers(to: patients[1]) == 1 }
        signalProcess(second, SIGTERM)
        #expect(second.wait().exitCode == 0)

        // Then the first's offer lapsed once, the second's was sent once, the third got nothing
        #expect(handedOn)
        #expect(offers(to: patients[0]) == 1 && offers(to: patients[1]) == 1 && offers(to: patients[2]) == 0)
        let entries = try patients.map { try #require(try f.store.waitlist(patientID: $0.id, includeClosed: true, by: .shell).first) }
        #expect(entries[0].openOffer == nil && entries[0].offers == 1)
        #expect(entries[1].openOffer?.start == visit.start && entries[2].offers == 0)
        #expect(try f.messages(.waitlistOffer).map(\.state) == [.sent, .sent])
    }
}

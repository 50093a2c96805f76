import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Every refusal of the waitlist, each leaving it as it was; and who may do
/// what with it (`WaitlistAction`), cell by cell.
@Suite struct WaitlistRefusalTests {
    struct Given {
        let c = try! TestClinic()
        let doctor: Account, patient: Account, other: Account, desk: Account
        var store: ClinicStore { c.store }

        init() throws {
            doctor = try c.addDoctor(name: "Dr Moreau", specialization: "Cardiology")
            patient = try c.addPatient(name: "Aarav शर्मा")
            other = try c.addPatient()
            desk = try c.addStaff(.receptionist)
        }

        func request(
            _ p: Account? = nil, _ target: WaitlistTarget? = nil, from: String = "2026-03-02", to: String = "2026-03-20", reason: String = ""
        ) -> WaitlistRequest {
            WaitlistRequest(
                patientID: (p ?? patient).id, target: target ?? .doctor(doctor.id), from: LocalDate(from)!, to: LocalDate(to)!, reason: reason)
        }

        func refused(_ code: ClinicError.Code, _ r: WaitlistRequest, by actor: Actor = .shell, _ message: String = "") throws {
            let before = try store.waitlist(includeClosed: true, by: .shell)
            let error = try #require(throws: ClinicError.self) { try store.joinWaitlist(r, by: actor) }
            #expect(error.code == code, "\(error)")
            #expect(message.isEmpty || error.message.contains(message), "\(error.message)")
            #expect(try store.waitlist(includeClosed: true, by: .shell) == before)
        }
    }

    @Test func joiningIsRefusedWithAClearReason() throws {
        let g = try Given()
        let me = Actor.account(g.patient.id, .patient, via: .kiosk)
        try g.refused(.forbidden, g.request(g.other), by: me, "only their own")
        try g.refused(.forbidden, g.request(), by: .account(g.doctor.id, .doctor, via: .tui), "the desk keeps the waitlist")
        try g.refused(.invalidInput, g.request(from: "2026-03-10", to: "2026-03-09"), "after the last")
        try g.refused(.invalidInput, g.request(from: "2026-02-01", to: "2026-03-01"), "has passed")
        try g.refused(.invalidInput, g.request(from: "2029-01-01", to: "2029-01-02"), "two years")
        try g.refused(.notFound, g.request(nil, .doctor(g.other.id)), "no active doctor")
        try g.refused(.notFound, g.request(nil, .specialization("Dermatology")), "known: Cardiology")
        try g.refused(.notFound, g.request(g.desk), "no active patient")
        try g.refused(.invalidInput, g.request(reason: "line\none"))
        // A patient with no phone cannot get offers
        let emailOnly = try g.store.createAccount(NewAccount(role: .patient, name: "Mail Only", email: "mail@clinic.test", phone: nil), by: .shell)
        try g.refused(.invalidInput, g.request(emailOnly), "no phone number")
        // The same doctor twice, or the specialization spelled in another case twice
        let joined = try g.store.joinWaitlist(g.request(nil, .specialization("cardiology")), by: me)
        #expect(joined.specialization == "Cardiology" && joined.position == 1 && joined.reason == ClinicStore.waitlistDefaultReason)
        try g.refused(.conflict, g.request(nil, .specialization("CARDIOLOGY")), "already waiting")
        #expect(try g.store.joinWaitlist(g.request(), by: me).position == 2)  // for the doctor too: after the specialization's entry
        try g.refused(.conflict, g.request(), by: .account(g.desk.id, .receptionist, via: .tui), "already waiting")
    }

    @Test func removingAndOfferingAreRefusedWithAClearReason() throws {
        let g = try Given()
        let me = Actor.account(g.patient.id, .patient, via: .kiosk), them = Actor.account(g.other.id, .patient, via: .kiosk)
        let desk = Actor.account(g.desk.id, .receptionist, via: .tui)
        g.c.clock.set(Date(timeIntervalSince1970: TimeInterval(try g.c.local("2026-03-02", "09:10"))))
        let entry = try g.store.joinWaitlist(g.request(), by: me)
        // Another patient learns nothing: not found, as an unknown id
        #expect(throws: ClinicError(.notFound, "no waitlist entry \(entry.id); `clinic waitlist list` shows the ids")) {
            try g.store.removeFromWaitlist(id: entry.id, by: them)
        }
        #expect(try g.store.waitlist(by: them).isEmpty)
        #expect(throws: ClinicError.self) { try g.store.waitlist(patientID: g.patient.id, by: them) }
        // Only the desk offers by hand
        #expect(throws: ClinicError(.forbidden, "only the desk offers slots from the waitlist")) {
            try g.store.offerWaitlistSlot(entryID: entry.id, by: me)
        }
        // A slot under an hour ahead, off the hours, outside the days, taken, or the patient busy then
        let tue10 = try g.c.local("2026-03-03", "10:00")
        let refusals: [(Int64, ClinicError.Code)] = [
            (try g.c.local("2026-03-02", "09:30"), .inPast),
            (try g.c.local("2026-03-03", "10:10"), .notAligned),
            (try g.c.local("2026-03-07", "10:00"), .outsideSchedule),
            (try g.c.local("2026-03-23", "10:00"), .invalidInput),
        ]
        for (start, code) in refusals {
            let error = try #require(throws: ClinicError.self) { try g.store.offerWaitlistSlot(entryID: entry.id, start: start, by: desk) }
            #expect(error.code == code, "\(error)")
        }
        _ = try g.c.book(doctor: g.doctor, patient: g.other, at: tue10)
        let taken = try #require(throws: ClinicError.self) { try g.store.offerWaitlistSlot(entryID: entry.id, start: tue10, by: desk) }
        #expect(taken.code == .slotTaken)
        let other = try g.c.addDoctor(name: "Dr Other", specialization: "Cardiology")
        _ = try g.c.book(doctor: other, patient: g.patient, at: tue10 + 1800)
        let busy = try #require(throws: ClinicError.self) { try g.store.offerWaitlistSlot(entryID: entry.id, start: tue10 + 1800, by: desk) }
        #expect(busy.code == .patientBusy)
        #expect(try g.store.waitlist(by: .shell).first?.openOffer == nil)
        // The earliest free slot by default; then a second offer while one is open is a conflict
        let offer = try g.store.offerWaitlistSlot(entryID: entry.id, by: desk)
        #expect(offer.start == (try g.c.local("2026-03-02", "10:30")) && offer.offeredBy == g.desk.id)  // an hour ahead at least
        let twice = try #require(throws: ClinicError.self) { try g.store.offerWaitlistSlot(entryID: entry.id, by: desk) }
        #expect(twice.code == .conflict && twice.message.contains("already has offer \(offer.code) open"))
        // Removed: its offer is withdrawn; removing again is a conflict
        let removed = try g.store.removeFromWaitlist(id: entry.id, by: me)
        #expect(removed.state == .removed && removed.openOffer == nil)
        // Its SMS, not sent yet, no longer goes out
        let sms = try #require(try g.store.smsLog().first { $0.kind == .waitlistOffer })
        #expect(sms.state == .skipped && sms.errorCode == "offer_closed" && sms.body.contains(offer.code))
        #expect(throws: ClinicError(.conflict, "waitlist entry \(entry.id) is removed already")) {
            try g.store.removeFromWaitlist(id: entry.id, by: desk)
        }
    }

    @Test func whoMayDoWhatWithTheWaitlist() {
        // Nobody, the entry's patient, another patient, a doctor, a receptionist, an admin, the shell, the scheduler
        let actors: [Actor?] = [
            nil, .account(20, .patient, via: .kiosk), .account(21, .patient, via: .kiosk), .account(10, .doctor, via: .tui),
            .account(30, .receptionist, via: .tui), .account(40, .admin, via: .tui), .shell, .scheduler,
        ]
        let table: [(WaitlistAction, String)] = [
            (.join, "UAFFAAAF"),
            (.view, "UAFAAAAF"),
            (.remove, "UAFFAAAF"),
            (.offer, "UFFFAAAF"),
        ]
        #expect(Set(table.map(\.0)) == Set(WaitlistAction.allCases))
        for (action, pattern) in table {
            let got = actors.map { actor -> Character in
                switch Policy.decide(action, by: actor, patientID: 20) {
                case .allowed: return "A"
                case .refused(let code, _): return code == .unauthorized ? "U" : code == .forbidden ? "F" : "?"
                }
            }
            #expect(String(got) == pattern, "\(action)")
        }
    }
}

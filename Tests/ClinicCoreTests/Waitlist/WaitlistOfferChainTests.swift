import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The waitlist that refills freed slots (issue 15), through the scheduler,
/// the real Twilio client and a fake Twilio on 127.0.0.1, with a manual
/// clock: a freed slot is offered to the first patient in line in the
/// cancelling transaction, an offer nobody answers lapses after 15 minutes and
/// goes to the next, a `TAKE` books it (or moves a later visit), and whoever
/// comes after is never offered it.
@Suite struct WaitlistOfferChainTests {
    /// Mon 2 Mar 2026 12:00Z (07:00 New York): the harness's clock.
    static let t0 = TestClinic.seconds("2026-03-02T12:00:00Z")
    /// Tue 3 Mar 2026 10:00 New York.
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")
    /// Fri 6 Mar 2026 10:00 New York.
    static let friday = TestClinic.seconds("2026-03-06T15:00:00Z")

    /// A doctor, a patient holding Tuesday 10:00, and three patients waiting for the doctor in this order.
    struct Given {
        let h = try! SchedulerHarness()
        let doctor: Account, holder: Account, first: Account, second: Account, third: Account
        let visit: Appointment
        var store: ClinicStore { h.clinic.store }

        init() throws {
            doctor = try h.clinic.addDoctor(name: "Dr Amélie Moreau")
            holder = try h.clinic.addPatient(name: "Holder")
            first = try h.clinic.addPatient(name: "साक्षी शर्मा")
            second = try h.clinic.addPatient(name: "김민준")
            third = try h.clinic.addPatient(name: "ليلى حداد")
            visit = try h.clinic.book(doctor: doctor, patient: holder, at: WaitlistOfferChainTests.start)
            for p in [first, second, third] {
                try join(p, from: "2026-03-02", to: "2026-03-10")
            }
        }

        @discardableResult
        func join(_ p: Account, from: String, to: String) throws -> WaitlistEntry {
            try store.joinWaitlist(
                WaitlistRequest(patientID: p.id, target: .doctor(doctor.id), from: LocalDate(from)!, to: LocalDate(to)!),
                by: .account(p.id, .patient, via: .kiosk))
        }

        /// The offer bodies Twilio received for a patient.
        func offersSent(to p: Account) -> [String] {
            h.twilio.requests.filter { $0.form["To"] == p.phone && $0.form["Body"]?.contains("Reply TAKE") == true }.compactMap { $0.form["Body"] }
        }

        /// The code in an offer's text.
        static func code(_ body: String) -> String {
            String(body.split(separator: " ").drop { $0 != "TAKE" }.dropFirst().first ?? "")
        }

        var sid = 0
        mutating func reply(_ p: Account, _ body: String) throws -> InboundSMSResult {
            sid += 1
            return try store.receiveSMS(InboundSMS(messageSID: "SMtake\(sid)", from: p.phone!, body: body))
        }

        func entry(_ p: Account) throws -> WaitlistEntry {
            try #require(try store.waitlist(patientID: p.id, includeClosed: true, by: .shell).first)
        }
    }

    @Test func theFirstIgnoresTheSecondTakesTheThirdIsNeverOffered() throws {
        var g = try Given()
        // When the holder cancels the day before
        _ = try g.store.transition(code: g.visit.code, to: .cancelled, by: .account(g.holder.id, .patient, via: .kiosk))
        // Then the offer to the first in line is queued in that same transaction, and the tick sends it
        #expect(try g.h.messages(.waitlistOffer).map(\.to) == [g.first.phone])
        try g.h.tick(at: Self.t0 + 5)
        let toFirst = try #require(g.offersSent(to: g.first).first)
        #expect(toFirst.hasPrefix("Test Clinic: a visit with Dr Amélie Moreau on Tue 3 Mar 2026 at 10:00 is free. Reply TAKE "))
        #expect(toFirst.hasSuffix("within 15 min to take it."))
        #expect(try g.entry(g.first).openOffer?.start == Self.start)

        // When the first says nothing for 15 minutes (ticks at 14:59 change nothing)
        try g.h.tick(at: Self.t0 + 14 * 60 + 59)
        #expect(g.offersSent(to: g.second).isEmpty)
        let lapse = try g.h.tick(at: Self.t0 + 15 * 60)
        // Then their offer lapses and the second in line is offered the slot
        #expect(lapse.offersExpired == 1 && lapse.offersMade == 1)
        try g.h.tick(at: Self.t0 + 15 * 60 + 5)
        let toSecond = try #require(g.offersSent(to: g.second).first)

        // When the second takes it
        let taken = try g.reply(g.second, "take \(Given.code(toSecond).lowercased())")
        // Then it is booked for them, as the patient via SMS, and the reply says so
        #expect(taken.outcome == "took")
        let booked = try #require(try g.store.appointments(AppointmentFilter(patientID: g.second.id)).first)
        #expect(booked.start == Self.start && booked.doctor.id == g.doctor.id && booked.status == .scheduled)
        #expect(taken.reply?.contains("it is yours. You are booked with Dr Amélie Moreau on Tue 3 Mar 2026 at 10:00. Code \(booked.code)") == true)
        #expect(try g.store.events(code: booked.code).first.map { $0.via == .sms && $0.actorID == g.second.id } == true)
        #expect(try g.entry(g.second).state == .booked && g.entry(g.second).appointmentCode == booked.code)
        // And the first's late TAKE books nothing; the third was never offered anything
        let late = try g.reply(g.first, "TAKE \(Given.code(toFirst))")
        #expect(late.outcome == "offer_expired" && late.reply?.contains("has run out") == true)
        for t in stride(from: Self.t0 + 16 * 60, through: Self.t0 + 60 * 60, by: 300) { try g.h.tick(at: t) }
        #expect(g.offersSent(to: g.third).isEmpty)
        #expect(try g.h.messages(.waitlistOffer).map(\.to) == [g.first.phone, g.second.phone])
        #expect(try g.entry(g.first).state == .waiting && g.entry(g.third).state == .waiting)
        // No booking notice besides the reply
        #expect(try g.h.messages(.booking).filter { $0.to == g.second.phone }.isEmpty)
    }

    @Test func takingMovesALaterVisitWithThatDoctorAndItsSlotGoesToTheNext() throws {
        var g = try Given()
        // Given the first in line already holds Friday 10:00 with the doctor
        let later = try g.h.clinic.book(doctor: g.doctor, patient: g.first, at: Self.friday)
        _ = try g.store.transition(code: g.visit.code, to: .cancelled, by: .shell)
        try g.h.tick(at: Self.t0 + 5)
        let offer = try #require(g.offersSent(to: g.first).first)
        // When they take Tuesday
        let taken = try g.reply(g.first, "TAKE \(Given.code(offer))")
        // Then Friday's visit moved to Tuesday (one visit, same code), not a second booking
        #expect(taken.outcome == "took_moved")
        let visits = try g.store.appointments(AppointmentFilter(patientID: g.first.id)).filter { $0.status.isActive }
        #expect(visits.map(\.code) == [later.code] && visits.first?.start == Self.start)
        #expect(taken.reply?.contains("moved from Fri 6 Mar 2026 at 10:00 to Tue 3 Mar 2026 at 10:00") == true)
        // And Friday 10:00, free now, is offered to the second in line at once
        let next = try #require(try g.entry(g.second).openOffer)
        #expect(next.start == Self.friday && next.doctor.id == g.doctor.id)
        #expect(try g.entry(g.third).openOffer == nil)
    }

    @Test func aSlotSomeoneElseBookedIsLostAndNotOfferedAgain() throws {
        var g = try Given()
        _ = try g.store.transition(code: g.visit.code, to: .cancelled, by: .shell)
        try g.h.tick(at: Self.t0 + 5)
        let offer = try #require(g.offersSent(to: g.first).first)
        // When the desk books the slot for a walk-in before the first answers
        let walkIn = try g.h.clinic.addPatient(name: "Walk-in")
        _ = try g.h.clinic.book(doctor: g.doctor, patient: walkIn, at: Self.start)
        let taken = try g.reply(g.first, "TAKE \(Given.code(offer))")
        // Then the first is told it is gone and stays on the list; nothing is booked for them
        #expect(taken.outcome == "offer_lost" && taken.reply?.contains("has just been taken") == true)
        #expect(try g.store.appointments(AppointmentFilter(patientID: g.first.id)).isEmpty)
        #expect(try g.entry(g.first).state == .waiting && g.entry(g.first).openOffer == nil)
        // And the lapse pass has nothing to hand on: the slot is not free
        let tick = try g.h.tick(at: Self.t0 + 30 * 60)
        #expect(tick.offersMade == 0 && g.offersSent(to: g.second).isEmpty)
    }

    @Test func whoIsOfferedAFreedSlotAndWhoIsNot() throws {
        var g = try Given()
        // The second is busy at that time with another doctor; the first's phone opted out
        let other = try g.h.clinic.addDoctor(name: "Dr Other")
        _ = try g.h.clinic.book(doctor: other, patient: g.second, at: Self.start)
        try g.store.setOptOut(phone: g.first.phone!, optedOut: true, source: "test")
        _ = try g.store.transition(code: g.visit.code, to: .cancelled, by: .shell)
        // Then the third gets it
        #expect(try g.entry(g.third).openOffer?.start == Self.start)
        #expect(try g.entry(g.first).openOffer == nil && g.entry(g.second).openOffer == nil)
        // And a bare TAKE takes their one open offer
        #expect(try g.reply(g.third, "TAKE").outcome == "took")
        #expect(try g.entry(g.third).state == .booked)
    }

    @Test func noOfferForASlotTooSoonOrOneCancelledByTimeOffAndReopenedSlotsAreOffered() throws {
        let g = try Given()
        // A visit at 09:30 today cancelled at 08:40: under an hour ahead, no offer
        let soon = try g.h.clinic.local("2026-03-02", "09:30")
        let early = try g.h.clinic.addPatient(name: "Early")
        let a = try g.h.clinic.book(doctor: g.doctor, patient: early, at: soon)
        g.h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(soon - 50 * 60)))
        _ = try g.store.transition(code: a.code, to: .cancelled, by: .shell)
        #expect(try g.h.messages(.waitlistOffer).isEmpty)
        g.h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.t0)))
        // The doctor's sick day on Tuesday cancels the holder's visit: no slot is freed, nothing offered
        let day = (from: try g.h.clinic.local("2026-03-03", "00:00"), to: try g.h.clinic.local("2026-03-04", "00:00"))
        let off = try g.store.addTimeOff(.doctor(g.doctor.id), from: day.from, to: day.to, note: "sick", cancelBooked: true, by: .shell)
        #expect(try g.h.messages(.waitlistOffer).isEmpty)
        // When the time off is removed, Tuesday's slots are free again: the three waiting get the first three
        try g.store.removeTimeOff(id: off.timeOff.id, doctorID: g.doctor.id, by: .shell)
        let offered = try [g.first, g.second, g.third].map { try #require(try g.entry($0).openOffer).start }
        #expect(offered == [Self.start - 3600, Self.start - 1800, Self.start])  // 09:00, 09:30, 10:00 in line order
    }

    @Test func aRefusedTakePassesTheSlotOn() throws {
        var g = try Given()
        // Given the first in line is offered Tuesday 10:00, then books another doctor at that time
        _ = try g.store.transition(code: g.visit.code, to: .cancelled, by: .shell)
        let offer = try #require(try g.entry(g.first).openOffer)
        let other = try g.h.clinic.addDoctor(name: "Dr Busy")
        _ = try g.h.clinic.book(doctor: other, patient: g.first, at: Self.start)
        let taken = try g.reply(g.first, "TAKE \(offer.code)")
        #expect(taken.outcome == "refused:patient_busy")
        #expect(taken.reply?.contains("we could not book offer \(offer.code)") == true)
        // Then the second in line is offered it at once
        #expect(try g.entry(g.second).openOffer?.start == Self.start)
    }

    @Test func aPatientWaitingTwiceIsNeverOfferedTheSameSlotAgainNorTwoAtOnce() throws {
        var g = try Given()
        // Given the first in line also waits for any General practice doctor (a second entry, later in line)
        _ = try g.store.joinWaitlist(
            WaitlistRequest(patientID: g.first.id, target: .specialization("General practice"), from: LocalDate("2026-03-02")!, to: LocalDate("2026-03-10")!),
            by: .shell)
        // When the holder cancels and a second slot frees up too
        let other = try g.h.clinic.addPatient(name: "Other")
        let friday = try g.h.clinic.book(doctor: g.doctor, patient: other, at: Self.friday)
        _ = try g.store.transition(code: g.visit.code, to: .cancelled, by: .shell)
        _ = try g.store.transition(code: friday.code, to: .cancelled, by: .shell)
        // Then the first holds one offer, the second in line the other slot
        #expect(try g.store.waitlist(patientID: g.first.id, by: .shell).compactMap(\.openOffer).map(\.start) == [Self.start])
        #expect(try g.entry(g.second).openOffer?.start == Self.friday)
        // When both offers lapse, Tuesday goes to the third, never back to the first through their other entry,
        // and Friday, never offered to the first, goes to them
        try g.h.tick(at: Self.t0 + 15 * 60)
        #expect(try g.entry(g.third).openOffer?.start == Self.start)
        #expect(try g.store.waitlist(patientID: g.first.id, by: .shell).compactMap(\.openOffer).map(\.start) == [Self.friday])
        // And when the third takes it, none of the first's entries is touched; the third's is booked
        let code = try #require(try g.entry(g.third).openOffer?.code)
        #expect(try g.reply(g.third, "TAKE \(code)").outcome == "took")
        #expect(try g.store.waitlist(patientID: g.first.id, by: .shell).count == 2)
    }

    @Test func anOfferWhoseSMSFailsForGoodGoesToTheNextAtOnce() throws {
        let g = try Given()
        // Given the holder's booking notice sent, and the first in line's number is not a mobile phone
        try g.h.tick(at: Self.t0 + 1)
        _ = try g.store.transition(code: g.visit.code, to: .cancelled, by: .shell)
        g.h.twilio.enqueue(.created, .error(status: 400, code: 21614, message: "not a mobile number"))  // the cancellation, then the offer
        // When the scheduler sends the offer and Twilio refuses it
        try g.h.tick(at: Self.t0 + 5)
        // Then the offer is lost and the second in line is offered the slot in the same step, texted on the next tick
        let lost = try #require(try g.store.waitlist(patientID: g.first.id, includeClosed: true, by: .shell).first)
        #expect(lost.openOffer == nil && lost.state == .waiting)
        #expect(try g.entry(g.second).openOffer?.start == Self.start)
        try g.h.tick(at: Self.t0 + 10)
        #expect(g.offersSent(to: g.second).count == 1)
        // And the failed offer cannot be retried by the desk: it is closed
        let failed = try #require(try g.h.messages(.waitlistOffer).first { $0.to == g.first.phone })
        #expect(failed.state == .failed)
        #expect(try g.store.retryDecision(id: failed.id, by: .shell).code == .inPast)
    }

    @Test func timeOffOverAnOfferedSlotWithdrawsTheOffer() throws {
        let g = try Given()
        _ = try g.store.transition(code: g.visit.code, to: .cancelled, by: .shell)
        let offer = try #require(try g.entry(g.first).openOffer)
        // When the doctor falls sick that day before the offer is answered
        let day = (from: try g.h.clinic.local("2026-03-03", "00:00"), to: try g.h.clinic.local("2026-03-04", "00:00"))
        _ = try g.store.addTimeOff(.doctor(g.doctor.id), from: day.from, to: day.to, note: "flu", by: .shell)
        // Then the offer is withdrawn (its text not sent), and no one else is offered the slot
        #expect(try g.entry(g.first).openOffer == nil)
        let sms = try #require(try g.h.messages(.waitlistOffer).first)
        #expect(sms.state == .skipped && sms.body.contains(offer.code))
        #expect(try g.entry(g.second).openOffer == nil)
    }

    @Test func anOfferTheCarrierReportsUndeliveredGoesToTheNext() async throws {
        let g = try Given()
        _ = try g.store.transition(code: g.visit.code, to: .cancelled, by: .shell)
        try g.h.tick(at: Self.t0 + 5)
        let sent = try #require(try g.h.messages(.waitlistOffer).first)
        let sid = try #require(sent.providerID)
        // When Twilio's status callback says it never arrived
        #expect(try await g.store.receiveDeliveryStatus(DeliveryStatusReport(messageSID: sid, status: "undelivered", errorCode: "30005")))
        // Then the first's offer is lost and the second is offered the slot
        #expect(try g.entry(g.first).openOffer == nil)
        #expect(try g.entry(g.second).openOffer?.start == Self.start)
    }
}

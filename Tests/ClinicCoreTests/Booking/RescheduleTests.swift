@_spi(Tooling) import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// Moving an appointment to another free slot in one transaction.
@Suite struct RescheduleTests {
    func setUp() throws -> (TestClinic, Account, Account, Appointment) {
        let c = try TestClinic()
        let doctor = try c.addDoctor(name: "Dr Ana Moreau")
        let patient = try c.addPatient()
        let a = try c.book(doctor: doctor, patient: patient, at: c.local("2026-03-03", "09:00"))
        return (c, doctor, patient, a)
    }

    @Test func movesToAFreeSlotFreeingTheOldOneWithAnAuditRow() throws {
        let (c, doctor, patient, a) = try setUp()
        let desk = try c.addStaff(.receptionist)
        let target = try c.local("2026-03-04", "10:30")
        let moved = try c.store.reschedule(code: a.code, to: target, by: .account(desk.id, .receptionist, via: .tui))
        #expect(moved.code == a.code && moved.start == target && moved.end == target + 1800)
        #expect(moved.status == .scheduled)
        let event = try #require(try c.store.events(code: a.code).last)
        #expect(event.note.contains("moved from 2026-03-03T09:00") && event.actorRole == "receptionist")
        // the old slot is free for someone else
        let other = try c.addPatient()
        let taker = try c.book(doctor: doctor, patient: other, at: c.local("2026-03-03", "09:00"))
        #expect(taker.start == a.start)
        _ = patient
    }

    @Test func aRefusedMoveKeepsTheOldSlot() throws {
        let (c, doctor, _, a) = try setUp()
        let other = try c.addPatient()
        let taken = try c.local("2026-03-03", "10:00")
        try c.book(doctor: doctor, patient: other, at: taken)
        for (start, code) in [
            (taken, ClinicError.Code.slotTaken), (taken + 600, .notAligned),
            (try c.local("2026-03-07", "09:00"), .outsideSchedule),
            (try c.local("2026-03-01", "09:00"), .inPast),
        ] {
            do { _ = try c.store.reschedule(code: a.code, to: start, by: .shell); Issue.record("moved to \(start)") } catch let e as ClinicError {
                #expect(e.code == code)
            }
        }
        #expect(try c.store.appointment(code: a.code).start == a.start)
        let third = try c.addPatient()
        do { try c.book(doctor: doctor, patient: third, at: a.start); Issue.record("the old slot must still be held") } catch let e as ClinicError {
            #expect(e.code == .slotTaken)
        }
    }

    @Test func thePatientMayNotBeDoubleBookedAndOthersMayNotMoveIt() throws {
        let (c, _, patient, a) = try setUp()
        let ben = try c.addDoctor(name: "Dr Ben")
        try c.book(doctor: ben, patient: patient, at: c.local("2026-03-03", "11:00"))
        do { _ = try c.store.reschedule(code: a.code, to: c.local("2026-03-03", "11:00"), by: .shell); Issue.record("busy") } catch let e as ClinicError {
            #expect(e.code == .patientBusy)
        }
        do {
            _ = try c.store.reschedule(code: a.code, to: c.local("2026-03-03", "11:30"), by: .account(ben.id, .doctor, via: .tui)); Issue.record("forbidden")
        } catch let e as ClinicError { #expect(e.code == .forbidden) }
        let stranger = try c.addPatient()
        do {
            _ = try c.store.reschedule(code: a.code, to: c.local("2026-03-03", "11:30"), by: .account(stranger.id, .patient, via: .kiosk));
            Issue.record("forbidden")
        } catch let e as ClinicError { #expect(e.code == .forbidden) }
        _ = try c.store.transition(code: a.code, to: .cancelled, by: .shell)
        do { _ = try c.store.reschedule(code: a.code, to: c.local("2026-03-03", "11:30"), by: .shell); Issue.record("final") } catch let e as ClinicError {
            #expect(e.code == .invalidTransition)
        }
        // Someone else learns nothing about its status: still forbidden once cancelled
        #expect(
            refusal { try c.store.reschedule(code: a.code, to: c.local("2026-03-03", "11:30"), by: .account(stranger.id, .patient, via: .kiosk)) } == .forbidden
        )
    }

    @Test func anAppointmentOfADeactivatedDoctorIsNotMovedOntoTheirSchedule() throws {
        // Given an appointment whose doctor was deactivated afterwards (as older databases allowed)
        let (c, doctor, _, a) = try setUp()
        try c.store.writer.write { db in try db.execute(sql: "UPDATE account SET active = 0 WHERE id = ?", arguments: [doctor.id]) }
        // Then moving it is refused as booking would be, and it stays where it was
        #expect(refusal { try c.store.reschedule(code: a.code, to: c.local("2026-03-03", "11:30"), by: .shell) } == .notFound)
        #expect(try c.store.appointment(code: a.code).start == a.start)
    }

    @Test func theReminderGoesOutForTheNewTimeNotTheOld() throws {
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(name: "Dr Ana Moreau")
        let patient = try h.clinic.addPatient()
        let oldStart = TestClinic.seconds("2026-03-03T15:00:00Z")  // Tue 10:00 New York
        let newStart = TestClinic.seconds("2026-03-04T19:00:00Z")  // Wed 14:00
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: oldStart)
        try h.tick(at: oldStart - 4 * 3600)
        _ = try h.clinic.store.reschedule(code: a.code, to: newStart, by: .shell)
        try h.tick(at: oldStart - 3 * 3600)
        try h.tick(at: oldStart)
        // The booking notice and the move's notice only: no reminder for the old time
        #expect(h.sentBodies.count == 2 && h.sentBodies[1].contains("moved to Wed 4 Mar 2026 at 14:00"))
        try h.tick(at: newStart - 3 * 3600)
        #expect(h.sentBodies.count == 3 && h.sentBodies[2].contains("reminder") && h.sentBodies[2].contains("Wed 4 Mar 2026 at 14:00"))
    }
}

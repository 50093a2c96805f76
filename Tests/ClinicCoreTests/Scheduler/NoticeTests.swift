import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Confirmation and cancellation notices are enqueued in the same transaction
/// as the status change, to the patient; other moves send nothing.
@Suite struct NoticeTests {
    static let start = TestClinic.seconds("2026-03-03T15:00:00Z")

    @Test func confirmingEnqueuesOneConfirmationToThePatient() throws {
        let h = try SchedulerHarness()
        let patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: try h.clinic.addDoctor(name: "Dr Lee"), patient: patient, at: Self.start)
        _ = try h.clinic.store.transition(code: a.code, to: .confirmed, by: .account(patient.id, .patient, via: .kiosk))

        let queued = try h.messages()
        #expect(queued.count == 1)
        let m = try #require(queued.first)
        #expect(m.kind == .confirmation && m.recipient == .patient && m.to == patient.phone && m.state == .queued)
        #expect(m.body.contains("Dr Lee") && m.body.contains("Tue 3 Mar 2026 at 10:00") && m.body.contains("is confirmed"))

        try h.tick(at: TestClinic.seconds("2026-03-02T12:00:05Z"))
        #expect(h.twilio.requests.count == 1)
        #expect(try h.messages().first?.state == .sent)
    }

    @Test func cancellingByAnyoneEnqueuesACancellationToThePatient() throws {
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        let b = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start + 3600)
        _ = try h.clinic.store.transition(code: a.code, to: .cancelled, by: .account(doctor.id, .doctor, via: .tui))
        _ = try h.clinic.store.transition(code: b.code, to: .cancelled, by: .shell)

        let kinds = try h.messages().map { "\($0.kind.rawValue)-\($0.appointmentCode ?? "")-\($0.to)" }
        #expect(kinds == ["cancellation-\(a.code)-\(patient.phone!)", "cancellation-\(b.code)-\(patient.phone!)"])
    }

    @Test func repliesBySMSGetNoExtraNoticeAndCheckInMovesSendNothing() throws {
        // Given one appointment confirmed by SMS and one checked in and back
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        let b = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start + 3600)
        _ = try h.clinic.store.transition(code: a.code, to: .confirmed, by: .account(patient.id, .patient, via: .sms))
        _ = try h.clinic.store.transition(code: a.code, to: .cancelled, by: .account(patient.id, .patient, via: .sms))
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.start)))
        _ = try h.clinic.store.transition(code: b.code, to: .checkedIn, by: .shell)
        _ = try h.clinic.store.undoCheckIn(code: b.code, by: .shell)

        // Then nothing was enqueued (the webhook's TwiML reply is the SMS for replies)
        #expect(try h.messages().isEmpty)
    }

    @Test func aRefusedMoveEnqueuesNothing() throws {
        let h = try SchedulerHarness()
        let other = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: try h.clinic.addPatient(), at: Self.start)
        #expect(throws: ClinicError.self) {
            _ = try h.clinic.store.transition(code: a.code, to: .cancelled, by: .account(other.id, .patient, via: .kiosk))
        }
        #expect(try h.messages().isEmpty)
    }
}

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
        #expect(queued.map(\.kind) == [.booking, .confirmation])
        let m = try #require(queued.last)
        #expect(m.kind == .confirmation && m.recipient == .patient && m.to == patient.phone && m.state == .queued)
        #expect(m.body.contains("Dr Lee") && m.body.contains("Tue 3 Mar 2026 at 10:00") && m.body.contains("is confirmed"))

        try h.tick(at: TestClinic.seconds("2026-03-02T12:00:05Z"))
        #expect(h.twilio.requests.count == 2)
        #expect(try h.messages().allSatisfy { $0.state == .sent })
    }

    @Test func cancellingByAnyoneEnqueuesACancellationToThePatient() throws {
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start)
        let b = try h.clinic.book(doctor: doctor, patient: patient, at: Self.start + 3600)
        _ = try h.clinic.store.transition(code: a.code, to: .cancelled, by: .account(doctor.id, .doctor, via: .tui))
        _ = try h.clinic.store.transition(code: b.code, to: .cancelled, by: .shell)

        let kinds = try h.messages().map { "\($0.kind.rawValue)-\($0.appointmentCode ?? "")-\($0.to)" }
        let phone = patient.phone!
        #expect(kinds == ["booking-\(a.code)-\(phone)", "booking-\(b.code)-\(phone)", "cancellation-\(a.code)-\(phone)", "cancellation-\(b.code)-\(phone)"])
        // And the booking notices not yet sent are skipped with the cancellation
        #expect(try h.messages(.booking).allSatisfy { $0.state == .skipped && $0.errorCode == "appointment_cancelled" })
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

        // Then nothing was enqueued but the two booking notices (the webhook's TwiML reply is the SMS for replies)
        #expect(try h.messages().map(\.kind) == [.booking, .booking])
    }

    @Test func aRefusedMoveEnqueuesNothing() throws {
        let h = try SchedulerHarness()
        let other = try h.clinic.addPatient()
        let a = try h.clinic.book(doctor: try h.clinic.addDoctor(), patient: try h.clinic.addPatient(), at: Self.start)
        #expect(throws: ClinicError.self) {
            _ = try h.clinic.store.transition(code: a.code, to: .cancelled, by: .account(other.id, .patient, via: .kiosk))
        }
        #expect(try h.messages().map(\.kind) == [.booking])  // the booking's own notice only
    }
}

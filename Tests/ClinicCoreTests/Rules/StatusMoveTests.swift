import ClinicCore
import Testing

/// DESIGN §2's status table, row by row: the moves each actor may make.
/// Given the cast's appointment (doctor 10, patient 20, starting at `Cast.start`),
/// when an actor asks for a move a minute after the start (unless stated),
/// then the rules allow it.
@Suite("Policy: the allowed status moves of DESIGN §2")
struct StatusMoveTests {
    // scheduled → confirmed: the patient (kiosk, SMS), staff
    @Test func patientConfirmsAtKiosk() { #expect(decide(.scheduled, .confirmed, by: Cast.patient, at: Cast.before) == .allowed) }
    @Test func patientConfirmsBySMS() { #expect(decide(.scheduled, .confirmed, by: Cast.patientBySMS, at: Cast.before) == .allowed) }
    @Test func ownDoctorConfirms() { #expect(decide(.scheduled, .confirmed, by: Cast.doctor) == .allowed) }
    @Test func receptionistConfirms() { #expect(decide(.scheduled, .confirmed, by: Cast.receptionist) == .allowed) }
    @Test func adminConfirms() { #expect(decide(.scheduled, .confirmed, by: Cast.admin) == .allowed) }
    @Test func shellAdminConfirms() { #expect(decide(.scheduled, .confirmed, by: Cast.shell) == .allowed) }

    // scheduled, confirmed → checked_in: receptionist, admin
    @Test func receptionistChecksInScheduled() { #expect(decide(.scheduled, .checkedIn, by: Cast.receptionist, at: Cast.before) == .allowed) }
    @Test func receptionistChecksInConfirmed() { #expect(decide(.confirmed, .checkedIn, by: Cast.receptionist) == .allowed) }
    @Test func adminChecksIn() { #expect(decide(.confirmed, .checkedIn, by: Cast.admin) == .allowed) }

    // scheduled, confirmed, checked_in → completed: the appointment's doctor, admin, from start time on
    @Test func doctorCompletesScheduled() { #expect(decide(.scheduled, .completed, by: Cast.doctor) == .allowed) }
    @Test func doctorCompletesConfirmed() { #expect(decide(.confirmed, .completed, by: Cast.doctor) == .allowed) }
    @Test func doctorCompletesCheckedIn() { #expect(decide(.checkedIn, .completed, by: Cast.doctor) == .allowed) }
    @Test func adminCompletes() { #expect(decide(.checkedIn, .completed, by: Cast.admin) == .allowed) }
    @Test func completeExactlyAtStart() { #expect(decide(.checkedIn, .completed, by: Cast.doctor, at: Cast.start) == .allowed) }

    // scheduled, confirmed → cancelled: the patient (own), staff — also before the start
    @Test func patientCancelsOwn() { #expect(decide(.scheduled, .cancelled, by: Cast.patient, at: Cast.before) == .allowed) }
    @Test func patientCancelsConfirmedBySMS() { #expect(decide(.confirmed, .cancelled, by: Cast.patientBySMS, at: Cast.before) == .allowed) }
    @Test func ownDoctorCancels() { #expect(decide(.confirmed, .cancelled, by: Cast.doctor, at: Cast.before) == .allowed) }
    @Test func receptionistCancels() { #expect(decide(.scheduled, .cancelled, by: Cast.receptionist, at: Cast.before) == .allowed) }
    @Test func adminCancels() { #expect(decide(.confirmed, .cancelled, by: Cast.admin, at: Cast.before) == .allowed) }

    // scheduled, confirmed → no_show: the scheduler, staff (after the start)
    @Test func schedulerMarksNoShow() { #expect(decide(.scheduled, .noShow, by: Cast.scheduler) == .allowed) }
    @Test func schedulerMarksConfirmedNoShow() { #expect(decide(.confirmed, .noShow, by: Cast.scheduler) == .allowed) }
    @Test func receptionistMarksNoShow() { #expect(decide(.scheduled, .noShow, by: Cast.receptionist) == .allowed) }
    @Test func ownDoctorMarksNoShow() { #expect(decide(.confirmed, .noShow, by: Cast.doctor) == .allowed) }
    @Test func adminMarksNoShow() { #expect(decide(.confirmed, .noShow, by: Cast.admin) == .allowed) }

    // checked_in → its previous status (undo a mistaken check-in): receptionist, admin
    @Test func receptionistUndoesToScheduled() { #expect(decide(.checkedIn, .scheduled, by: Cast.receptionist, beforeCheckIn: .scheduled) == .allowed) }
    @Test func receptionistUndoesToConfirmed() { #expect(decide(.checkedIn, .confirmed, by: Cast.receptionist, beforeCheckIn: .confirmed) == .allowed) }
    @Test func adminUndoesCheckIn() { #expect(decide(.checkedIn, .confirmed, by: Cast.admin, beforeCheckIn: .confirmed) == .allowed) }

    @Test("Active statuses hold the slot; completed, cancelled and no_show are final")
    func activeAndFinal() {
        #expect(AppointmentStatus.allCases.filter(\.isActive) == [.scheduled, .confirmed, .checkedIn])
        #expect(AppointmentStatus.allCases.filter(\.isFinal) == [.completed, .cancelled, .noShow])
        #expect(AppointmentStatus.allCases.map(\.rawValue) == ["scheduled", "confirmed", "checked_in", "completed", "cancelled", "no_show"])
    }
}

import ClinicCore
import Testing

/// Every refusal of the policy's status machine, one line each: `forbidden` when the
/// actor may not make this move, `invalid_transition` when nobody may now.
/// Given the cast's appointment, when the actor asks, then it is refused.
@Suite("Policy: refused status moves (forbidden vs invalid_transition)")
struct StatusMoveRefusalTests {
    // Patients act only on their own appointments; doctors only on their own.
    @Test func otherPatientCannotConfirm() { #expect(decide(.scheduled, .confirmed, by: Cast.otherPatient) == .refused(.forbidden)) }
    @Test func otherPatientCannotCancel() { #expect(decide(.scheduled, .cancelled, by: Cast.otherPatient, at: Cast.before) == .refused(.forbidden)) }
    @Test func otherDoctorCannotConfirm() { #expect(decide(.scheduled, .confirmed, by: Cast.otherDoctor) == .refused(.forbidden)) }
    @Test func otherDoctorCannotCancel() { #expect(decide(.confirmed, .cancelled, by: Cast.otherDoctor) == .refused(.forbidden)) }
    @Test func otherDoctorCannotComplete() { #expect(decide(.checkedIn, .completed, by: Cast.otherDoctor) == .refused(.forbidden)) }
    @Test func otherDoctorCannotMarkNoShow() { #expect(decide(.scheduled, .noShow, by: Cast.otherDoctor) == .refused(.forbidden)) }

    // Someone else's appointment says nothing about its status: forbidden comes first.
    @Test(
        "Another patient or doctor is refused as forbidden whatever the status, final or the same as asked",
        arguments: AppointmentStatus.allCases)
    func othersLearnNothingAboutTheStatus(_ status: AppointmentStatus) {
        for target in [AppointmentStatus.cancelled, .confirmed, status] {
            #expect(decide(status, target, by: Cast.otherPatient) == .refused(.forbidden), "\(status) → \(target)")
            #expect(decide(status, target, by: Cast.otherDoctor) == .refused(.forbidden), "\(status) → \(target)")
        }
    }

    // Check-in is the desk's.
    @Test func doctorCannotCheckIn() { #expect(decide(.scheduled, .checkedIn, by: Cast.doctor) == .refused(.forbidden)) }
    @Test func patientCannotCheckIn() { #expect(decide(.confirmed, .checkedIn, by: Cast.patient) == .refused(.forbidden)) }
    @Test func schedulerCannotCheckIn() { #expect(decide(.confirmed, .checkedIn, by: Cast.scheduler) == .refused(.forbidden)) }

    // Completing is the appointment's doctor's or an admin's, from the start time on (a checked-in visit also before it).
    @Test func receptionistCannotComplete() { #expect(decide(.checkedIn, .completed, by: Cast.receptionist) == .refused(.forbidden)) }
    @Test func patientCannotComplete() { #expect(decide(.checkedIn, .completed, by: Cast.patient) == .refused(.forbidden)) }
    @Test func schedulerCannotComplete() { #expect(decide(.confirmed, .completed, by: Cast.scheduler) == .refused(.forbidden)) }
    @Test func doctorCannotCompleteBeforeStart() { #expect(decide(.confirmed, .completed, by: Cast.doctor, at: Cast.before) == .refused(.invalidTransition)) }
    @Test func aCheckedInPatientIsSeenEarly() { #expect(decide(.checkedIn, .completed, by: Cast.doctor, at: Cast.before) == .allowed) }
    @Test func adminCannotCompleteBeforeStart() { #expect(decide(.scheduled, .completed, by: Cast.admin, at: Cast.before) == .refused(.invalidTransition)) }

    // No-shows come after the start, from the scheduler or staff.
    @Test func schedulerNoShowBeforeStart() { #expect(decide(.scheduled, .noShow, by: Cast.scheduler, at: Cast.before) == .refused(.invalidTransition)) }
    @Test func receptionistNoShowBeforeStart() { #expect(decide(.confirmed, .noShow, by: Cast.receptionist, at: Cast.before) == .refused(.invalidTransition)) }
    @Test func patientCannotMarkNoShow() { #expect(decide(.scheduled, .noShow, by: Cast.patient) == .refused(.forbidden)) }
    @Test func checkedInCannotBeNoShow() { #expect(decide(.checkedIn, .noShow, by: Cast.admin) == .refused(.invalidTransition)) }

    // The scheduler only marks no-shows.
    @Test func schedulerCannotConfirm() { #expect(decide(.scheduled, .confirmed, by: Cast.scheduler) == .refused(.forbidden)) }
    @Test func schedulerCannotCancel() { #expect(decide(.scheduled, .cancelled, by: Cast.scheduler) == .refused(.forbidden)) }

    // A checked-in patient is not cancelled; the check-in is undone first.
    @Test func checkedInCannotBeCancelled() { #expect(decide(.checkedIn, .cancelled, by: Cast.admin) == .refused(.invalidTransition)) }

    // Undo check-in goes back to the previous status only, and only at the desk.
    @Test func undoToOtherThanPrevious() {
        #expect(decide(.checkedIn, .scheduled, by: Cast.receptionist, beforeCheckIn: .confirmed) == .refused(.invalidTransition))
    }
    @Test func undoToConfirmedWhenItWasScheduled() {
        #expect(decide(.checkedIn, .confirmed, by: Cast.admin, beforeCheckIn: .scheduled) == .refused(.invalidTransition))
    }
    @Test func doctorCannotUndoCheckIn() { #expect(decide(.checkedIn, .scheduled, by: Cast.doctor) == .refused(.forbidden)) }
    @Test func patientCannotUndoCheckIn() { #expect(decide(.checkedIn, .scheduled, by: Cast.patient) == .refused(.forbidden)) }

    // Moves outside the table.
    @Test func confirmedBackToScheduled() { #expect(decide(.confirmed, .scheduled, by: Cast.admin) == .refused(.invalidTransition)) }
    @Test func sameStatus() { #expect(decide(.scheduled, .scheduled, by: Cast.admin) == .refused(.invalidTransition)) }
    @Test func confirmAgain() { #expect(decide(.confirmed, .confirmed, by: Cast.patient) == .refused(.invalidTransition)) }
    @Test func checkInAgain() { #expect(decide(.checkedIn, .checkedIn, by: Cast.receptionist) == .refused(.invalidTransition)) }

    @Test("Refusals read as sentences a patient at the kiosk understands")
    func refusalsReadAsSentences() {
        let checkedIn = AppointmentFacts(
            code: "K7QX2M", status: .checkedIn, doctorID: 1, patientID: 2, start: 0, now: 0,
            statusBeforeCheckIn: .confirmed)
        let patient = Actor.account(2, .patient, via: .kiosk)
        #expect(
            Policy.decide(.move(to: .cancelled), by: patient, facts: checkedIn)
                == .refused(.invalidTransition, "a checked-in appointment cannot become cancelled"))
        #expect(
            Policy.decide(.move(to: .confirmed), by: patient, facts: checkedIn)
                == .refused(.forbidden, "you may not undo this appointment's check-in"))
        // …while the kiosk's own keys, confirm and cancel, say what to do instead
        #expect(
            Policy.decide(.cancel, by: patient, facts: checkedIn)
                == .refused(.invalidTransition, "you are checked in for K7QX2M: the desk can help with any change"))
        #expect(Policy.decide(.confirm, by: patient, facts: checkedIn) == Policy.decide(.cancel, by: patient, facts: checkedIn))
    }

    @Test(
        "Final statuses never change, whoever asks and whenever (but a late arrival after a no-show)",
        arguments: [AppointmentStatus.completed, .cancelled, .noShow])
    func finalStatusesNeverChange(_ final: AppointmentStatus) {
        for target in AppointmentStatus.allCases where target != final && !(final == .noShow && target == .checkedIn) {
            for actor in [Cast.admin, Cast.shell, Cast.receptionist, Cast.doctor, Cast.patient, Cast.scheduler] {
                #expect(decide(final, target, by: actor) == .refused(.invalidTransition), "\(final) → \(target)")
            }
        }
    }
}

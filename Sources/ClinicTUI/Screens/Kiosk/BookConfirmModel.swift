import ClinicCore

/// Booking, step 4: the reason, then a summary to confirm. A slot someone else
/// took meanwhile sends the patient back to the list it was picked from (a
/// doctor's day, or the earliest free slots) with a clear note. A booking
/// over the clinic's limits tells a patient why; the desk may give a reason
/// and book it anyway (audited).
final class BookConfirmModel: ScreenModel {
    enum Action: Sendable { case next }
    let context: AppContext
    let doctor: DoctorListing
    let slot: Slot
    /// The list the slot was picked from: told when the slot was taken meanwhile.
    weak var slotScreen: (any SlotPicker)?
    var reason = Form([TextField("Reason for the visit", maxLength: 500)])
    /// The summary is shown and Enter books.
    private(set) var confirming = false
    /// The booking was over the clinic's limits: the desk types why, Enter books anyway.
    private(set) var overriding = false
    var overrideReason = Form([TextField("Why over the limit", maxLength: 500)])
    private(set) var message: String?

    /// The patient booked for by the desk (nil: the signed-in patient).
    let patient: Account?

    /// `reason`: what was typed for a slot that was taken meanwhile, offered again.
    init(_ context: AppContext, doctor: DoctorListing, slot: Slot, slotScreen: (any SlotPicker)?, patient: Account? = nil, reason text: String = "") {
        self.context = context; self.doctor = doctor; self.slot = slot; self.slotScreen = slotScreen; self.patient = patient
        reason = Form([TextField("Reason for the visit", value: text, maxLength: 500)])
    }

    var bindings: [Binding<Action>] {
        [Binding([.enter], .next, confirming ? "book it" : "continue")]
    }
    var title: String { "Book · confirm" }
    var hints: [KeyHint] { bindings.hints() }
    var capturesText: Bool { !confirming || overriding }
    var isDirty: Bool { reason.isEdited }

    func handle(_ key: Key) -> Effect {
        if overriding {
            switch key {
            case .enter:
                guard !overrideReason[0].trimmingCharacters(in: .whitespaces).isEmpty else {
                    overrideReason.setErrors([0: "say why this patient needs another visit"])
                    return .none
                }
                return book()
            case .escape: overriding = false; message = nil; return .none
            default: return overrideReason.handle(key) ? .none : .unhandled
            }
        }
        if confirming {
            switch key {
            case .enter: return book()
            case .escape: confirming = false; return .none
            default: return .unhandled
            }
        }
        if key == .enter {
            let text = reason[0].trimmingCharacters(in: .whitespaces)
            guard (1...500).contains(text.count) else { reason.setErrors([0: "say in a few words why you are coming"]); return .none }
            confirming = true
            return .none
        }
        return reason.handle(key) ? .none : .unhandled
    }

    func book() -> Effect {
        guard let account = context.account, let actor = context.actor else { return .signOut }
        do {
            let appointment = try context.store.book(
                BookingRequest(
                    doctorID: doctor.id, patientID: patient?.id ?? account.id,
                    start: slot.start, reason: reason[0], overrideReason: overriding ? overrideReason[0] : ""), by: actor)
            let when = Format.dateTime(appointment.start, context.timeZone)
            context.flash =
                patient.map { "Code \(appointment.code): booked \(when) with \(doctor.name) for \($0.name)." }  // the code first: the desk reads it out
                ?? "Booked \(when) with \(doctor.name). Your code is \(appointment.code)."
            // The desk goes back to the patient's card when it booked from there; else home.
            guard let patient else { return .popToHome }
            return .popTo { ($0 as? PatientCardModel)?.patientID == patient.id }
        } catch let error as ClinicError where error.code == .slotTaken {
            slotScreen?.notice = "That slot was just taken by someone else. Please pick another one."
            slotScreen?.typedReason = reason[0]  // kept for the next slot
            return .pop
        } catch let error as ClinicError
            where error.field == .overrideReason && !overriding
            && Policy.decide(.bookOverLimits, by: actor, facts: ScheduleFacts(doctorID: doctor.id, patientID: patient?.id ?? account.id)).isAllowed
        {
            overriding = true
            message = error.message
            return .none
        } catch {
            message = Format.error(error)
            confirming = false
            return .none
        }
    }
}

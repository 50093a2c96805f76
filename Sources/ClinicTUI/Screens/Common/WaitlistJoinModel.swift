import ClinicCore

/// Puts a patient on the waitlist for an earlier visit (issue 15): from / to
/// days (`YYYY-MM-DD`, today and the day looked at or today + 14 filled in)
/// and an optional reason, then the core's `joinWaitlist`. The kiosk's `w`
/// on a doctor's day or the earliest slots (the signed-in patient), and the
/// desk's waitlist (`a`, after the patient search). A refusal (no phone for
/// the SMS offers, already waiting, days past) is the core's sentence as it is.
final class WaitlistJoinModel: ScreenModel {
    /// Who the patient waits for: one doctor, or any doctor of a specialization.
    enum Target {
        case doctor(DoctorListing)
        case specialization(String)

        /// "Dr Moreau" or "any Cardiology doctor", as the core says it.
        var wanted: String {
            switch self {
            case .doctor(let d): return d.name
            case .specialization(let s): return "any \(s) doctor"
            }
        }
    }

    enum Action: Sendable { case join, done }
    let context: AppContext
    let target: Target
    /// The patient the desk picked (nil: the signed-in patient).
    let patient: Account?
    /// Where the desk goes back to when the patient is on the list (nil: this
    /// screen shows the confirmation until Enter or Esc).
    let returnTo: ((any ScreenModel) -> Bool)?
    var form: Form
    /// The entry made, once joined (the confirmation is shown).
    private(set) var joined: WaitlistEntry?
    /// The core's refusal of the last try.
    private(set) var message: String?
    /// Days a waitlist entry covers when there is no later day to go by.
    static let defaultDays = 14

    /// `until`: the day the patient was looking at (the last day, when after today).
    init(
        _ context: AppContext, target: Target, patient: Account? = nil, until: LocalDate? = nil,
        returnTo: ((any ScreenModel) -> Bool)? = nil
    ) {
        self.context = context; self.target = target; self.patient = patient; self.returnTo = returnTo
        let today = context.today
        let last = until.flatMap { $0 > today ? $0 : nil } ?? today.adding(days: Self.defaultDays)
        form = Form([
            TextField("From", value: today.description, maxLength: 10), TextField("To", value: last.description, maxLength: 10),
            TextField("Reason", maxLength: 500),
        ])
    }

    var bindings: [Binding<Action>] {
        joined == nil ? [Binding([.enter], .join, "join the waitlist")] : [Binding([.enter], .done, "done")]
    }
    var title: String { "Waitlist · \(target.wanted)" }
    var hints: [KeyHint] { (joined == nil ? [KeyHint(keys: "Tab", label: "next field")] : []) + bindings.hints() }
    var capturesText: Bool { joined == nil }
    var isDirty: Bool { joined == nil && form.isEdited }

    /// The patient's name as the heading says it.
    var patientName: String { patient?.name ?? context.account?.name ?? "" }

    /// What the patient is told once on the list.
    var confirmation: String? {
        guard let e = joined else { return nil }
        if patient != nil && context.mode == .staff {
            return "\(e.patient.name) is number \(e.position ?? 1) in line for \(e.wanted). They get a text when a visit frees up."
        }
        return "You are number \(e.position ?? 1) in line for \(e.wanted). "
            + "We will text you when a visit frees up; reply TAKE <code> to take it."
    }

    func handle(_ key: Key) -> Effect {
        switch bindings.action(for: key) {
        case .done?: return .pop
        case .join?: return join()
        case nil: return joined == nil && form.handle(key) ? .none : .unhandled
        }
    }

    private func join() -> Effect {
        guard let actor = context.actor, let patientID = patient?.id ?? context.account?.id else { return .signOut }
        var days: [LocalDate] = []
        var errors: [Int: String] = [:]
        for i in 0..<2 {
            do { days.append(try LocalInput.date(form[i])) } catch { errors[i] = Format.error(error) }
        }
        form.setErrors(errors)
        guard errors.isEmpty else { message = nil; return .none }
        let wanted: WaitlistTarget
        switch target {
        case .doctor(let d): wanted = .doctor(d.id)
        case .specialization(let s): wanted = .specialization(s)
        }
        let reason = form[2].trimmingCharacters(in: .whitespaces)
        do {
            joined = try context.store.joinWaitlist(
                WaitlistRequest(patientID: patientID, target: wanted, from: days[0], to: days[1], reason: reason), by: actor)
            message = nil
        } catch {
            message = Format.error(error)
            return .none
        }
        guard let returnTo, let text = confirmation else { return .none }
        context.flash = text
        return .popTo(returnTo)
    }
}

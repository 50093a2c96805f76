import ClinicCore

/// Adds time off for a doctor, or closes the whole clinic: from / to as local
/// `YYYY-MM-DD HH:MM` (a bare date means the whole day), and a note. Over
/// booked visits the first Enter lists them; Enter again on the same dates
/// adds the time off and cancels them, texting each patient to book again
/// (a sick day, a holiday).
final class TimeOffModel: ScreenModel {
    enum Action: Sendable { case save }
    let context: AppContext
    let scope: TimeOffScope
    /// Whose time off, as titles say it (the doctor's name, or "the clinic").
    let owner: String
    var form: Form
    private(set) var message: String?
    /// The visits the dates shown would cancel, listed before they are.
    private(set) var preview: [Appointment] = []
    /// The bounds `preview` is for: a second Enter on them cancels.
    private var previewed: [Int64]?

    init(_ context: AppContext, scope: TimeOffScope, owner: String) {
        self.context = context; self.scope = scope; self.owner = owner
        let tomorrow = context.today.adding(days: 1).description
        form = Form([
            TextField("From", value: tomorrow, maxLength: 40), TextField("To", value: tomorrow, maxLength: 40),
            TextField("Note", maxLength: 200),
        ])
    }

    /// A doctor's time off.
    convenience init(_ context: AppContext, doctor: Account) { self.init(context, scope: .doctor(doctor.id), owner: doctor.name) }

    let bindings: [Binding<Action>] = [Binding([.enter], .save, "add")]
    var title: String { scope == .clinic ? "Close the clinic" : "Time off · \(owner)" }
    var hints: [KeyHint] { [KeyHint(keys: "Tab", label: "next field")] + bindings.hints() }
    var capturesText: Bool { true }
    var isDirty: Bool { form.isEdited }

    func handle(_ key: Key) -> Effect {
        guard bindings.action(for: key) == .save else {
            guard form.handle(key) else { return .unhandled }
            return .none
        }
        guard let bounds = readBounds(), let actor = context.actor else { return .none }
        do {
            // Listed again on every Enter: a visit booked since the list was shown is shown before it is cancelled.
            let covered = try context.store.timeOffImpact(scope, from: bounds[0], to: bounds[1], by: actor)
            if previewed != bounds || covered.map(\.code) != preview.map(\.code) {
                preview = covered
                if !preview.isEmpty {
                    previewed = bounds
                    let booked = "\(Plural.count(preview.count, "visit")) \(preview.count == 1 ? "is" : "are") booked then."
                    message = "\(booked) Enter again cancels them and texts each patient to book again; Esc keeps them."
                    return .none
                }
            }
            let outcome = try context.store.addTimeOff(
                scope, from: bounds[0], to: bounds[1], note: form[2], cancelBooked: previewed == bounds, by: actor)
            let span = outcome.timeOff.span(in: context.timeZone)
            let cancelled = outcome.cancelled.count
            context.flash =
                (scope == .clinic ? "The clinic is closed \(span)." : "Time off added for \(owner): \(span).")
                + (cancelled == 0 ? "" : " \(Plural.count(cancelled, "visit")) cancelled; the patients are texted.")
            return .pop
        } catch {
            previewed = nil; preview = []
            message = Format.error(error)
            return .none
        }
    }

    /// The from / to fields as instants (a bare "to" date includes that day), or nil with the fields' errors shown.
    private func readBounds() -> [Int64]? {
        let zone = context.timeZone
        var errors: [Int: String] = [:]
        var bounds: [Int64] = [0, 0]
        for i in 0..<2 {
            let text = form[i].trimmingCharacters(in: .whitespaces)
            do {
                if let day = LocalDate(text) {
                    bounds[i] = zone.startOfDay(i == 0 ? day : day.adding(days: 1))
                } else {
                    bounds[i] = try LocalInput.instant(text, in: zone)
                }
            } catch { errors[i] = Format.error(error) }
        }
        form.setErrors(errors)
        return errors.isEmpty ? bounds : nil
    }
}

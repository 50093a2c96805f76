import ClinicCore

/// Adds time off for a doctor: from / to as local `YYYY-MM-DD HH:MM` (a bare
/// date means the whole day), and a note. The core refuses time off over
/// booked appointments.
final class TimeOffModel: ScreenModel {
    enum Action: Sendable { case save }
    let context: AppContext
    let doctor: Account
    var form: Form
    private(set) var message: String?

    init(_ context: AppContext, doctor: Account) {
        self.context = context; self.doctor = doctor
        let tomorrow = context.today.adding(days: 1).description
        form = Form([
            TextField("From", value: tomorrow, maxLength: 40), TextField("To", value: tomorrow, maxLength: 40),
            TextField("Note", maxLength: 200),
        ])
    }

    let bindings: [Binding<Action>] = [Binding([.enter], .save, "add time off")]
    var title: String { "Time off · \(doctor.name)" }
    var hints: [KeyHint] { [KeyHint(keys: "Tab", label: "next field")] + bindings.hints() }
    var capturesText: Bool { true }
    var isDirty: Bool { form.isEdited }

    func handle(_ key: Key) -> Effect {
        guard bindings.action(for: key) == .save else { return form.handle(key) ? .none : .unhandled }
        let zone = context.timeZone
        var errors: [Int: String] = [:]
        var bounds: [Int64] = [0, 0]
        for i in 0..<2 {
            let text = form[i].trimmingCharacters(in: .whitespaces)
            do {
                if let day = LocalDate(text) {
                    bounds[i] = zone.startOfDay(i == 0 ? day : day.adding(days: 1))  // a bare "to" date includes that day
                } else {
                    bounds[i] = try LocalInput.instant(text, in: zone)
                }
            } catch { errors[i] = Format.error(error) }
        }
        form.setErrors(errors)
        guard errors.isEmpty, let actor = context.actor else { return .none }
        do {
            let id = try context.store.addTimeOff(doctorID: doctor.id, from: bounds[0], to: bounds[1], note: form[2], by: actor)
            let added = TimeOff(id: id, doctorID: doctor.id, start: bounds[0], end: bounds[1], note: form[2])
            context.flash = "Time off added for \(doctor.name): \(added.span(in: zone))."
            return .pop
        } catch {
            message = Format.error(error)
            return .none
        }
    }
}

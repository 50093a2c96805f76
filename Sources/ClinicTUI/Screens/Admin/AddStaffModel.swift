import ClinicCore

/// The admin adds a doctor, receptionist or admin. A doctor also needs a
/// specialization, a slot length and weekly hours (`mon-fri 09:00-12:00,14:00-17:00`).
/// The core's checks decide; their errors go under the field.
final class AddStaffModel: ScreenModel {
    enum Field: Int { case role, name, email, phone, password, specialization, slot, hours }
    enum Action: Sendable { case save }
    let context: AppContext
    var form = Form([
        TextField("Role", value: "doctor", maxLength: 12), TextField("Name"), TextField("Email", maxLength: 254),
        TextField("Phone", maxLength: 40), TextField("Password", masked: true, maxLength: 1024),
        TextField("Specialization", maxLength: 100), TextField("Slot minutes", value: "30", maxLength: 3),
        TextField("Weekly hours", value: "mon-fri 09:00-12:00,14:00-17:00", maxLength: 300),
    ])
    private(set) var message: String?

    init(_ context: AppContext) { self.context = context }

    let bindings: [Binding<Action>] = [Binding([.enter], .save, "create")]
    var title: String { "Add staff" }
    var hints: [KeyHint] { [KeyHint(keys: "Tab", label: "next field")] + bindings.hints() }
    var capturesText: Bool { true }
    var isDirty: Bool { form.isEdited }

    func handle(_ key: Key) -> Effect {
        if bindings.action(for: key) == .save { return save() }
        return form.handle(key) ? .none : .unhandled
    }

    private func save() -> Effect {
        var errors: [Int: String] = [:]
        let role = Role(rawValue: form[Field.role.rawValue].trimmingCharacters(in: .whitespaces).lowercased())
        if role == nil || role == .patient { errors[Field.role.rawValue] = "doctor, receptionist or admin" }
        let isDoctor = role == .doctor
        var hours = WeeklyHours.none
        let slot = Int(form[Field.slot.rawValue].trimmingCharacters(in: .whitespaces))
        if isDoctor {
            do { hours = try HoursSpecParser.parse(form[Field.hours.rawValue]) } catch { errors[Field.hours.rawValue] = Format.error(error) }
            if slot == nil { errors[Field.slot.rawValue] = "a number of minutes" }
        }
        guard errors.isEmpty, let role else { form.setErrors(errors); return .none }
        do {
            let account = try context.store.createAccount(
                NewAccount(
                    role: role, name: form[Field.name.rawValue], email: form[Field.email.rawValue], phone: form[Field.phone.rawValue],
                    password: form[Field.password.rawValue], specialization: isDoctor ? form[Field.specialization.rawValue] : nil,
                    slotMinutes: slot ?? 30, hours: hours), by: context.actor)
            context.flash = "Added \(account.name) (\(account.role.rawValue))."
            return .pop
        } catch let error as ClinicError {
            if !form.place(
                error,
                [
                    .name: Field.name.rawValue, .email: Field.email.rawValue, .phone: Field.phone.rawValue,
                    .password: Field.password.rawValue, .specialization: Field.specialization.rawValue,
                    .slotMinutes: Field.slot.rawValue,
                ])
            {
                message = error.message
            }
            return .none
        } catch {
            message = Format.error(error)
            return .none
        }
    }
}

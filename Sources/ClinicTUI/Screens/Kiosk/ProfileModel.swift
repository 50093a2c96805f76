import ClinicCore

/// A patient edits their own name, phone, age and gender; the core checks them.
final class ProfileModel: ScreenModel {
    enum Action: Sendable { case save }
    enum Field: Int { case name, phone, age, gender }
    let context: AppContext
    var form = Form([
        TextField("Name"), TextField("Mobile phone", maxLength: 30),
        TextField("Age", maxLength: 3), TextField("Gender", maxLength: 40),
    ])
    private(set) var message: (text: String, role: ThemeRole)?

    init(_ context: AppContext) { self.context = context; load() }

    let bindings: [Binding<Action>] = [Binding([.enter, .ctrl("s")], .save, "save")]
    var title: String { "My profile" }
    var hints: [KeyHint] { bindings.hints() + [KeyHint(keys: "Tab/Shift-Tab", label: "fields")] }
    var capturesText: Bool { true }
    var isDirty: Bool { form.isEdited }

    private func load() {
        guard let account = context.account, let actor = context.actor else { return }
        let profile = try? context.store.patientProfile(accountID: account.id, viewer: actor)
        form.fields[Field.name.rawValue].set(account.name)
        form.fields[Field.phone.rawValue].set(account.phone)
        form.fields[Field.age.rawValue].set(profile?.age.map(String.init) ?? "")
        form.fields[Field.gender.rawValue].set(profile?.gender ?? "")
    }

    func handle(_ key: Key) -> Effect {
        switch bindings.action(for: key) {
        case .save?: save(); return .none
        case nil:
            if form.handle(key) { message = nil; return .none }
            return .unhandled
        }
    }

    func save() {
        guard let account = context.account, let actor = context.actor else { return }
        let ageText = form[Field.age.rawValue].trimmingCharacters(in: .whitespaces)
        guard ageText.isEmpty || Int(ageText) != nil else { form.setErrors([Field.age.rawValue: "age is a whole number of years"]); return }
        let update = ProfileUpdate(
            name: form[Field.name.rawValue], phone: form[Field.phone.rawValue],
            age: Int(ageText), gender: form[Field.gender.rawValue])
        do {
            context.account = try context.store.updateProfile(accountID: account.id, update, by: actor)
            load()
            form.clearErrors()
            message = ("Saved.", .success)
        } catch let error as ClinicError {
            if !form.place(
                error,
                [
                    .name: Field.name.rawValue, .phone: Field.phone.rawValue, .age: Field.age.rawValue,
                    .gender: Field.gender.rawValue,
                ])
            {
                message = (error.message, .error)
            }
        } catch {
            message = (Format.error(error), .error)
        }
    }
}

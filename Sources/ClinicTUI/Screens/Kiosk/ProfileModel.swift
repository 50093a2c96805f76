import ClinicCore

/// A patient edits their own name, phone, email, date of birth and gender
/// (`ClinicStore.editAccount`, which checks them; an empty phone or email is
/// none, and one of them must stay).
final class ProfileModel: ScreenModel {
    enum Action: Sendable { case save }
    enum Field: Int { case name, phone, email, birthDate, gender }
    let context: AppContext
    var form = Form([
        TextField("Name"), TextField("Mobile phone", maxLength: 30), TextField("Email", maxLength: 254),
        TextField("Date of birth", maxLength: 10), TextField("Gender", maxLength: AccountInput.maxGenderLength),
    ])
    private(set) var message: (text: String, role: ThemeRole)?
    /// The age from the date of birth on file (shown beside the form).
    private(set) var age: Int?

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
        form.fields[Field.phone.rawValue].set(account.phone ?? "")
        form.fields[Field.email.rawValue].set(account.email ?? "")
        form.fields[Field.birthDate.rawValue].set(profile?.birthDate?.description ?? "")
        form.fields[Field.gender.rawValue].set(profile?.gender ?? "")
        age = profile?.age(on: context.today)
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
        let edit = AccountEdit(
            name: form[Field.name.rawValue], phone: form[Field.phone.rawValue], email: form[Field.email.rawValue],
            birthDate: form[Field.birthDate.rawValue], gender: form[Field.gender.rawValue])
        do {
            context.account = try context.store.editAccount(account.id, edit, by: actor)
            load()
            form.clearErrors()
            message = ("Saved.", .success)
        } catch let error as ClinicError {
            if !form.place(
                error,
                [
                    .name: Field.name.rawValue, .phone: Field.phone.rawValue, .email: Field.email.rawValue,
                    .birthDate: Field.birthDate.rawValue, .gender: Field.gender.rawValue,
                ])
            {
                message = (error.message, .error)
            }
        } catch {
            message = (Format.error(error), .error)
        }
    }
}

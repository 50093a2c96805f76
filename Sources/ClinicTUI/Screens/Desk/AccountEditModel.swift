import ClinicCore

/// Edits a person's details: the desk a patient's from their card (name,
/// phone, email, date of birth, gender, notes), the admin a staff account
/// from the staff list (name, phone, email, and a doctor's specialization and
/// slot length). Only the fields changed are sent, in one
/// `ClinicStore.editAccount`, which decides who may change what; a refusal
/// goes under its field (a slot length that strands visits names them).
final class AccountEditModel: ScreenModel {
    enum Action: Sendable { case save }
    /// What a field of the form edits.
    enum Field: Sendable, Equatable { case name, phone, email, birthDate, gender, notes, specialization, slotMinutes }
    let context: AppContext
    let account: Account
    /// The form's fields, in order.
    let fields: [Field]
    var form: Form
    private let initial: [String]
    private(set) var message: String?

    init(_ context: AppContext, account: Account, profile: PatientProfile? = nil, doctor: DoctorProfile? = nil) {
        self.context = context; self.account = account
        var entries: [(Field, TextField)] = [
            (.name, TextField("Name", value: account.name)),
            (.phone, TextField("Phone", value: account.phone ?? "", maxLength: 40)),
            (.email, TextField(account.role == .patient ? "Email (optional)" : "Email", value: account.email ?? "", maxLength: 254)),
        ]
        if account.role == .patient {
            entries += [
                (.birthDate, TextField("Date of birth", value: profile?.birthDate?.description ?? "", maxLength: 10)),
                (.gender, TextField("Gender", value: profile?.gender ?? "", maxLength: AccountInput.maxGenderLength)),
                (.notes, TextField("Notes", value: profile?.notes ?? "", maxLength: 2_000)),
            ]
        }
        if account.role == .doctor {
            let doctor = doctor ?? (try? context.store.doctorProfile(account.id))
            entries += [
                (.specialization, TextField("Specialization", value: doctor?.specialization ?? "", maxLength: 100)),
                (.slotMinutes, TextField("Slot minutes", value: doctor.map { String($0.slotMinutes) } ?? "", maxLength: 3)),
            ]
        }
        fields = entries.map(\.0)
        form = Form(entries.map(\.1))
        initial = entries.map(\.1.value)
    }

    let bindings: [Binding<Action>] = [Binding([.enter, .ctrl("s")], .save, "save")]
    var title: String { "Edit · \(account.name)" }
    var hints: [KeyHint] { bindings.hints() + [KeyHint(keys: "Tab/Shift-Tab", label: "fields")] }
    var capturesText: Bool { true }
    var isDirty: Bool { form.isEdited }

    func handle(_ key: Key) -> Effect {
        if bindings.action(for: key) == .save { return save() }
        if form.handle(key) { message = nil; return .none }
        return .unhandled
    }

    /// The edit of the fields that differ from what was loaded.
    var edit: AccountEdit? {
        var edit = AccountEdit()
        for (i, field) in fields.enumerated() where form[i] != initial[i] {
            let text = form[i]
            switch field {
            case .name: edit.name = text
            case .phone: edit.phone = text
            case .email: edit.email = text
            case .birthDate: edit.birthDate = text
            case .gender: edit.gender = text
            case .notes: edit.notes = text
            case .specialization: edit.specialization = text
            case .slotMinutes:
                guard let minutes = Int(text.trimmingCharacters(in: .whitespaces)) else { return nil }
                edit.slotMinutes = minutes
            }
        }
        return edit
    }

    func save() -> Effect {
        guard let actor = context.actor else { return .signOut }
        guard let edit else {
            form.setErrors([fields.firstIndex(of: .slotMinutes) ?? 0: "the slot length is a whole number of minutes"])
            return .none
        }
        guard !edit.isEmpty else { message = "Nothing changed."; return .none }
        do {
            let saved = try context.store.editAccount(account.id, edit, by: actor)
            context.flash = "Saved \(saved.name)'s details."
            return .pop
        } catch let error as ClinicError {
            let indexes = Dictionary(
                fields.enumerated().map { (Self.coreField($0.element), $0.offset) }, uniquingKeysWith: { a, _ in a })
            if !form.place(error, indexes) { message = error.message }
        } catch {
            message = Format.error(error)
        }
        return .none
    }

    private static func coreField(_ field: Field) -> ClinicError.Field {
        switch field {
        case .name: return .name
        case .phone: return .phone
        case .email: return .email
        case .birthDate: return .birthDate
        case .gender: return .gender
        case .notes: return .notes
        case .specialization: return .specialization
        case .slotMinutes: return .slotMinutes
        }
    }
}

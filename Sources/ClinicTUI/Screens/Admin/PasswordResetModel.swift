import ClinicCore

/// Sets a new password for an account (it also clears a lockout): the admin
/// for staff, the desk for a patient.
final class PasswordResetModel: ScreenModel {
    enum Action: Sendable { case save }
    let context: AppContext
    let account: Account
    var form = Form([
        TextField("New password", masked: true, maxLength: 1024),
        TextField("Again", masked: true, maxLength: 1024),
    ])

    init(_ context: AppContext, account: Account) { self.context = context; self.account = account }

    let bindings: [Binding<Action>] = [Binding([.enter], .save, "set password")]
    var title: String { "Password · \(account.name)" }
    var hints: [KeyHint] { bindings.hints() }
    var capturesText: Bool { true }
    var isDirty: Bool { form.isEdited }

    func handle(_ key: Key) -> Effect {
        guard bindings.action(for: key) == .save else { return form.handle(key) ? .none : .unhandled }
        guard form[0] == form[1] else { form.setErrors([1: "the two passwords differ"]); return .none }
        guard let actor = context.actor else { return .signOut }
        do {
            try context.store.setPassword(accountID: account.id, to: form[0], by: actor)
            context.flash = "New password set for \(account.name)."
            return .pop
        } catch {
            form.setErrors([0: Format.error(error)])
            return .none
        }
    }
}

import ClinicCore

/// "Forgot password" at the kiosk, second step: the code from the SMS and a
/// new password, twice (masked). Every code that does not work gets the
/// core's one sentence, and each one of this session waits longer, as failed
/// sign-ins do; a password the rules refuse is shown under its field before
/// any code is tried. Success goes back to the sign-in with a note.
final class ResetCodeModel: ScreenModel {
    enum Action: Sendable { case submit }
    enum Field: Int { case code, password, again }
    let context: AppContext
    /// The email or phone the code was asked for.
    let login: String
    var form = Form([
        TextField("Code from the SMS", maxLength: 12),
        TextField("New password", masked: true, maxLength: 1024),
        TextField("Again", masked: true, maxLength: 1024),
    ])
    /// The refusal of the last code, under the form.
    var message: String?

    init(_ context: AppContext, login: String) { self.context = context; self.login = login }

    let bindings: [Binding<Action>] = [Binding([.enter], .submit, "next / save")]
    var title: String { "New password" }
    var hints: [KeyHint] { bindings.hints() + [KeyHint(keys: "Tab/Shift-Tab", label: "fields")] }
    var capturesText: Bool { true }
    var isDirty: Bool { form.isEdited }

    func handle(_ key: Key) -> Effect {
        guard bindings.action(for: key) == .submit else {
            guard form.handle(key) else { return .unhandled }
            message = nil
            return .none
        }
        if let empty = form.fields.indices.first(where: { form[$0].isEmpty }) {
            form.focus(empty)
            return .none
        }
        return submit()
    }

    private func submit() -> Effect {
        let password = form[Field.password.rawValue]
        do {
            try PasswordHasher.validate(password)
        } catch {
            form.setErrors([Field.password.rawValue: Format.error(error)])
            return .none
        }
        guard password == form[Field.again.rawValue] else {
            form.setErrors([Field.again.rawValue: "the two passwords differ"])
            return .none
        }
        form.clearErrors()
        do {
            try context.store.resetPassword(login: login, code: form[Field.code.rawValue], newPassword: password, via: .kiosk)
            return .rootThen(SignInModel(context, notice: "Your new password is set: sign in with it."))
        } catch let error as ClinicError where error.code == .invalidInput {
            form.setErrors([Field.password.rawValue: error.message])
        } catch {
            context.sleeper.sleep(seconds: context.kioskSession.recordFailure())
            message = Format.error(error)
            form.fields[Field.code.rawValue].set("")
            form.focus(Field.code.rawValue)
        }
        return .none
    }
}

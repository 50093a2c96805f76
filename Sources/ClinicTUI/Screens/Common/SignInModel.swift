import ClinicCore

/// Sign-in: email or phone and a masked password. The core decides (wrong
/// password, lockout); the staff terminal decides which roles it lets in, the
/// kiosk asks the core's kiosk sign-in, which lets in patients only.
final class SignInModel: ScreenModel {
    enum Action: Sendable { case submit, next }
    let context: AppContext
    var form = Form([TextField("Email or phone", maxLength: 254), TextField("Password", masked: true, maxLength: 1024)])
    /// The refusal shown under the form.
    var message: String?

    init(_ context: AppContext) { self.context = context }

    let bindings: [Binding<Action>] = [
        Binding([.enter], .submit, "sign in"),
        Binding([.tab, .backTab], .next, "next field"),
    ]

    var title: String { context.mode == .kiosk ? "Sign in" : "Staff sign-in" }
    var hints: [KeyHint] { bindings.hints() }
    var capturesText: Bool { true }

    func handle(_ key: Key) -> Effect {
        if key == .enter {
            if form.focus == 0 && form[1].isEmpty { form.focus(1); return .none }
            return submit()
        }
        if form.handle(key) { message = nil; return .none }
        return .unhandled
    }

    func submit() -> Effect {
        guard !form[0].isEmpty, !form[1].isEmpty else {
            message = "type your email or phone and your password"
            return .none
        }
        if context.mode == .kiosk { return kioskSubmit() }
        do {
            let account = try context.store.signIn(login: form[0], password: form[1])
            if let refusal = Router.refusal(for: account.role, in: context.mode) {
                message = refusal
                return .none
            }
            context.account = account
            return .reset(Router.home(context, account))
        } catch {
            refused(Format.error(error))
            return .none
        }
    }

    /// The kiosk lets in patients only, through the core's kiosk sign-in: every
    /// refusal reads the same, and each one of this session waits longer.
    private func kioskSubmit() -> Effect {
        do {
            let account = try context.store.kioskSignIn(login: form[0], password: form[1], policy: context.kioskSession.policy)
            context.kioskSession.recordSuccess()
            context.account = account
            return .reset(Router.home(context, account))
        } catch {
            context.sleeper.sleep(seconds: context.kioskSession.recordFailure())
            refused(Format.error(error))
            return .none
        }
    }

    private func refused(_ text: String) {
        message = text
        form.fields[1].set("")
        form.focus(1)
    }
}

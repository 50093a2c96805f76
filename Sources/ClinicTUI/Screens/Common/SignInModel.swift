import ClinicCore

/// Sign-in: email or phone and a masked password. The core decides (wrong
/// password, lockout); the staff terminal decides which roles it lets in, the
/// kiosk asks the core's kiosk sign-in, which lets in patients only, and
/// offers "Forgot password" (Ctrl-R: a reset code by SMS, patients only).
final class SignInModel: ScreenModel {
    enum Action: Sendable { case submit, next, forgot }
    let context: AppContext
    var form = Form([TextField("Email or phone", maxLength: 254), TextField("Password", masked: true, maxLength: 1024)])
    /// The refusal shown under the form.
    var message: String?
    /// A note that is not a refusal (a new password was just set).
    var notice: String?

    init(_ context: AppContext, notice: String? = nil) { self.context = context; self.notice = notice }

    var bindings: [Binding<Action>] {
        var list: [Binding<Action>] = [Binding([.enter], .submit, "sign in"), Binding([.tab, .backTab], .next, "next field")]
        if context.mode == .kiosk { list.append(Binding([.ctrl("r")], .forgot, "forgot password")) }
        return list
    }

    var title: String { context.mode == .kiosk ? "Sign in" : "Staff sign-in" }
    /// At the kiosk the footer keeps "forgot password", back and quit at 80 columns: Tab is in `?` help only.
    var hints: [KeyHint] {
        bindings.hints().map { hint in
            guard context.mode == .kiosk, hint.label == "next field" else { return hint }
            return KeyHint(keys: hint.keys, label: hint.label, inFooter: false)
        }
    }
    var capturesText: Bool { true }

    func handle(_ key: Key) -> Effect {
        if key == .enter {
            if form.focus == 0 && form[1].isEmpty { form.focus(1); return .none }
            return submit()
        }
        if bindings.action(for: key) == .forgot { return .push(ForgotPasswordModel(context, login: form[0])) }
        if form.handle(key) { message = nil; notice = nil; return .none }
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

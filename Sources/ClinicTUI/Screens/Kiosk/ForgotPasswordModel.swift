import ClinicCore

/// "Forgot password" at the kiosk, first step: the email or phone of the
/// account. The core answers every request with the same sentence (whether
/// a code went out is never said), and the next screen takes the code and a
/// new password. Only this kiosk session's own count of requests can refuse
/// it here, and that says nothing about any account.
final class ForgotPasswordModel: ScreenModel {
    enum Action: Sendable { case send }
    let context: AppContext
    var field = TextField("Email or phone", maxLength: 254)
    /// Why nothing was asked (an empty field, this session's limit).
    var message: String?

    /// `login`: what the sign-in screen had typed, to start from.
    init(_ context: AppContext, login: String = "") {
        self.context = context
        field.set(login)
    }

    let bindings: [Binding<Action>] = [Binding([.enter], .send, "text me a code")]
    var title: String { "Forgot password" }
    var hints: [KeyHint] { bindings.hints() }
    var capturesText: Bool { true }

    func handle(_ key: Key) -> Effect {
        guard bindings.action(for: key) == .send else {
            guard field.handle(key) else { return .unhandled }
            message = nil
            return .none
        }
        let login = field.value.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty else {
            message = "type the email or the mobile phone of your account"
            return .none
        }
        do {
            switch try context.store.requestPasswordReset(login: login, requester: context.kioskSession.requester) {
            case .answered: return .replace(ResetCodeModel(context, login: login))
            case .requesterLimited: message = PasswordResetPolicy.requesterRefusal
            }
        } catch {
            message = Format.error(error)
        }
        return .none
    }
}

/// The kiosk's first screen: sign in, sign up, or a forgotten password.
final class WelcomeModel: ScreenModel {
    enum Action: Sendable { case open, signIn, signUp, forgot }
    let context: AppContext
    var list = ListState(count: 3)
    let items = ["Sign in", "Sign up (new patient)", "Forgot password"]

    init(_ context: AppContext) { self.context = context }

    let bindings: [Binding<Action>] = [
        Binding([.enter], .open, "select"),
        Binding([.char("s")], .signIn, "sign in"),
        Binding([.char("n")], .signUp, "sign up"),
        Binding([.char("f")], .forgot, "forgot password"),
    ]
    var title: String { "Welcome" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 3) { return .none }
        switch bindings.action(for: key) {
        case .open?: return open(list.selected)
        case .signIn?: return open(0)
        case .signUp?: return open(1)
        case .forgot?: return open(2)
        case nil: return .unhandled
        }
    }

    private func open(_ item: Int) -> Effect {
        switch item {
        case 0: return .push(SignInModel(context))
        case 1: return .push(SignUpModel(context))
        default: return .push(ForgotPasswordModel(context))
        }
    }
}

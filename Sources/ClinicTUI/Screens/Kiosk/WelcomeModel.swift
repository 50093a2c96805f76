/// The kiosk's first screen: sign in or sign up.
final class WelcomeModel: ScreenModel {
    enum Action: Sendable { case open, signIn, signUp }
    let context: AppContext
    var list = ListState(count: 2)
    let items = ["Sign in", "Sign up (new patient)"]

    init(_ context: AppContext) { self.context = context }

    let bindings: [Binding<Action>] = [
        Binding([.enter], .open, "select"),
        Binding([.char("s")], .signIn, "sign in"),
        Binding([.char("n")], .signUp, "sign up"),
    ]
    var title: String { "Welcome" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 2) { return .none }
        switch bindings.action(for: key) {
        case .open?: return list.selected == 0 ? .push(SignInModel(context)) : .push(SignUpModel(context))
        case .signIn?: return .push(SignInModel(context))
        case .signUp?: return .push(SignUpModel(context))
        case nil: return .unhandled
        }
    }
}

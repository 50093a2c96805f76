/// The kiosk's first screen: sign in or sign up.
public final class WelcomeModel: ScreenModel {
    enum Action: Sendable { case open, signIn, signUp }
    let context: AppContext
    public internal(set) var list = ListState(count: 2)
    let items = ["Sign in", "Sign up (new patient)"]

    public init(_ context: AppContext) { self.context = context }

    let bindings: [Binding<Action>] = [
        Binding([.enter], .open, "select"),
        Binding([.char("s")], .signIn, "sign in"),
        Binding([.char("n")], .signUp, "sign up"),
    ]
    public var title: String { "Welcome" }
    public var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    public func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 2) { return .none }
        switch bindings.action(for: key) {
        case .open?: return list.selected == 0 ? .push(SignInModel(context)) : .push(SignUpModel(context))
        case .signIn?: return .push(SignInModel(context))
        case .signUp?: return .push(SignUpModel(context))
        case nil: return .unhandled
        }
    }
}

/// Paints the welcome.
struct WelcomeScreen {
    let model: WelcomeModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        buffer.write("Welcome to \(model.context.clinicName)", x: area.x, y: area.y, role: .title, clip: area)
        buffer.write("Book a visit, see or cancel your appointments, keep your details up to date.",
                     x: area.x, y: area.y + 1, role: .dim, clip: area)
        var state = model.list
        TablePainter.paint(model.items.map { TableRow([$0]) }, columns: nil, state: &state, into: &buffer,
                           rect: Rect(x: area.x, y: area.y + 3, width: min(40, area.width), height: 2))
    }
}

extension WelcomeModel {
    public func paint(into buffer: inout CellBuffer, area: Rect) { WelcomeScreen(model: self).paint(into: &buffer, area: area) }
}

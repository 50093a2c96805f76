import ClinicCore

/// The front end without a terminal: the navigation stack, the app-wide keys,
/// dialogs, idle sign-out and refresh. The run loop feeds it keys and ticks;
/// tests do the same and read the painted buffer.
@_spi(Tooling) public final class AppCore {
    /// The app's own keys, after the screen's (footer and help show them too).
    enum GlobalAction: Sendable { case help, back, quit, forceQuit }

    enum Overlay {
        case help
        case confirmQuit
        /// `Esc` on a screen with unsaved edits: leave it only on `y`.
        case confirmLeave
        case notice(Dialog)
    }

    let context: AppContext
    private(set) var stack: [any ScreenModel]
    var overlay: Overlay?
    /// Set when the program should end.
    private(set) var finished = false
    /// Seconds without a key before a signed-in kiosk session ends (nil: never).
    let idleSeconds: Double?
    private var lastInput: Double

    @_spi(Tooling) public init(context: AppContext, idleSeconds: Double? = nil, startedAt time: Double = 0) {
        self.context = context
        self.idleSeconds = idleSeconds
        self.lastInput = time
        self.stack = [Router.root(context)]
    }

    /// Opens `screen` on top of the stack, as a screen's `.push` would (benchmarks, embedding).
    func open(_ screen: any ScreenModel) { apply(.push(screen)) }

    /// Opens a screen model a benchmark built (one of the `@_spi(Tooling)` models) on top.
    @_spi(Tooling) public func open(model: AnyObject) {
        guard let screen = model as? any ScreenModel else { preconditionFailure("\(type(of: model)) is not a screen") }
        open(screen)
    }

    /// The screen on top.
    var top: any ScreenModel { stack[stack.count - 1] }

    /// The screen on top when it is a `T` (benchmarks drive the screens by keys and read them back).
    @_spi(Tooling) public func top<T>(as type: T.Type) -> T? { top as? T }

    /// Signs `account` in and opens their home screen, as the sign-in screen does.
    @_spi(Tooling) public func openHome(signedIn account: Account) {
        context.account = account
        open(Router.home(context, account))
    }

    var globals: [Binding<GlobalAction>] {
        var list: [Binding<GlobalAction>] = []
        if stack.count > 1 { list.append(Binding([.escape], .back, "back")) }
        // While a field has the focus `?` is typed, so only F1 opens help.
        list.append(Binding(top.capturesText ? [.function(1)] : [.char("?"), .function(1)], .help, "help"))
        if top.capturesText {
            list.append(Binding([.ctrl("q")], .forceQuit, "quit"))
        } else {
            list.append(Binding([.char("q"), .ctrl("q")], .quit, "quit"))
        }
        return list
    }

    /// Everything the footer and help show for the top screen.
    var hints: [KeyHint] { globals.hints() + top.hints }

    /// One key press at monotonic `time` (seconds).
    @_spi(Tooling) public func press(_ key: Key, at time: Double) {
        lastInput = time
        context.forgetAllowedActions()
        if key == .resize { return }
        if let overlay {
            self.overlay = nil
            let yes = key == .char("y") || key == .char("Y")
            if case .confirmQuit = overlay, yes { finished = true }
            if case .confirmLeave = overlay, yes { pop() }
            return
        }
        let effect = top.handle(key)
        if case .unhandled = effect {
            switch globals.action(for: key) {
            case .help?: overlay = .help
            case .back?: if top.isDirty { overlay = .confirmLeave } else { pop() }
            case .quit?, .forceQuit?: quit()
            case nil: break
            }
            return
        }
        apply(effect)
    }

    /// Time passes: signs an idle kiosk session out; re-reads data when it changed.
    func tick(at time: Double, dataChanged: Bool) {
        if let idleSeconds, context.account != nil, time - lastInput >= idleSeconds {
            signOut()
            overlay = .notice(
                Dialog(
                    title: "Signed out", message: "You were signed out after \(Int(idleSeconds / 60)) minutes without a key press.",
                    answers: "any key continues"))
            lastInput = time
        }
        if dataChanged, context.mode == .kiosk, let account = context.account,
            (try? context.store.isStillSignedIn(account)) == false
        {
            // A password reset (or the desk's new password, or a deactivation) ends the account's kiosk sessions.
            signOut()
            overlay = .notice(
                Dialog(
                    title: "Signed out", message: "You were signed out: this account's password was changed. Sign in again.",
                    answers: "any key continues"))
        }
        if dataChanged {
            context.forgetAllowedActions()
            context.refreshSettings()
            top.reload()
        }
    }

    func apply(_ effect: Effect) {
        switch effect {
        case .none, .unhandled: break
        case .push(let s): stack.append(s)
        case .replace(let s): stack[stack.count - 1] = s
        case .pop: pop()
        case .popToHome:
            stack = [stack[0]]
            top.reload()
        case .rootThen(let s):
            stack = [stack[0], s]
        case .popTo(let isTarget):
            let keep = stack.dropLast().lastIndex(where: isTarget) ?? 0
            stack = Array(stack[...keep])
            top.reload()
        case .reset(let s): stack = [s]
        case .signOut: signOut()
        case .help: overlay = .help
        case .quit: quit()
        }
    }

    private func pop() {
        guard stack.count > 1 else { return }
        stack.removeLast()
        top.reload()
    }

    private func quit() {
        if stack.contains(where: \.isDirty) { overlay = .confirmQuit } else { finished = true }
    }

    private func signOut() {
        context.account = nil
        stack = [Router.root(context)]
    }

    /// Paints the whole frame: status line, the screen, the footer, any dialog.
    @_spi(Tooling) public func paint(into buffer: inout CellBuffer, localTime: String) {
        buffer.fill(buffer.bounds, role: .normal)
        let status = StatusInfo(
            clinicName: context.clinicName, screenTitle: top.title,
            user: context.account.map { "\($0.name) (\($0.role.rawValue))" },
            localTime: localTime, services: context.mode == .staff ? context.services : "",
            servicesShort: context.mode == .staff ? context.servicesState?.short : "")
        StatusLinePainter.paint(status, into: &buffer, row: 0)
        let body = Rect(x: 2, y: 2, width: buffer.width - 4, height: buffer.height - 4)
        top.paint(into: &buffer, area: body)
        // The screen's own keys first, then back and quit; help keeps the last place.
        let app = globals.hints()
        FooterPainter.paint(
            top.hints + app.filter { $0.label != "help" }, help: app.first { $0.label == "help" }, into: &buffer, row: buffer.height - 1)
        switch overlay {
        case .help?: HelpPainter.paint(title: top.title, hints: hints, into: &buffer, area: buffer.bounds)
        case .confirmQuit?:
            DialogPainter.paint(
                Dialog(
                    title: "Quit?", message: "What you typed has not been saved and will be lost.",
                    answers: "y quit · any other key stays"), into: &buffer, area: buffer.bounds)
        case .confirmLeave?:
            DialogPainter.paint(
                Dialog(
                    title: "Leave this screen?", message: "What you typed has not been saved and will be lost.",
                    answers: "y leave · any other key stays"), into: &buffer, area: buffer.bounds)
        case .notice(let d)?: DialogPainter.paint(d, into: &buffer, area: buffer.bounds)
        case nil: break
        }
    }
}

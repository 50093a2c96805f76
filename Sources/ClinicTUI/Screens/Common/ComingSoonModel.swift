import ClinicCore

/// What a signed-in doctor, receptionist or admin sees until their screens land.
public final class ComingSoonModel: ScreenModel {
    enum Action: Sendable { case signOut }
    let context: AppContext
    public let role: Role

    public init(_ context: AppContext, role: Role) { self.context = context; self.role = role }

    let bindings: [Binding<Action>] = [Binding([.char("s")], .signOut, "sign out")]
    public var title: String { "\(role.rawValue.capitalized) screens" }
    public var hints: [KeyHint] { bindings.hints() }

    public func handle(_ key: Key) -> Effect {
        switch bindings.action(for: key) {
        case .signOut?: return .signOut
        case nil: return .unhandled
        }
    }
}

import ClinicCore

/// A signed-in patient's home: book, my appointments, my waitlist, profile,
/// sign out, and the next visit at a glance.
final class PatientHomeModel: ScreenModel {
    enum Action: Sendable { case open, book, appointments, waitlist, profile, signOut }
    let context: AppContext
    var list = ListState(count: 5)
    let items = ["Book an appointment", "My appointments", "My waitlist", "My profile", "Sign out"]
    /// The next active appointment, if any.
    private(set) var next: Appointment?
    /// A note from the last finished task (e.g. a booking's code).
    var notice: String?

    init(_ context: AppContext) { self.context = context; reload() }

    let bindings: [Binding<Action>] = [
        Binding([.enter], .open, "select"),
        Binding([.char("b")], .book, "book"),
        Binding([.char("a")], .appointments, "my appointments"),
        Binding([.char("p")], .profile, "profile"),
        Binding([.char("w")], .waitlist, "my waitlist"),  // after profile: the footer's first keys stay where people know them
        Binding([.char("s")], .signOut, "sign out"),
    ]
    var title: String { "Home" }
    var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    func handle(_ key: Key) -> Effect {
        if list.handle(key, page: items.count) { return .none }
        guard let action = bindings.action(for: key) else { return .unhandled }
        notice = nil
        switch action {
        case .open: return perform([Action.book, .appointments, .waitlist, .profile, .signOut][list.selected])
        default: return perform(action)
        }
    }

    private func perform(_ action: Action) -> Effect {
        switch action {
        case .book: return .push(BookSpecialtyModel(context))
        case .appointments: return .push(MyAppointmentsModel(context))
        case .waitlist: return .push(MyWaitlistModel(context))
        case .profile: return .push(ProfileModel(context))
        case .signOut, .open: return .signOut
        }
    }

    func reload() {
        if let flash = context.flash { notice = flash; context.flash = nil }
        guard let id = context.account?.id else { return }
        next = (try? context.store.appointments(AppointmentFilter(patientID: id, from: context.now, limit: 50)))?
            .first { $0.status.isActive }
    }
}

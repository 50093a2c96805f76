import ClinicCore

/// A signed-in patient's home: book, my appointments, profile, sign out, and
/// the next visit at a glance.
public final class PatientHomeModel: ScreenModel {
    enum Action: Sendable { case open, book, appointments, profile, signOut }
    let context: AppContext
    public internal(set) var list = ListState(count: 4)
    let items = ["Book an appointment", "My appointments", "My profile", "Sign out"]
    /// The next active appointment, if any.
    public private(set) var next: Appointment?
    /// A note from the last finished task (e.g. a booking's code).
    public var notice: String?

    public init(_ context: AppContext) { self.context = context; reload() }

    let bindings: [Binding<Action>] = [
        Binding([.enter], .open, "select"),
        Binding([.char("b")], .book, "book"),
        Binding([.char("a")], .appointments, "my appointments"),
        Binding([.char("p")], .profile, "profile"),
        Binding([.char("s")], .signOut, "sign out"),
    ]
    public var title: String { "Home" }
    public var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    public func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 4) { return .none }
        guard let action = bindings.action(for: key) else { return .unhandled }
        notice = nil
        switch action {
        case .open: return [Action.book, .appointments, .profile, .signOut].map(perform)[list.selected]
        default: return perform(action)
        }
    }

    private func perform(_ action: Action) -> Effect {
        switch action {
        case .book: return .push(BookSpecialtyModel(context))
        case .appointments: return .push(MyAppointmentsModel(context))
        case .profile: return .push(ProfileModel(context))
        case .signOut, .open: return .signOut
        }
    }

    public func reload() {
        if let flash = context.flash { notice = flash; context.flash = nil }
        guard let id = context.account?.id else { return }
        next = (try? context.store.appointments(AppointmentFilter(patientID: id, from: context.now, limit: 50)))?
            .first { $0.status.isActive }
    }
}

/// Paints the home menu and the next visit.
struct PatientHomeScreen {
    let model: PatientHomeModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let name = model.context.account?.name ?? ""
        buffer.write("Hello, \(name)", x: area.x, y: area.y, role: .title, clip: area)
        var state = model.list
        TablePainter.paint(model.items.map { TableRow([$0]) }, columns: nil, state: &state, into: &buffer,
                           rect: Rect(x: area.x, y: area.y + 2, width: min(40, area.width), height: 4))
        var y = area.y + 7
        if let next = model.next {
            let zone = model.context.timeZone
            buffer.write("Next visit: \(Format.dateTime(next.start, zone)) with \(next.doctor.name) · \(next.code) · \(Format.status(next.status))",
                         x: area.x, y: y, role: Format.role(next.status), clip: area)
        } else {
            buffer.write("No upcoming visits.", x: area.x, y: y, role: .dim, clip: area)
        }
        y += 2
        if let notice = model.notice {
            Painter.paragraph(&buffer, "✓ " + notice, in: Rect(x: area.x, y: y, width: area.width, height: 2), role: .success)
        }
    }
}

extension PatientHomeModel {
    public func paint(into buffer: inout CellBuffer, area: Rect) { PatientHomeScreen(model: self).paint(into: &buffer, area: area) }
}

import ClinicCore

/// Booking, step 1: pick a specialization (with how many doctors offer it).
public final class BookSpecialtyModel: ScreenModel {
    enum Action: Sendable { case open }
    let context: AppContext
    public private(set) var doctors: [DoctorListing] = []
    public private(set) var specialties: [String] = []
    public internal(set) var list = ListState()
    public private(set) var error: String?

    public init(_ context: AppContext) { self.context = context; reload() }

    let bindings: [Binding<Action>] = [Binding([.enter, .right], .open, "choose")]
    public var title: String { "Book · specialization" }
    public var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    public func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { return .none }
        switch bindings.action(for: key) {
        case .open?:
            guard list.selected < specialties.count else { return .none }
            let chosen = specialties[list.selected]
            return .push(BookDoctorModel(context, specialty: chosen, doctors: doctors.filter { $0.specialization == chosen }))
        case nil: return .unhandled
        }
    }

    public func reload() {
        do {
            doctors = try context.store.bookableDoctors()
            var seen: [String] = []
            for d in doctors where !seen.contains(d.specialization) { seen.append(d.specialization) }
            specialties = seen
            list.reset(count: specialties.count)
        } catch { self.error = Format.error(error) }
    }
}

/// Paints BookSpecialtyModel.
struct BookSpecialtyScreen {
    let model: BookSpecialtyModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let m = model
        var list = m.list
        buffer.write("Which kind of doctor do you need?", x: area.x, y: area.y, role: .title, clip: area)
        let rows = m.specialties.map { s in TableRow([s, "\(m.doctors.filter { $0.specialization == s }.count) doctor(s)"]) }
        TablePainter.paint(rows, columns: [Column("Specialization", width: 30), Column("")], state: &list, into: &buffer,
                           rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
                           empty: m.error ?? "No doctors can be booked yet.")
    }
}

extension BookSpecialtyModel {
    public func paint(into buffer: inout CellBuffer, area: Rect) { BookSpecialtyScreen(model: self).paint(into: &buffer, area: area) }
}

import ClinicCore

/// Booking, step 2: pick a doctor of the chosen specialization.
public final class BookDoctorModel: ScreenModel {
    enum Action: Sendable { case open }
    let context: AppContext
    public let specialty: String
    public let doctors: [DoctorListing]
    public internal(set) var list: ListState

    public init(_ context: AppContext, specialty: String, doctors: [DoctorListing]) {
        self.context = context; self.specialty = specialty; self.doctors = doctors
        list = ListState(count: doctors.count)
    }

    let bindings: [Binding<Action>] = [Binding([.enter, .right], .open, "choose")]
    public var title: String { "Book · doctor" }
    public var hints: [KeyHint] { [KeyHint(keys: "↑↓/jk", label: "move")] + bindings.hints() }

    public func handle(_ key: Key) -> Effect {
        if list.handle(key, page: 10) { return .none }
        switch bindings.action(for: key) {
        case .open?:
            guard list.selected < doctors.count else { return .none }
            return .push(BookSlotModel(context, doctor: doctors[list.selected]))
        case nil: return .unhandled
        }
    }
}

/// Paints BookDoctorModel.
struct BookDoctorScreen {
    let model: BookDoctorModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let m = model
        var list = m.list
        buffer.write("\(m.specialty): choose a doctor", x: area.x, y: area.y, role: .title, clip: area)
        let rows = m.doctors.map { TableRow([$0.name, "\($0.slotMinutes) min visits"]) }
        TablePainter.paint(rows, columns: [Column("Doctor", width: 30), Column("")], state: &list, into: &buffer,
                           rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2))
    }
}

extension BookDoctorModel {
    public func paint(into buffer: inout CellBuffer, area: Rect) { BookDoctorScreen(model: self).paint(into: &buffer, area: area) }
}

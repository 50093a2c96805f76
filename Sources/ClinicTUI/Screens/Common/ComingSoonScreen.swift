import ClinicCore

/// Paints the "coming" notice for a staff role.
struct ComingSoonScreen {
    let model: ComingSoonModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let name = model.context.account?.name ?? ""
        buffer.write("Signed in as \(name) (\(model.role.rawValue)).", x: area.x, y: area.y, role: .success, clip: area)
        let what: String
        switch model.role {
        case .doctor: what = "The doctor's screens (the day's schedule, appointments, stats)"
        case .receptionist: what = "The desk's screens (find or register patients, book for them, today's board)"
        default: what = "The admin's screens (accounts, hours, settings)"
        }
        let text = what + " are coming in the next release. Until then the `clinic` commands do this work (clinic --help)."
        Painter.paragraph(&buffer, text, in: Rect(x: area.x, y: area.y + 2, width: min(area.width, 72), height: area.height - 2))
    }
}

extension ComingSoonModel {
    public func paint(into buffer: inout CellBuffer, area: Rect) { ComingSoonScreen(model: self).paint(into: &buffer, area: area) }
}

import ClinicCore

/// Paints the admin's menu.
struct AdminHomeScreen {
    let model: AdminHomeModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        buffer.write("Signed in as \(model.context.account?.name ?? "") (admin).", x: area.x, y: area.y, role: .success, clip: area)
        let rows = AdminHomeModel.Item.allCases.map { item in
            let (name, what) = AdminHomeModel.label(item)
            return TableRow([name, what])
        }
        var list = model.list
        TablePainter.paint(
            rows, columns: [Column("", width: 18), Column("")], state: &list, into: &buffer,
            rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2))
    }
}

extension AdminHomeModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { AdminHomeScreen(model: self).paint(into: &buffer, area: area) }
}

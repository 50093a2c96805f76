import ClinicCore

/// Paints the staff list.
struct StaffAccountsScreen {
    let model: StaffAccountsModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        if let notice = model.notice { buffer.write(notice.text, x: area.x, y: area.y, role: notice.role, clip: area) }
        let rows = model.accounts.map { a in
            TableRow([a.role.rawValue, a.name, a.email, a.phone, a.active ? (a.hasPassword ? "active" : "no password") : "inactive"],
                     role: a.active ? .normal : .dim)
        }
        var list = model.list
        TablePainter.paint(rows, columns: [Column("Role", width: 12), Column("Name", width: 20), Column("Email", width: 26),
                                           Column("Phone", width: 12), Column("State")],
                           state: &list, into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
                           empty: "No staff yet: n adds one.")
    }
}

extension StaffAccountsModel {
    public func paint(into buffer: inout CellBuffer, area: Rect) { StaffAccountsScreen(model: self).paint(into: &buffer, area: area) }
}

import ClinicCore

/// Paints the staff list.
struct StaffAccountsScreen {
    let model: StaffAccountsModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        if let notice = model.notice { buffer.write(notice.text, x: area.x, y: area.y, role: notice.role, clip: area) }
        let rows = model.accounts.map { a in
            // State before the long columns, so 80 columns still show who is inactive; the email takes what is left.
            TableRow(
                [a.role.rawValue, a.active ? (a.hasPassword ? "active" : "no password") : "inactive", a.name, a.phone ?? "—", a.email ?? "—"],
                role: a.active ? .normal : .dim)
        }
        var list = model.list
        TablePainter.paint(
            rows,
            columns: [
                Column("Role", width: 12), Column("State", width: 11), Column("Name", width: 20),
                Column("Phone", width: 12), Column("Email"),
            ],
            state: &list, into: &buffer, rect: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2),
            empty: "No staff yet: n adds one.")
    }
}

extension StaffAccountsModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { StaffAccountsScreen(model: self).paint(into: &buffer, area: area) }
}

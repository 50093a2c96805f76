import ClinicCore

/// Paints the view tabs and the selected view's table.
struct SMSPanelScreen {
    let model: SMSPanelModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let zone = model.context.timeZone
        var x = area.x
        let names: [(SMSPanelModel.View, String)] = [
            (.outgoing, "Failed / pending (\(model.outgoing.count))"),
            (.sent, "Sent (\(model.sent.count))"),
            (.replies, "Replies (\(model.replies.count)\(model.waitingReplies > 0 ? ", ⚑ \(model.waitingReplies)" : ""))"),
            (.flagged, "Flagged numbers (\(model.flagged.count))"),
        ]
        for (view, name) in names {
            x = buffer.write(" \(name) ", x: x, y: area.y, role: view == model.view ? .selection : .dim, clip: area)
            x = buffer.write("  ", x: x, y: area.y, role: .normal, clip: area)
        }
        if let error = model.error {
            buffer.write(error, x: area.x, y: area.y + 1, role: .error, clip: area)
        } else if let notice = model.notice {
            buffer.write(notice.text, x: area.x, y: area.y + 1, role: notice.role, clip: area)
        } else if let note = model.selectedNote {
            buffer.write(note, x: area.x, y: area.y + 1, role: .warning, clip: area)
        }
        let rect = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        var list = model.list
        switch model.view {
        case .outgoing:
            let rows = model.outgoing.map { m in
                TableRow(
                    [
                        Format.dateTime(m.createdAt, zone), m.to, m.appointmentCode ?? "", m.kind.rawValue,
                        m.state == .sent ? (m.deliveryStatus ?? "sent") : m.state.rawValue,
                        ([m.errorCode, m.errorMessage] + [m.errorMessage == m.note ? nil : m.note]).compactMap { $0 }
                            .joined(separator: " "),
                    ],
                    role: m.state == .failed || m.state == .sent ? .error : .warning)
            }
            TablePainter.paint(
                rows,
                columns: [
                    Column("Queued", width: 21), Column("To", width: 13), Column("Code", width: 6),
                    Column("Kind", width: 12), Column("State", width: 11), Column("Error"),
                ],
                state: &list, into: &buffer, rect: rect, empty: "Every message went out.")
        case .sent:
            let rows = model.sent.map { m in
                TableRow(
                    [Format.dateTime(m.updatedAt, zone), m.to, m.appointmentCode ?? "", m.note == nil ? m.body : "⚠ " + m.body],
                    role: m.note == nil ? .normal : .warning)
            }
            TablePainter.paint(
                rows,
                columns: [
                    Column("Sent", width: 21), Column("To", width: 13), Column("Code", width: 6),
                    Column("Message"),
                ],
                state: &list, into: &buffer, rect: rect, empty: "Nothing sent yet.")
        case .replies:
            let rows = model.replies.map { r in
                TableRow(
                    [
                        Format.dateTime(r.receivedAt, zone), r.from, r.body,
                        r.attentionReason.map { reason in r.handledBy.map { "✓ \($0)" } ?? "⚑ " + reason } ?? r.outcome,
                    ],
                    role: r.waiting ? .warning : .normal)
            }
            TablePainter.paint(
                rows,
                columns: [
                    Column("Received", width: 21), Column("From", width: 13), Column("Message", width: 24),
                    Column("Outcome"),
                ],
                state: &list, into: &buffer, rect: rect, empty: "No replies yet.")
        case .flagged:
            let rows = model.flagged.map { p in
                TableRow(
                    [p.phone, p.optedOut ? "opted out" : "", [p.flagCode, p.flag].compactMap { $0 }.joined(separator: " ")],
                    role: .warning)
            }
            TablePainter.paint(
                rows, columns: [Column("Phone", width: 14), Column("SMS", width: 10), Column("Flag")],
                state: &list, into: &buffer, rect: rect, empty: "No flagged numbers.")
        }
    }
}

extension SMSPanelModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { SMSPanelScreen(model: self).paint(into: &buffer, area: area) }
}

import ClinicCore

/// Paints the view tabs, the notice line, the selected view's table and,
/// under it, the selected item in full (`SMSPanelDetailPainter`).
struct SMSPanelScreen {
    let model: SMSPanelModel
    /// Rows the table keeps however long the selected item is (its heading and five rows).
    static let minimumTable = 6

    func paint(into buffer: inout CellBuffer, area: Rect) {
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
            let answers = model.offer == nil ? "" : "  y retry · n not now"
            let end = buffer.write(notice.text, x: area.x, y: area.y + 1, role: notice.role, clip: area)
            buffer.write(answers, x: end, y: area.y + 1, role: .footerKey, clip: area)
        } else if let note = model.selectedNote {
            buffer.write(note, x: area.x, y: area.y + 1, role: .warning, clip: area)
        }
        let room = max(0, area.height - 2 - Self.minimumTable)
        let detail = model.detail.map { SMSPanelDetailPainter.lines($0, width: area.width) } ?? []
        let detailHeight = min(detail.count, room)
        let rect = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2 - detailHeight)
        paintTable(into: &buffer, rect: rect)
        SMSPanelDetailPainter.paint(
            detail, into: &buffer, rect: Rect(x: area.x, y: rect.y + rect.height, width: area.width, height: detailHeight))
    }

    private func paintTable(into buffer: inout CellBuffer, rect: Rect) {
        let zone = model.context.timeZone
        var list = model.list
        switch model.view {
        case .outgoing:
            let rows = model.outgoing.map { m in
                TableRow(
                    [Format.compactDateTime(m.createdAt, zone), model.party(m.to), m.appointmentCode ?? "", SMSText.shortKind(m.kind), SMSText.outcome(m)],
                    role: SMSPanelModel.role(of: m) == .error ? .error : .warning)
            }
            TablePainter.paint(
                rows,
                columns: [
                    Column("Queued", width: 11), Column("To", width: 22), Column("Code", width: 6), Column("Kind", width: 12), Column("Outcome"),
                ],
                state: &list, into: &buffer, rect: rect, empty: "Every message went out.")
        case .sent:
            let rows = model.sent.map { m in
                TableRow(
                    [Format.shortDateTime(m.updatedAt, zone), model.party(m.to), m.appointmentCode ?? "", m.note == nil ? m.body : "⚠ " + m.body],
                    role: m.note == nil ? .normal : .warning)
            }
            TablePainter.paint(
                rows, columns: [Column("Sent", width: 15), Column("To", width: 24), Column("Code", width: 6), Column("Message")],
                state: &list, into: &buffer, rect: rect, empty: "Nothing sent yet.")
        case .replies:
            let rows = model.replies.map { r in
                let outcome =
                    r.attentionReason.map { reason in r.handledBy.map { "✓ \($0)" } ?? "⚑ " + reason }
                    ?? SMSOutcomeText.sentence(outcome: r.outcome, code: r.appointmentCode)
                return TableRow([Format.shortDateTime(r.receivedAt, zone), model.party(r.from), r.body, outcome], role: r.waiting ? .warning : .normal)
            }
            TablePainter.paint(
                rows,
                columns: [Column("Received", width: 15), Column("From", width: 22), Column("Message", width: 18), Column("Outcome")],
                state: &list, into: &buffer, rect: rect, empty: "No replies yet.")
        case .flagged:
            let rows = model.flagged.map { p in
                TableRow(
                    [
                        p.phone, model.name(of: p.phone) ?? "", p.optedOut ? "opted out" : "",
                        p.flagCode.map { SMSText.problem(code: $0, message: p.flag) } ?? p.flag ?? "",
                    ],
                    role: .warning)
            }
            TablePainter.paint(
                rows, columns: [Column("Phone", width: 14), Column("Holder", width: 20), Column("SMS", width: 9), Column("Flag")],
                state: &list, into: &buffer, rect: rect, empty: "No flagged numbers.")
        }
    }
}

extension SMSPanelModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { SMSPanelScreen(model: self).paint(into: &buffer, area: area) }
}

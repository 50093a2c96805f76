import ClinicCore

/// Paints the board: the day, a notice, then per doctor a heading and one line
/// per appointment (time, patient, code, status in its theme role), scrolled so
/// the selection shows.
struct BoardScreen {
    let model: BoardModel

    /// One painted line of the board.
    enum Line { case doctor(BoardModel.Group), appointment(Appointment?, index: Int), empty(index: Int) }

    func paint(into buffer: inout CellBuffer, area: Rect) {
        let context = model.context, now = context.now
        var x = buffer.write(model.day.label(today: context.today), x: area.x, y: area.y, role: .label, clip: area)
        if model.waitingReplies > 0 {  // before the counts: it is what the desk must act on
            x = buffer.write("  ⚑ \(model.waitingReplies) SMS to read (m)", x: x, y: area.y, role: .warning, clip: area)
        }
        buffer.write(
            "  \(model.appointmentCount) appointments · \(model.summary.checkedIn) waiting · \(model.summary.late(at: now)) late",
            x: x, y: area.y, role: .dim, clip: area)
        if let notice = model.notice {
            buffer.write(notice.text, x: area.x, y: area.y + 1, role: notice.role, clip: area)
        }
        let body = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        guard !model.groups.isEmpty else {
            buffer.write("No doctors yet.", x: body.x, y: body.y, role: .dim, clip: body)
            return
        }
        let lines = model.lineCount
        let selectedLine = model.rowCount == 0 ? 0 : model.line(ofRow: model.list.selected)
        let top = max(0, min(selectedLine - body.height + 1, lines - body.height))
        for row in 0..<body.height where top + row < lines {
            paint(line(top + row), into: &buffer, y: body.y + row, rect: body, now: now)
        }
    }

    /// What painted line `n` shows, from the groups' layout (no list of every line is built).
    func line(_ n: Int) -> Line {
        let g = model.groups[model.group(ofLine: n)]
        let k = n - g.firstLine
        if k == 0 { return .doctor(g) }
        if g.total == 0 { return .empty(index: g.firstRow) }
        let row = g.firstRow + k - 1
        return .appointment(model.appointment(at: row), index: row)
    }

    private func paint(_ line: Line, into buffer: inout CellBuffer, y: Int, rect: Rect, now: Int64) {
        switch line {
        case .doctor(let g):
            // The same count as the header's (every appointment that day), and how many are still open.
            let count = g.total == 1 ? "1 appointment" : "\(g.total) appointments"
            buffer.write("\(g.doctorName) · \(g.specialization) · \(count), \(g.active) still open", x: rect.x, y: y, role: .title, clip: rect)
        case .empty(let index):
            let selected = index == model.list.selected
            let works = model.groups.first { $0.firstRow == index }?.works ?? true
            let text = works ? "no appointments · n books one" : "not working on \(Format.weekdayPlural(model.day.date.weekday))"
            if selected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selection) }
            buffer.write(
                (selected ? "▸ " : "  ") + "  " + text, x: rect.x, y: y,
                role: selected ? .selection : .dim, clip: rect)
        case .appointment(nil, _):
            buffer.write("    …", x: rect.x, y: y, role: .dim, clip: rect)
        case .appointment(let a?, let index):
            let selected = index == model.list.selected
            let status = VisitStatus(a, now: now)
            if selected { buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), role: .selection) }
            let base: ThemeRole = selected ? .selection : .normal
            var x = buffer.write((selected ? "▸ " : "  ") + Format.time(a.start, model.context.timeZone) + "  ", x: rect.x, y: y, role: base, clip: rect)
            x = buffer.write(CharWidth.pad(CharWidth.truncate(a.patient.name, to: 24), to: 25), x: x, y: y, role: base, clip: rect)
            x = buffer.write(a.code + "  ", x: x, y: y, role: base, clip: rect)
            x = buffer.write(CharWidth.pad(status.text, to: 12), x: x, y: y, role: selected ? .selection : status.role, clip: rect)
            buffer.write(a.reason, x: x, y: y, role: selected ? .selection : .dim, clip: rect)
        }
    }
}

extension BoardModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { BoardScreen(model: self).paint(into: &buffer, area: area) }
}

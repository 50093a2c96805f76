import ClinicCore

/// Paints the patient's details, SMS state and appointments.
struct PatientCardScreen {
    let model: PatientCardModel

    func paint(into buffer: inout CellBuffer, area: Rect) {
        guard let p = model.patient else { return }
        let zone = model.context.timeZone, now = model.context.now
        var x = buffer.write(p.name, x: area.x, y: area.y, role: .title, clip: area)
        if !p.active { x = buffer.write("  (inactive)", x: x, y: area.y, role: .warning, clip: area) }
        buffer.write("  " + [p.phone ?? "no phone", p.email ?? "no email"].joined(separator: " · "), x: x, y: area.y, role: .normal, clip: area)
        var details: [String] = []
        if let profile = model.profile {
            if let birth = profile.birthDate { details.append("born \(birth)") }
            if let age = profile.age(on: model.context.today) { details.append("age \(age)") }
            if let gender = profile.gender, !gender.isEmpty { details.append(gender) }
            if !profile.notes.isEmpty { details.append(profile.notes) }
        }
        var detailsX = area.x
        if let until = model.lockedUntil {
            let at = zone.local(until).date == model.context.today ? Format.time(until, zone) : Format.dateTime(until, zone)
            detailsX = buffer.write("Sign-in locked until \(at) (u unlocks)  ", x: area.x, y: area.y + 1, role: .warning, clip: area)
        }
        buffer.write(details.isEmpty ? "no details on file" : details.joined(separator: " · "), x: detailsX, y: area.y + 1, role: .dim, clip: area)
        let sms = model.phone
        let smsText =
            p.phone == nil
            ? "SMS: no phone on file" : sms?.optedOut == true ? "SMS: opted out" + (sms?.source.map { " (\($0))" } ?? "") : "SMS: receives reminders"
        x = buffer.write(smsText, x: area.x, y: area.y + 2, role: sms?.optedOut == true ? .warning : .success, clip: area)
        if let flag = sms?.flag { buffer.write("  ⚑ " + flag, x: x, y: area.y + 2, role: .warning, clip: area) }
        var y = area.y + 3
        if let notice = model.notice {
            buffer.write(notice.text, x: area.x, y: y, role: notice.role, clip: area)
        }
        y += 1
        buffer.write(Self.countLine(model.upcoming, model.past, now: model.context.now), x: area.x, y: y, role: .label, clip: area)
        let rows = model.rows.map { a in
            let status = VisitStatus(a, now: now)
            return TableRow([Format.dateTime(a.start, zone), a.doctor.name, a.code, status.text, a.reason], role: status.role)
        }
        var list = model.list
        TablePainter.paint(
            rows,
            columns: [
                Column("When", width: 21), Column("Doctor", width: 18), Column("Code", width: 6),
                Column("Status", width: 11), Column("Reason"),
            ],
            state: &list, into: &buffer, rect: Rect(x: area.x, y: y + 1, width: area.width, height: area.y + area.height - y - 1),
            empty: "No appointments yet: b books one.")
    }

    /// `1 upcoming · 2 past`, with visits to come that were cancelled counted apart
    /// (`0 upcoming · 1 cancelled ahead · 0 past`), not as past.
    static func countLine(_ upcoming: [Appointment], _ others: [Appointment], now: Int64) -> String {
        let ahead = others.filter { $0.start >= now && $0.status == .cancelled }.count
        let past = others.count - ahead
        return "\(upcoming.count) upcoming · " + (ahead > 0 ? "\(ahead) cancelled ahead · " : "") + "\(past) past"
    }
}

extension PatientCardModel {
    func paint(into buffer: inout CellBuffer, area: Rect) { PatientCardScreen(model: self).paint(into: &buffer, area: area) }
}

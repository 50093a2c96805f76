import ClinicCore

/// What `user time-off` and `closure` do once parsed: list, remove, preview or add a stretch.
struct TimeOffRun {
    let ctx: CommandContext
    let scope: TimeOffScope
    /// Whose time off, in sentences (`Dr Ana Moreau`, `The clinic`).
    let owner: String
    /// The doctor's email for JSON (nil for the clinic).
    let ownerRef: String?
    let options: TimeOffOptions

    func run() throws {
        let zone = try ctx.timeZone()
        if options.list { return try list(zone) }
        if options.history { return try history(zone) }
        if let id = options.remove {
            let gone =
                try scope.doctorID.map { try ctx.store.removeTimeOff(id: id, doctorID: $0, by: .shell) }
                ?? ctx.store.removeClosure(id: id, by: .shell)
            if ctx.json {
                JSONOutput.print(["removed": TimeOffJSON(gone, zone: zone)])
            } else {
                TextOutput.line(scope.doctorID == nil ? "The clinic is open again \(gone.span(in: zone))" : "\(owner) is no longer off \(gone.span(in: zone))")
            }
            return
        }
        let start = try LocalDate(options.from!).map { zone.startOfDay($0) } ?? LocalInput.instant(options.from!, in: zone)
        let end = try LocalDate(options.to!).map { zone.startOfDay($0.adding(days: 1)) } ?? LocalInput.instant(options.to!, in: zone)
        if options.preview {
            let covered = try ctx.store.timeOffImpact(scope, from: start, to: end, by: .shell)
            if ctx.json {
                JSONOutput.print(TimeOffPreviewJSON(would_cancel: covered.map { AppointmentJSON($0, zone: zone) }))
            } else if covered.isEmpty {
                TextOutput.line("No booked visits in that time: it can be added as it is.")
            } else {
                TextOutput.block(Self.table(covered, zone: zone))
                TextOutput.line("\(Plural.count(covered.count, "visit")) booked; add --cancel-booked to cancel them and text each patient to book again.")
            }
            return
        }
        let outcome = try ctx.store.addTimeOff(scope, from: start, to: end, note: options.note, cancelBooked: options.cancelBooked, by: .shell)
        if ctx.json {
            JSONOutput.print(
                TimeOffAddedJSON(
                    time_off: TimeOffJSON(outcome.timeOff, zone: zone), cancelled: outcome.cancelled.map { AppointmentJSON($0, zone: zone) }))
            return
        }
        let span = outcome.timeOff.span(in: zone)
        TextOutput.line(
            scope.doctorID == nil
                ? "The clinic is closed \(span) (closure \(outcome.timeOff.id))" : "\(owner) is off \(span) (time off \(outcome.timeOff.id))")
        if !outcome.cancelled.isEmpty {
            TextOutput.block(Self.table(outcome.cancelled, zone: zone))
            TextOutput.line("\(Plural.count(outcome.cancelled.count, "visit")) cancelled; each patient is texted to book again.")
        }
    }

    private func list(_ zone: ClinicTimeZone) throws {
        let entries = try scope.doctorID.map { try ctx.store.timeOff(doctorID: $0) } ?? ctx.store.closures()
        if ctx.json {
            let rows = entries.map { TimeOffJSON($0, zone: zone) }
            if let ownerRef { JSONOutput.print(TimeOffListJSON(doctor: ownerRef, time_off: rows)) } else { JSONOutput.print(["closures": rows]) }
        } else if entries.isEmpty {
            TextOutput.line(scope.doctorID == nil ? "The clinic has no closure days" : "\(owner) has no time off")
        } else {
            var table = TextTable(["ID", "WHEN", "NOTE"])
            for e in entries { table.add([String(e.id), e.span(in: zone), e.note]) }
            TextOutput.block(table.rendered)
        }
    }

    private func history(_ zone: ClinicTimeZone) throws {
        let events = try ctx.store.scheduleEvents(doctorID: scope.doctorID, by: .shell)
        if ctx.json {
            JSONOutput.print(
                ScheduleHistoryJSON(
                    changes: events.map {
                        .init(at: zone.iso8601($0.at), by: $0.actor, via: $0.via.rawValue, action: $0.action.rawValue, detail: $0.detail)
                    }))
        } else if events.isEmpty {
            TextOutput.line("no changes recorded")
        } else {
            var table = TextTable(["WHEN", "BY", "WHAT", "DETAIL"])
            for e in events {
                table.add([
                    "\(zone.local(e.at).date) \(zone.unambiguousTime(e.at))", e.actor, e.action.rawValue.replacingOccurrences(of: "_", with: " "),
                    e.detail,
                ])
            }
            TextOutput.block(table.rendered)
        }
    }

    /// The visits a stretch covers or cancelled, as the desk reads them out.
    static func table(_ list: [Appointment], zone: ClinicTimeZone) -> String {
        var table = TextTable(["CODE", "DATE", "TIME", "DOCTOR", "PATIENT", "PHONE", "STATUS"])
        for a in list {
            table.add([
                a.code, zone.local(a.start).date.description, zone.unambiguousTime(a.start), a.doctor.name, a.patient.name, a.patient.phone ?? "—",
                a.status.rawValue,
            ])
        }
        return table.rendered
    }
}

/// A doctor's time off for scripts.
struct TimeOffListJSON: Encodable {
    let doctor: String
    let time_off: [TimeOffJSON]
}

/// One stretch of time off for scripts: its id, the instants, and the span as entered.
struct TimeOffJSON: Encodable {
    let id: Int64, from: String, to: String, span: String, note: String
    init(_ t: TimeOff, zone: ClinicTimeZone) {
        id = t.id; from = zone.iso8601(t.start); to = zone.iso8601(t.end); span = t.span(in: zone); note = t.note
    }
}

/// `--history`: the schedule's audit trail, newest first.
struct ScheduleHistoryJSON: Encodable {
    struct Change: Encodable { let at: String, by: String, via: String, action: String, detail: String }
    let changes: [Change]
}

/// `--preview`: the visits the stretch would cover.
struct TimeOffPreviewJSON: Encodable { let would_cancel: [AppointmentJSON] }

/// A stretch added, and the visits it cancelled.
struct TimeOffAddedJSON: Encodable {
    let time_off: TimeOffJSON
    let cancelled: [AppointmentJSON]
}

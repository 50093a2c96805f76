import GRDB

/// Time off over booked visits (a sick day, a closure): the visits it would
/// cover, listed first, and one transaction that adds the time off and cancels
/// them, texting each patient to book again.
extension ClinicStore {
    /// The active visits `[start, end)` would cover, earliest first: what
    /// adding that time off would refuse, or cancel when asked to.
    public func timeOffImpact(_ scope: TimeOffScope, from start: Int64, to end: Int64, by actor: Actor) throws -> [Appointment] {
        try Self.decideTimeOff(scope, removing: false, by: actor)
        return try pool.read { db in
            if let id = scope.doctorID { _ = try self.calculator(doctorID: id, db) }  // not_found for a non-doctor
            return try Self.covered(scope, start, end, db)
        }
    }

    /// Adds time off for a doctor or the whole clinic over `[start, end)`
    /// (admins). Visits it covers are refused (`conflict`, naming them) unless
    /// `cancelBooked`: then each is cancelled in the same transaction (audited
    /// with the note, the patient texted why and asked to book again). A
    /// checked-in visit is never cancelled this way.
    public func addTimeOff(
        _ scope: TimeOffScope, from start: Int64, to end: Int64, note: String = "", cancelBooked: Bool = false, by actor: Actor
    ) throws -> TimeOffOutcome {
        try Self.decideTimeOff(scope, removing: false, by: actor)
        guard start < end else { throw ClinicError(.invalidInput, "time off must end after it starts") }
        let note = try StoredText.checked(note, what: "the note", limit: 200)
        let now = nowSeconds
        return try pool.write { db in
            var doctorName: String?
            if let id = scope.doctorID {
                _ = try self.calculator(doctorID: id, db)  // not_found for a non-doctor
                doctorName = try String.fetchOne(db, sql: "SELECT name FROM account WHERE id = ?", arguments: [id])
            }
            let covered = try Self.covered(scope, start, end, db)
            let codes = covered.map(\.code).joined(separator: ", ")
            guard covered.isEmpty || cancelBooked else {
                throw ClinicError(
                    .conflict,
                    "time off would cover booked appointments: \(codes); move or cancel them first, "
                        + "or cancel them with the time off (their patients are texted to book again)")
            }
            let arrived = covered.filter { $0.status == .checkedIn }
            guard arrived.isEmpty else {
                throw ClinicError(
                    .conflict,
                    "checked-in visits are never cancelled by time off: "
                        + arrived.map(\.code).joined(separator: ", ") + "; complete them or undo the check-in first")
            }
            let because = doctorName.map { "\($0) is not available that day" } ?? "the clinic is closed that day"
            let auditNote = note.isEmpty ? because : note
            let cancelled = try covered.map {
                try self.transition(normalizedCode: $0.code, to: .cancelled, by: actor, note: auditNote, at: now, because: because, db)
            }
            if let id = scope.doctorID {
                try db.execute(
                    sql: "INSERT INTO time_off (doctor_id, start_at, end_at, note) VALUES (?, ?, ?, ?)", arguments: [id, start, end, note])
            } else {
                try db.execute(sql: "INSERT INTO clinic_closure (start_at, end_at, note) VALUES (?, ?, ?)", arguments: [start, end, note])
            }
            let added = TimeOff(id: try db.lastInsertedRowID, doctorID: scope.doctorID, start: start, end: end, note: note)
            try Self.withdrawOffers(doctorID: scope.doctorID, from: start, to: end, because: because, now: now, db)
            let zone = try self.settings(db).timeZone
            let detail =
                added.span(in: zone) + (note.isEmpty ? "" : " — \(note)")
                + (cancelled.isEmpty ? "" : "; cancelled " + cancelled.map(\.code).joined(separator: ", "))
            try Self.recordScheduleEvent(
                scope.doctorID == nil ? .closureAdded : .timeOffAdded, doctorID: scope.doctorID, detail: detail, by: actor, at: now, db)
            return TimeOffOutcome(timeOff: added, cancelled: cancelled)
        }
    }

    /// The clinic's closure days, earliest first; `from` keeps only those that end after it.
    public func closures(endingAfter from: Int64 = .min) throws -> [TimeOff] {
        try pool.read { db in
            try StoreRow.fetchAll(
                db, sql: "SELECT id, start_at, end_at, note FROM clinic_closure WHERE end_at > ? ORDER BY start_at, id", arguments: [from]
            ).map { TimeOff(id: $0["id"], doctorID: nil, start: $0["start_at"], end: $0["end_at"], note: $0["note"]) }
        }
    }

    /// Removes one closure (admins): every doctor's slots of those days are
    /// offered again. Returns what was removed; `not_found` for an unknown id.
    @discardableResult
    public func removeClosure(id: Int64, by actor: Actor) throws -> TimeOff {
        try Self.decideTimeOff(.clinic, removing: true, by: actor)
        return try pool.write { db in
            guard let row = try StoreRow.fetchOne(db, sql: "SELECT start_at, end_at, note FROM clinic_closure WHERE id = ?", arguments: [id])
            else {
                throw ClinicError(.notFound, "no closure \(id); `clinic closure --list` shows the ids")
            }
            try db.execute(sql: "DELETE FROM clinic_closure WHERE id = ?", arguments: [id])
            let gone = TimeOff(id: id, doctorID: nil, start: row["start_at"], end: row["end_at"], note: row["note"])
            try Self.recordScheduleEvent(
                .closureRemoved, doctorID: nil, detail: gone.span(in: try self.settings(db).timeZone), by: actor, at: self.nowSeconds, db)
            try self.offerReopenedSlots(doctorIDs: nil, from: gone.start, to: gone.end, now: self.nowSeconds, db)
            return gone
        }
    }

    private static func decideTimeOff(_ scope: TimeOffScope, removing: Bool, by actor: Actor) throws {
        switch scope {
        case .doctor(let id):
            try Policy.decide(removing ? .removeTimeOff : .addTimeOff, by: actor, facts: ScheduleFacts(doctorID: id)).enforce()
        case .clinic:
            try Policy.decide(.manageClosures, by: actor).enforce()
        }
    }

    /// Active visits overlapping `[start, end)`, of one doctor or all.
    private static func covered(_ scope: TimeOffScope, _ start: Int64, _ end: Int64, _ db: StoreConnection) throws -> [Appointment] {
        var sql = Appointment.selectSQL + " WHERE a.status IN \(AppointmentStatus.activeSQL) AND a.start_at < ? AND a.end_at > ?"
        var arguments: StoreArguments = [end, start]
        if let id = scope.doctorID {
            sql += " AND a.doctor_id = ?"
            arguments += [id]
        }
        return try StoreRow.fetchAll(db, sql: sql + " ORDER BY a.start_at, a.id", arguments: arguments).map(Appointment.init(row:))
    }
}

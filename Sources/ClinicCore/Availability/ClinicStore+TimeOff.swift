import GRDB

/// One stretch of a doctor's time off, `[start, end)`, or of the whole
/// clinic's (a closure day: `doctorID` is nil).
public struct TimeOff: Sendable, Equatable {
    public let id: Int64
    public let doctorID: Int64?
    public let start: Int64
    public let end: Int64
    public let note: String

    public init(id: Int64, doctorID: Int64?, start: Int64, end: Int64, note: String) {
        self.id = id; self.doctorID = doctorID; self.start = start; self.end = end; self.note = note
    }

    /// The stretch as it was entered: whole local days as `2026-03-10 to
    /// 2026-03-12` (the "to" day included) or one day alone, part of a day
    /// as `2026-03-10 14:00 to 2026-03-10 17:00`.
    public func span(in zone: ClinicTimeZone) -> String {
        let from = zone.local(start), to = zone.local(end)
        if zone.startOfDay(from.date) == start, zone.startOfDay(to.date) == end {
            let last = to.date.adding(days: -1)
            return last == from.date ? "\(from.date) (all day)" : "\(from.date) to \(last)"
        }
        return "\(from.date) \(zone.unambiguousTime(start)) to \(to.date) \(zone.unambiguousTime(end))"
    }
}

extension ClinicStore {
    /// A doctor's time off, earliest first; `from` keeps only stretches that end after it.
    public func timeOff(doctorID: Int64, endingAfter from: Int64 = .min) throws -> [TimeOff] {
        try pool.read { db in
            _ = try calculator(doctorID: doctorID, db)  // not_found for a non-doctor
            return try StoreRow.fetchAll(
                db,
                sql: "SELECT id, start_at, end_at, note FROM time_off WHERE doctor_id = ? AND end_at > ? ORDER BY start_at, id",
                arguments: [doctorID, from]
            ).map { TimeOff(id: $0["id"], doctorID: doctorID, start: $0["start_at"], end: $0["end_at"], note: $0["note"]) }
        }
    }

    /// A doctor's time off as `viewer` may see it (the doctor, the desk, admins).
    public func timeOff(doctorID: Int64, by viewer: Actor) throws -> [TimeOff] {
        try Policy.decide(.viewTimeOff, by: viewer, facts: ScheduleFacts(doctorID: doctorID)).enforce()
        return try timeOff(doctorID: doctorID)
    }

    /// Removes one stretch of a doctor's time off (admins only): its slots
    /// are offered again (to the waitlist first, in the same transaction). Returns what was removed; `not_found` for an id
    /// that is not this doctor's.
    @discardableResult
    public func removeTimeOff(id: Int64, doctorID: Int64, by actor: Actor) throws -> TimeOff {
        try Policy.decide(.removeTimeOff, by: actor, facts: ScheduleFacts(doctorID: doctorID)).enforce()
        return try pool.write { db in
            guard
                let row = try StoreRow.fetchOne(
                    db, sql: "SELECT doctor_id, start_at, end_at, note FROM time_off WHERE id = ? AND doctor_id = ?", arguments: [id, doctorID])
            else {
                throw ClinicError(.notFound, "no time off \(id) for this doctor; `clinic user time-off DOCTOR --list` shows the ids")
            }
            let off = TimeOff(id: id, doctorID: row["doctor_id"], start: row["start_at"], end: row["end_at"], note: row["note"])
            try db.execute(sql: "DELETE FROM time_off WHERE id = ?", arguments: [id])
            try Self.recordScheduleEvent(
                .timeOffRemoved, doctorID: doctorID, detail: off.span(in: try self.settings(db).timeZone), by: actor, at: self.nowSeconds, db)
            try self.offerReopenedSlots(doctorIDs: [doctorID], from: off.start, to: off.end, now: self.nowSeconds, db)
            return off
        }
    }
}

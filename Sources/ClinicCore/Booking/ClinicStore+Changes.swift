import GRDB

/// One change to an appointment, from its audit trail (any process writes it).
public struct AppointmentChange: Sendable, Equatable {
    /// What happened, in the API's words.
    public enum Kind: String, Sendable {
        case created, confirmed, cancelled, checkedIn = "checked_in", completed, noShow = "no_show", moved, undone
    }

    /// The audit row's id: changes are in this order, and a stream resumes after one.
    public let id: Int64
    public let kind: Kind
    public let at: Int64
    /// The appointment as it is now.
    public let appointment: Appointment
}

extension ClinicStore {
    /// The newest audit row's id (0 when there is none): a stream starts after it.
    public func latestAppointmentChangeID() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM appointment_event") ?? 0 }
    }

    /// Changes after audit row `id`, oldest first, that `viewer` may see (the
    /// policy's `view`: a patient their own, a doctor theirs, staff all), at
    /// most `limit` rows looked at. Returns the changes and the last row id
    /// looked at, to ask after next time.
    public func appointmentChanges(after id: Int64, viewer: Actor, limit: Int = 500) throws -> (changes: [AppointmentChange], last: Int64) {
        let now = nowSeconds
        return try pool.read { db in
            let rows = try StoreRow.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT id, appointment_id, at, from_status, to_status FROM appointment_event WHERE id > ? ORDER BY id LIMIT ?
                        """), arguments: [id, limit])
            var changes: [AppointmentChange] = []
            var cache: [Int64: Appointment] = [:]
            for row in rows {
                let appointmentID: Int64 = row["appointment_id"]
                guard let appointment = try cache[appointmentID] ?? Self.appointment(id: appointmentID, db) else { continue }
                cache[appointmentID] = appointment
                let facts = AppointmentFacts(
                    code: appointment.code, status: appointment.status, doctorID: appointment.doctor.id,
                    patientID: appointment.patient.id, start: appointment.start, now: now)
                guard Policy.decide(.view, by: viewer, facts: facts) == .allowed else { continue }
                let from: AppointmentStatus? = try row.decode(forColumn: "from_status")
                let to: AppointmentStatus = try row.decode(forColumn: "to_status")
                let kind: AppointmentChange.Kind
                switch (from, to) {
                case (nil, _): kind = .created
                case (let f?, _) where f == to: kind = .moved
                case (.checkedIn?, .scheduled), (.checkedIn?, .confirmed): kind = .undone
                case (_, .confirmed): kind = .confirmed
                case (_, .cancelled): kind = .cancelled
                case (_, .checkedIn): kind = .checkedIn
                case (_, .completed): kind = .completed
                case (_, .noShow): kind = .noShow
                case (_, .scheduled): kind = .undone
                }
                changes.append(AppointmentChange(id: row["id"], kind: kind, at: row["at"], appointment: appointment))
            }
            return (changes, rows.last?["id"] ?? id)
        }
    }
}

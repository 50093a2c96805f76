import Foundation
import GRDB

extension ClinicStore {
    /// Moves an appointment (by code) to a new status if the rules allow it
    /// for this actor, recording the change in the audit trail.
    /// The SMS notices the change calls for (confirmation, cancellation,
    /// no-show) are enqueued in the same transaction.
    public func transition(code: String, to target: AppointmentStatus, by actor: Actor, note: String = "") throws -> Appointment {
        try transition(code: code, to: target, by: actor, note: note, at: nowSeconds)
    }

    /// `transition` at an explicit instant (the scheduler's tick time).
    func transition(code: String, to target: AppointmentStatus, by actor: Actor, note: String = "", at now: Int64) throws -> Appointment {
        let code = try AppointmentCode.checked(code)
        let note = try StoredText.checked(note, what: "the note", limit: 500)
        return try pool.write { db in try self.transition(normalizedCode: code, to: target, by: actor, note: note, at: now, db) }
    }

    /// `transition` inside the caller's write transaction (the webhook logs the
    /// inbound SMS in the same one). `code` is already normalised.
    func transition(normalizedCode code: String, to target: AppointmentStatus, by actor: Actor, note: String,
                    at now: Int64, _ db: Database) throws -> Appointment {
        guard let row = try Row.fetchOne(db, cachedSQL: """
            SELECT id, status, doctor_id, patient_id, start_at FROM appointment WHERE code = ?
            """, arguments: [code]) else {
            throw ClinicError(.notFound, "no appointment with code \(code)")
        }
        let id: Int64 = row["id"]
        let from = AppointmentStatus(rawValue: row["status"])!
        var facts = StatusRules.Facts(status: from, doctorID: row["doctor_id"], patientID: row["patient_id"], start: row["start_at"])
        if target == .checkedIn {
            let zone = try settings(db).timeZone
            facts.checkInOpensAt = zone.startOfDay(zone.local(facts.start).date)
        }
        if from == .checkedIn, let event = try Row.fetchOne(db, sql: """
                SELECT from_status, at FROM appointment_event WHERE appointment_id = ? AND to_status = 'checked_in'
                ORDER BY id DESC LIMIT 1
                """, arguments: [id]) {
            facts.statusBeforeCheckIn = (event["from_status"] as String?).flatMap(AppointmentStatus.init(rawValue:))
            facts.checkedInAt = event["at"]
        }
        if case .refused(let code, let message) = StatusRules.decide(facts, to: target, by: actor, now: now) {
            throw ClinicError(code, message)
        }
        try db.cachedStatement(sql: "UPDATE appointment SET status = ?, updated_at = ? WHERE id = ?")
            .execute(arguments: [target.rawValue, now, id])
        try Self.recordEvent(appointmentID: id, from: from, to: target, actor: actor, at: now, note: note, db)
        let appointment = try Self.appointment(id: id, db)!
        try self.enqueueNotices(appointment, from: from, actor: actor, now: now, db)
        return appointment
    }

    /// Puts a checked-in appointment back to the status it had before check-in.
    public func undoCheckIn(code: String, by actor: Actor) throws -> Appointment {
        let code = try AppointmentCode.checked(code)
        let previous = try pool.read { db -> AppointmentStatus in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM appointment WHERE code = ?", arguments: [code]) else {
                throw ClinicError(.notFound, "no appointment with code \(code)")
            }
            return try String.fetchOne(db, sql: """
                SELECT from_status FROM appointment_event WHERE appointment_id = ? AND to_status = 'checked_in' ORDER BY id DESC LIMIT 1
                """, arguments: [id]).flatMap(AppointmentStatus.init(rawValue:)) ?? .scheduled
        }
        return try transition(code: code, to: previous, by: actor, note: "check-in undone")
    }

    /// The audit trail of one appointment, oldest first.
    public func events(code: String) throws -> [AppointmentEvent] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.* FROM appointment_event e JOIN appointment a ON a.id = e.appointment_id
                WHERE a.code = ? ORDER BY e.id
                """, arguments: [code.uppercased()]).map { row in
                AppointmentEvent(at: row["at"], actorID: row["actor_id"], actorRole: row["actor_role"],
                                 from: (row["from_status"] as String?).flatMap(AppointmentStatus.init(rawValue:)),
                                 to: AppointmentStatus(rawValue: row["to_status"])!,
                                 via: Actor.Via(rawValue: row["via"]) ?? .cli, note: row["note"])
            }
        }
    }

    static func recordEvent(appointmentID: Int64, from: AppointmentStatus?, to: AppointmentStatus, actor: Actor,
                            at: Int64, note: String, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO appointment_event (appointment_id, at, actor_id, actor_role, from_status, to_status, via, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [appointmentID, at, actor.accountID, actor.auditRole, from?.rawValue, to.rawValue,
                                     actor.via.rawValue, note])
    }
}

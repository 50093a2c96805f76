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
        do {
            return try pool.write { db in try self.transition(normalizedCode: code, to: target, by: actor, note: note, at: now, db) }
        } catch let error as ClinicError where error.code == .notFound {
            try refuseMissingAppointment(code, for: actor, now: now)  // a missing code: as `appointment(code:viewer:)` says it
        }
    }

    /// `transition` inside the caller's write transaction (the webhook logs the
    /// inbound SMS in the same one). `code` is already normalised. The policy
    /// decides the move from the facts read here.
    func transition(
        normalizedCode code: String, to target: AppointmentStatus, by actor: Actor, note: String,
        at now: Int64, because: String? = nil, _ db: StoreConnection
    ) throws -> Appointment {
        let (id, facts) = try appointmentFacts(code: code, now: now, visitDay: target == .checkedIn, db)
        try Policy.decide(.move(to: target), by: actor, facts: facts).enforce()
        if facts.status == .noShow, target == .checkedIn, note.isEmpty {
            throw ClinicError(.invalidInput, "say why a visit marked a no-show is checked in (for example: arrived 20 minutes late)")
        }
        return try applyMove(id: id, from: facts.status, to: target, by: actor, note: note, at: now, because: because, db)
    }

    /// Puts a checked-in appointment back to the status it had before check-in.
    public func undoCheckIn(code: String, by actor: Actor) throws -> Appointment {
        let code = try AppointmentCode.checked(code)
        let now = nowSeconds
        return try pool.write { db in
            let (id, facts) = try self.appointmentFacts(code: code, now: now, visitDay: false, db)
            try Policy.decide(.undoCheckIn, by: actor, facts: facts).enforce()
            return try self.applyMove(
                id: id, from: facts.status, to: facts.statusBeforeCheckIn ?? .scheduled, by: actor,
                note: "check-in undone", at: now, db)
        }
    }

    /// Writes a move the policy allowed: the status, the audit row, the SMS
    /// notices (`because` tells a cancelled patient why, in the notice). A
    /// cancelled visit's slot is offered to the waitlist in the same transaction.
    private func applyMove(
        id: Int64, from: AppointmentStatus, to target: AppointmentStatus, by actor: Actor, note: String,
        at now: Int64, because: String? = nil, _ db: StoreConnection
    ) throws -> Appointment {
        try db.cachedStatement(sql: "UPDATE appointment SET status = ?, updated_at = ? WHERE id = ?")
            .execute(arguments: [target.rawValue, now, id])
        try Self.recordEvent(appointmentID: id, from: from, to: target, actor: actor, at: now, note: note, db)
        let appointment = try Self.appointment(id: id, db)!
        try self.enqueueNotices(appointment, from: from, actor: actor, now: now, because: because, db)
        if target == .cancelled, because == nil {  // time off or a closure cancelling it leaves no slot to offer
            try self.offerFreedSlot(
                doctorID: appointment.doctor.id, start: appointment.start, end: appointment.end,
                excludingPatient: appointment.patient.id, now: now, db)
        }
        return appointment
    }

    /// The audit trail of one appointment, oldest first.
    public func events(code: String) throws -> [AppointmentEvent] {
        try pool.read { db in
            try StoreRow.fetchAll(
                db,
                sql: """
                    SELECT e.* FROM appointment_event e JOIN appointment a ON a.id = e.appointment_id
                    WHERE a.code = ? ORDER BY e.id
                    """, arguments: [code.uppercased()]
            ).map { row in
                AppointmentEvent(
                    at: row["at"], actorID: row["actor_id"], actorRole: row["actor_role"],
                    from: (row["from_status"] as String?).flatMap(AppointmentStatus.init(rawValue:)),
                    to: try row.decode(forColumn: "to_status"),
                    via: try row.decode(forColumn: "via"), note: row["note"])
            }
        }
    }

    static func recordEvent(
        appointmentID: Int64, from: AppointmentStatus?, to: AppointmentStatus, actor: Actor,
        at: Int64, note: String, _ db: StoreConnection
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO appointment_event (appointment_id, at, actor_id, actor_role, from_status, to_status, via, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).executeDeferred(arguments: [
            appointmentID, at, actor.accountID, actor.auditRole, from?.rawValue, to.rawValue,
            actor.via.rawValue, note,
        ])
    }
}

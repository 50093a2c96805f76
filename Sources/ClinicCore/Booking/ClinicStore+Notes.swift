import GRDB

/// A doctor's note on an appointment.
public struct AppointmentNote: Sendable, Equatable {
    public let text: String
    public let updatedAt: Int64
    public let updatedBy: Int64?
}

extension ClinicStore {
    /// Longest note accepted.
    public static let maxNoteLength = 2_000

    /// The note on the appointment `code`, if any.
    public func note(code: String) throws -> AppointmentNote? {
        let a = try appointment(code: code)
        return try pool.read { db in
            try StoreRow.fetchOne(
                db, sql: "SELECT text, updated_at, updated_by FROM appointment_note WHERE appointment_id = ?",
                arguments: [a.id]
            ).map { AppointmentNote(text: $0[0], updatedAt: $0[1], updatedBy: $0[2]) }
        }
    }

    /// Writes the note on appointment `code` (an empty text removes it). Notes
    /// are clinical: the appointment's own doctor or an admin writes them; the
    /// desk, patients and other doctors are refused.
    @discardableResult
    public func setNote(code: String, text: String, by actor: Actor) throws -> AppointmentNote? {
        let text = try StoredText.checked(text, what: "the note", limit: Self.maxNoteLength, multiline: true)
        let a = try appointment(code: code)
        let now = nowSeconds
        let facts = AppointmentFacts(
            code: a.code, status: a.status, doctorID: a.doctor.id, patientID: a.patient.id,
            start: a.start, now: now)
        try Policy.decide(.writeNote, by: actor, facts: facts).enforce()
        return try pool.write { db in
            guard !text.isEmpty else {
                try db.execute(sql: "DELETE FROM appointment_note WHERE appointment_id = ?", arguments: [a.id])
                return nil
            }
            try db.execute(
                sql: """
                    INSERT INTO appointment_note (appointment_id, text, updated_at, updated_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT (appointment_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at,
                        updated_by = excluded.updated_by
                    """, arguments: [a.id, text, now, actor.accountID])
            return AppointmentNote(text: text, updatedAt: now, updatedBy: actor.accountID)
        }
    }
}

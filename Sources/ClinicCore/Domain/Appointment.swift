import GRDB

/// A booked visit, with the names a screen or a script needs.
public struct Appointment: Sendable, Equatable, Identifiable {
    /// A person on an appointment, as shown.
    public struct Party: Sendable, Equatable {
        public let id: Int64
        public let name: String
        /// nil: none (a patient with a phone only).
        public let email: String?
        /// nil: none (a patient with an email only): no SMS to them.
        public let phone: String?
    }

    public let id: Int64
    /// The public 6-character code used on screens and in SMS.
    public let code: String
    public let doctor: Party
    public let patient: Party
    /// Unix seconds, UTC.
    public let start: Int64
    public let end: Int64
    public let status: AppointmentStatus
    public let reason: String
    public let createdAt: Int64
    /// The account that booked it (nil: unknown, or the server's admin at the shell).
    public let createdBy: Int64?

    /// The columns `init(row:)` reads, in its order.
    static let selectSQL = """
        SELECT a.id, a.code, a.start_at, a.end_at, a.status, a.reason, a.created_at,
               d.id AS d_id, d.name AS d_name, d.email AS d_email, d.phone AS d_phone,
               p.id AS p_id, p.name AS p_name, p.email AS p_email, p.phone AS p_phone, a.created_by
        FROM appointment a
        JOIN account d ON d.id = a.doctor_id
        JOIN account p ON p.id = a.patient_id
        """

    init(
        id: Int64, code: String, doctor: Party, patient: Party, start: Int64, end: Int64, status: AppointmentStatus,
        reason: String, createdAt: Int64, createdBy: Int64?
    ) {
        self.id = id; self.code = code; self.doctor = doctor; self.patient = patient; self.start = start; self.end = end
        self.status = status; self.reason = reason; self.createdAt = createdAt; self.createdBy = createdBy
    }

    /// A row of `selectSQL`, by position (a lookup by name costs more than the
    /// rest of the row when a board reads thousands).
    init(row: StoreRow) throws {
        id = row[0]; code = row[1]; start = row[2]; end = row[3]
        status = try row.decode(atIndex: 4)
        reason = row[5]; createdAt = row[6]
        doctor = Party(id: row[7], name: row[8], email: row[9], phone: row[10])
        patient = Party(id: row[11], name: row[12], email: row[13], phone: row[14])
        createdBy = row[15]
    }
}

/// One row of an appointment's audit trail.
public struct AppointmentEvent: Sendable, Equatable {
    public let at: Int64
    public let actorID: Int64?
    public let actorRole: String
    public let from: AppointmentStatus?
    public let to: AppointmentStatus
    public let via: Actor.Via
    public let note: String
}

/// `report.json`: what was seeded, and a re-check of the database.
public struct SeedReport: Sendable, Encodable {
    public struct Doctor: Sendable, Encodable {
        public let id: Int64
        public let name: String
        public let email: String
        public let specialization: String
        public let hours: String
        public let slot_minutes: Int
        public let appointments: Int
        public let past: Int
        public let future: Int
    }

    /// The re-check, from the database (not from the plan).
    public struct Validation: Sendable, Encodable {
        /// Doctor-times held by two appointments that are not cancelled.
        public let doctor_double_bookings: Int
        /// Appointments (not cancelled) overlapping another of the same patient.
        public let patient_overlaps: Int
        /// Appointments whose start is not a slot of their doctor.
        public let off_slot_appointments: Int
        public let minimum_per_doctor: Int
        public let doctors_below_minimum: Int
        public let unique_codes: Bool
        public let ok: Bool
    }

    public let random_seed: UInt64
    public let timezone: String
    public let generated_at: String
    public let accounts_by_role: [String: Int]
    public let appointments_by_status: [String: Int]
    public let appointments: Int
    public let past: Int
    public let future: Int
    public let doctors: [Doctor]
    public let notes: [String]
    public let validation: Validation
}

import GRDB

extension ClinicStore {
    /// How many appointments a change of the clinic's time zone would move
    /// now: the active ones not yet over (their instants stay, so their
    /// wall-clock times would shift and fall outside the doctors' hours).
    public func appointmentsBlockingTimeZoneChange() throws -> Int {
        let now = nowSeconds
        return try pool.read { db in try Self.appointmentsToCome(now: now, db) }
    }

    /// The one rule for changing the clinic's time zone, whoever asks (an
    /// admin on the settings screen, or a process whose configuration names
    /// another zone): refused while appointments are to come, naming how many.
    /// `configured`: the zone comes from a configuration file, the environment
    /// or a flag, and the refusal says how to stop asking for it.
    static func checkTimeZoneChange(from stored: String, to zone: String, configured: Bool, now: Int64, _ db: StoreConnection) throws {
        guard stored != zone else { return }
        let count = try appointmentsToCome(now: now, db)
        guard count > 0 else { return }
        let toCome = "the clinic has appointments to come (\(count)), whose times would move"
        if configured {
            throw ClinicError(
                .conflict,
                """
                the configured time zone \(zone) (clinic.toml [clinic] timezone, CLINIC_TIMEZONE or a flag) differs from \
                this clinic's \(stored), and \(toCome): remove that setting or make it \(stored)
                """)
        }
        throw ClinicError(
            .conflict,
            """
            the time zone stays \(stored): \(toCome) and fall outside the doctors' hours; move or cancel them first
            """)
    }

    /// Active and not yet over. A visit lasts at most one slot (480 minutes at
    /// most), so the bound on `start_at` lets the start index do the work.
    private static func appointmentsToCome(now: Int64, _ db: StoreConnection) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) FROM appointment
                WHERE start_at > ?1 - 480 * 60 AND end_at > ?1 AND status IN \(AppointmentStatus.activeSQL)
                """, arguments: [now]) ?? 0
    }
}

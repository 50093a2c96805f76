extension ClinicMigrations {
    /// The booking notice (issue 15): the outbox's kinds gain `booking` (a new
    /// booking, any channel) and `moved` (a move, with the new time), and the
    /// clinic settings gain `booking_notice` (on by default) that turns both
    /// off. SQLite cannot change a CHECK, so the outbox is rebuilt as v10
    /// rebuilt it (new table, copy, drop, rename, indexes); GRDB runs
    /// migrations with foreign keys deferred and checks them after, so
    /// `admin_alert.outbox_id` keeps its rows.
    static let outboxBookingSQL =
        outboxRebuildSQL(version: "v13", kinds: ["reminder", "confirmation", "cancellation", "no_show", "checked_in", "booking", "moved", "other"])
        + "\n" + """
            ALTER TABLE clinic_settings ADD COLUMN booking_notice INTEGER NOT NULL DEFAULT 1 CHECK (booking_notice IN (0, 1));
            """
}

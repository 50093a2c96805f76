extension ClinicMigrations {
    /// SMS for the desk (issue 15): the outbox's kinds gain `waitlist_offer` (a
    /// freed slot offered to the next waiting patient) and `password_reset` (a
    /// one-time code for the kiosk's "Forgot password"). SQLite cannot change a
    /// CHECK, so the outbox is rebuilt as v13 rebuilt it (new table, copy, drop,
    /// rename, indexes); GRDB runs migrations with foreign keys deferred, so
    /// `admin_alert.outbox_id` keeps its rows.
    static let outboxDeskKindsSQL = outboxRebuildSQL(
        version: "v15",
        kinds: ["reminder", "confirmation", "cancellation", "no_show", "checked_in", "booking", "moved", "waitlist_offer", "password_reset", "other"])
}

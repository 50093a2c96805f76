extension ClinicMigrations {
    /// The outbox's kinds gain `checked_in` (issue 13: the SMS to a late
    /// arrival checked in after the no-show one). SQLite cannot change a
    /// CHECK, so the table is rebuilt the documented way (new table, copy,
    /// drop, rename, indexes); GRDB runs migrations with foreign keys
    /// deferred and checks them after, so `admin_alert.outbox_id` keeps its rows.
    static let outboxCheckedInSQL = outboxRebuildSQL(
        version: "v10", kinds: ["reminder", "confirmation", "cancellation", "no_show", "checked_in", "other"])
}

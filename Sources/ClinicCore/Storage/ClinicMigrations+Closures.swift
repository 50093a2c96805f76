extension ClinicMigrations {
    /// Booking limits (issue 13): at most so many visits to come per patient
    /// (0: none), and one per doctor per day for patients booking themselves.
    static let bookingLimitsSQL = """
        ALTER TABLE clinic_settings ADD COLUMN max_active_visits INTEGER NOT NULL DEFAULT 4 CHECK (max_active_visits BETWEEN 0 AND 100);
        ALTER TABLE clinic_settings ADD COLUMN one_per_doctor_day INTEGER NOT NULL DEFAULT 1 CHECK (one_per_doctor_day IN (0, 1));
        """

    /// The schedule's audit trail: who added or removed time off or a
    /// closure, or replaced a doctor's hours, when, and what (issue 13: every
    /// desk job is audited, not only status moves).
    static let scheduleEventsSQL = """
        CREATE TABLE schedule_event (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
            actor_role TEXT NOT NULL,
            via TEXT NOT NULL,
            doctor_id INTEGER REFERENCES account(id) ON DELETE CASCADE,
            action TEXT NOT NULL CHECK (action IN ('time_off_added','time_off_removed','closure_added','closure_removed','hours_set')),
            detail TEXT NOT NULL
        );
        CREATE INDEX schedule_event_doctor ON schedule_event(doctor_id, id);
        """

    /// Clinic-wide closure days (issue 13: holidays): time off for every
    /// doctor at once, doctors added later included. Slots read them with
    /// each doctor's own time off; the same triggers bump the schedule's
    /// version so every process's slot cache sees a change.
    static let closuresSQL = """
        CREATE TABLE clinic_closure (
            id INTEGER PRIMARY KEY,
            start_at INTEGER NOT NULL,
            end_at INTEGER NOT NULL CHECK (end_at > start_at),
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE TRIGGER clinic_closure_insert_bumps_schedule AFTER INSERT ON clinic_closure
        BEGIN UPDATE schedule_state SET version = version + 1 WHERE id = 1; END;
        CREATE TRIGGER clinic_closure_update_bumps_schedule AFTER UPDATE ON clinic_closure
        BEGIN UPDATE schedule_state SET version = version + 1 WHERE id = 1; END;
        CREATE TRIGGER clinic_closure_delete_bumps_schedule AFTER DELETE ON clinic_closure
        BEGIN UPDATE schedule_state SET version = version + 1 WHERE id = 1; END;
        """
}

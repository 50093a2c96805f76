extension ClinicMigrations {
    /// Booking limits (issue 13): at most so many visits to come per patient
    /// (0: none), and one per doctor per day for patients booking themselves.
    static let bookingLimitsSQL = """
        ALTER TABLE clinic_settings ADD COLUMN max_active_visits INTEGER NOT NULL DEFAULT 4 CHECK (max_active_visits BETWEEN 0 AND 100);
        ALTER TABLE clinic_settings ADD COLUMN one_per_doctor_day INTEGER NOT NULL DEFAULT 1 CHECK (one_per_doctor_day IN (0, 1));
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

extension ClinicMigrations {
    /// The doctor's notes on an appointment (issue 7): one current text per
    /// appointment, with who wrote it and when. Kept beside the appointment row
    /// so booking writes nothing more.
    static let notesSQL = """
        CREATE TABLE appointment_note (
            appointment_id INTEGER PRIMARY KEY REFERENCES appointment(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            updated_by INTEGER REFERENCES account(id)
        );
        """
}

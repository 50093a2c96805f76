import GRDB

extension ClinicMigrations {
    /// The desk's patient search (issue 7): one row per patient in an FTS5
    /// trigram index (rowid = account id) over the folded name, so a key
    /// press searches 100,000 patients through the index instead of reading
    /// them all. Filled from the patients already there.
    static func patientSearch(_ db: Database) throws {
        try db.execute(sql: "CREATE VIRTUAL TABLE patient_search USING fts5(text, tokenize = 'trigram', detail = 'none', columnsize = 0)")
        let patients = try Row.fetchAll(db, sql: "SELECT id, name FROM account WHERE role = 'patient'")
        for p in patients {
            try PatientSearchIndex.write(StoreConnection(db), id: p[0], name: p[1])
        }
    }
}

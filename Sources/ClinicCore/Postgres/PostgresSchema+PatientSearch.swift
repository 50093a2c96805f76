extension PostgresSchema {
    /// The patient search index in PostgreSQL's terms (SQLite: an FTS5 trigram
    /// table): one row per patient with the folded name (`PatientSearchIndex`
    /// folds it in Swift on both engines), searched by `text LIKE '%word%'`
    /// through a `pg_trgm` GIN index. The column is named `rowid` as SQLite's
    /// is, so the store's statements read the same on both engines.
    static let patientSearchSQL = """
        CREATE TABLE patient_search (
            rowid BIGINT PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE,
            text TEXT NOT NULL
        );
        CREATE INDEX patient_search_trigram ON patient_search USING gin (text gin_trgm_ops);

        """
}

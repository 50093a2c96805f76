import ClinicCore
import ClinicTesting
import GRDB
import Testing

/// The PostgreSQL schema keeps up with SQLite's: a SQLite migration that adds a
/// table or a column fails here until `PostgresSchema` has it too.
@Suite struct PostgresSchemaParityTests {
    @Test func everySQLiteTableAndColumnHasItsPostgreSQLTwin() throws {
        // Given a freshly migrated SQLite clinic and a freshly migrated PostgreSQL database
        let folder = try TemporaryDirectory()
        let sqlitePool = try ClinicDatabase.open(path: folder.path("clinic.sqlite"))  // SQLite whatever the run's engine
        let database = try PostgresCluster.freshDatabase("parity")
        let pg = try database.connect()
        try PostgresMigrations.migrate(pg)
        // When their tables and columns are listed (SQLite's own and FTS5's tables aside)
        let sqlite = try sqlitePool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    AND name <> 'grdb_migrations' AND name NOT LIKE 'patient_search%' ORDER BY name
                    """
            ).map { table in (table, try db.columns(in: table).map(\.name).sorted()) }
        }
        // Then the tables are the same, in a dependency order PostgreSQL accepts, with the same columns
        #expect(sqlite.map(\.0) == PostgresSchema.tables.sorted())
        for (table, columns) in sqlite {
            let pgColumns = try pg.query(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name COLLATE \"C\"",
                [.text(table)]
            ).compactMap { $0["column_name"].string }
            #expect(pgColumns == columns, "\(table)")
        }
    }
}

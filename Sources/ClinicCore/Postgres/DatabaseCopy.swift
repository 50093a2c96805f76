import GRDB

/// `clinic db copy`: a SQLite clinic into an empty PostgreSQL database. The schema
/// is migrated first; then, in one transaction, every table goes over with COPY in
/// dependency order, identities restart after the highest id, and each table's
/// count and checksum are compared with the source's before committing, so a
/// copy that does not verify leaves nothing behind.
public enum DatabaseCopy {
    /// Copies the clinic at `sqlitePath` into the PostgreSQL database `conninfo` names.
    /// Refuses a target that already holds clinic rows (`conflict`).
    /// `replacing`: empty the target first, in the same transaction (seeding a
    /// PostgreSQL clinic), instead of refusing one with rows; and count the rows
    /// copied instead of reading them all back for checksums (the seed was checked
    /// rule by rule in SQLite, and rebuilding the constraints checks every row).
    public static func sqliteToPostgres(sqlitePath: String, postgres conninfo: String, replacing: Bool = false) throws -> DatabaseCopyReport {
        let source = try SQLiteSource(path: sqlitePath)
        let target = try PostgresConnection(conninfo)
        if !replacing { try refuseNonEmpty(target) }
        try PostgresMigrations.migrate(target)
        let report = try target.transaction { pg in
            try pg.execute("SELECT pg_advisory_xact_lock($1)", [.int(PostgresMigrations.lockKey + 1)])
            if replacing {
                try pg.execute("TRUNCATE " + (PostgresSchema.tables + ["patient_search"]).joined(separator: ", ") + " RESTART IDENTITY CASCADE")
            } else {
                try refuseNonEmpty(pg)
            }
            try pg.execute("DELETE FROM schedule_state")  // the migration's row; the source's comes over
            let rebuild = try dropIndexes(pg)
            let triggered = ["weekly_hours", "time_off", "doctor_profile", "clinic_settings", "clinic_closure", "sms_outbox"]
            for table in triggered { try pg.execute("ALTER TABLE \(table) DISABLE TRIGGER USER") }
            var copied: [(name: String, rows: Int, checksum: String, layout: TableLayout)] = []
            try source.read { db in
                for table in PostgresSchema.tables {
                    let layout = try TableLayout(table, sqlite: db, postgres: pg)
                    let (rows, checksum) = try copy(layout, from: db, to: pg)
                    copied.append((table, rows, checksum, layout))
                }
                try copyPatientSearch(from: db, to: pg)
            }
            for sql in rebuild { try pg.execute(sql) }
            for table in triggered { try pg.execute("ALTER TABLE \(table) ENABLE TRIGGER USER") }
            try restartIdentities(pg)
            let report = DatabaseCopyReport(
                tables: try copied.map { entry in
                    let (rows, checksum) =
                        replacing
                        ? (try Int(pg.scalar("SELECT count(*) FROM \(PostgresConnection.quotedIdentifier(entry.name))").int ?? -1), nil)
                        : try targetChecksum(entry.layout, pg)
                    return .init(
                        name: entry.name, sourceRows: entry.rows, targetRows: rows, sourceChecksum: entry.checksum,
                        targetChecksum: checksum)
                })
            if let bad = report.tables.first(where: { !$0.matches }) {
                throw ClinicError(
                    .internalError,
                    "the copy of \(bad.name) did not verify (\(bad.sourceRows) rows in SQLite, \(bad.targetRows) in PostgreSQL, "
                        + "checksums \(bad.sourceChecksum.prefix(12)) and \((bad.targetChecksum ?? "-").prefix(12))); nothing was written")
            }
            return report
        }
        // The planner's statistics and the visibility map for the rows just loaded: without
        // them the first queries plan as for empty tables (the slots' day read scanned a whole
        // index: 9 ms instead of 0.1) until autovacuum gets round to it.
        try target.execute("VACUUM (ANALYZE)")
        return report
    }

    /// One table's rows through COPY, hashed on the way; returns (rows, checksum).
    private static func copy(_ layout: TableLayout, from db: Database, to pg: PostgresConnection) throws -> (Int, String) {
        var checksum = TableChecksum()
        let cursor = try Row.fetchCursor(db, sql: layout.sqliteSelect)
        try pg.copyIn(layout.copyStatement) { writer in
            while let row = try cursor.next() {
                let values = (0..<row.count).map { i -> PostgresValue in
                    let value: DatabaseValue = row[i]
                    switch value.storage {
                    case .null: return .null
                    case .int64(let n): return .int(n)
                    case .double(let d): return .double(d)
                    case .string(let s): return .text(s)
                    case .blob(let data): return .bytes([UInt8](data))
                    }
                }
                checksum.add(values)
                try writer.row(values)
            }
        }
        return (checksum.rows, checksum.finish())
    }

    /// The patients' folded names, as SQLite's search index holds them.
    private static func copyPatientSearch(from db: Database, to pg: PostgresConnection) throws {
        let cursor = try Row.fetchCursor(db, sql: "SELECT rowid, text FROM patient_search")
        try pg.copyIn("COPY patient_search (rowid, text) FROM STDIN") { writer in
            while let row = try cursor.next() { try writer.row([.int(row[0]), .text(row[1])]) }
        }
    }

    /// The same checksum over the rows now in PostgreSQL, read in pages through a cursor.
    private static func targetChecksum(_ layout: TableLayout, _ pg: PostgresConnection) throws -> (Int, String?) {
        var checksum = TableChecksum()
        try pg.execute("DECLARE clinic_verify NO SCROLL CURSOR FOR " + layout.postgresSelect)
        while true {
            let page = try pg.query("FETCH FORWARD 5000 FROM clinic_verify")
            if page.isEmpty { break }
            for row in page { checksum.add(row.values) }
        }
        try pg.execute("CLOSE clinic_verify")
        return (checksum.rows, checksum.finish())
    }

    /// Each identity column restarts after its table's highest id.
    private static func restartIdentities(_ pg: PostgresConnection) throws {
        let identities = try pg.query(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_identity = 'YES'
            """)
        for row in identities {
            guard let table = row["table_name"].string, let column = row["column_name"].string,
                PostgresSchema.tables.contains(table)
            else { continue }
            let c = PostgresConnection.quotedIdentifier(column), t = PostgresConnection.quotedIdentifier(table)
            try pg.execute(
                "SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(\(c)) FROM \(t)), 0) + 1, false)",
                [.text(table), .text(column)])
        }
    }

    /// `conflict` when any clinic table in the target already has rows.
    static func refuseNonEmpty(_ pg: PostgresConnection) throws {
        let existing = try pg.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY($1::text[])",
            [.text("{" + PostgresSchema.tables.joined(separator: ",") + "}")]
        ).compactMap { $0["tablename"].string }
        for table in PostgresSchema.tables where existing.contains(table) && table != "schedule_state" {
            let hasRows = try pg.scalar("SELECT EXISTS (SELECT 1 FROM \(PostgresConnection.quotedIdentifier(table)))")
            if hasRows == .bool(true) {
                throw ClinicError(
                    .conflict,
                    "the PostgreSQL database already holds clinic data (\(table) has rows): copy into a new, empty database")
            }
        }
    }
}

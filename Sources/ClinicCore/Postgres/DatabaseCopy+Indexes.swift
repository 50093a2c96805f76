extension DatabaseCopy {
    /// Drops the target's secondary indexes and its unique, exclusion and
    /// foreign-key constraints (in the copy's transaction: a failed copy brings
    /// them back with everything else) and returns the SQL that makes them
    /// again. COPY into tables without them, then one build each, is much
    /// faster than keeping a GiST exclusion index and a dozen B-trees up to date
    /// row by row; making them again checks every row against them as well.
    static func dropIndexes(_ pg: PostgresConnection) throws -> [String] {
        let constraints = try pg.query(
            """
            SELECT c.conrelid::regclass::text AS tbl, c.conname, c.contype, pg_get_constraintdef(c.oid) AS def
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = current_schema() AND c.contype IN ('f', 'u', 'x') AND c.conrelid::regclass::text <> 'clinic_migration'
            ORDER BY c.conname
            """)
        let indexes = try pg.query(
            """
            SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND NOT i.indisprimary AND t.relname <> 'clinic_migration'
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
            ORDER BY 1
            """)
        func quoted(_ name: String) -> String { PostgresConnection.quotedIdentifier(name) }
        let foreign = constraints.filter { $0["contype"].string == "f" }
        let others = constraints.filter { $0["contype"].string != "f" }
        var rebuild: [String] = []
        for c in foreign + others {
            let table = c["tbl"].string ?? "", name = c["conname"].string ?? ""
            try pg.execute("ALTER TABLE \(table) DROP CONSTRAINT \(quoted(name))")
        }
        for i in indexes { try pg.execute("DROP INDEX \(i["name"].string ?? "")") }
        rebuild += indexes.compactMap { $0["def"].string }
        for c in others + foreign {
            rebuild.append("ALTER TABLE \(c["tbl"].string ?? "") ADD CONSTRAINT \(quoted(c["conname"].string ?? "")) \(c["def"].string ?? "")")
        }
        return rebuild
    }
}

import Foundation
import GRDB

extension DatabaseCopy {
    /// The SQLite source, read-only, at the schema this build knows.
    struct SQLiteSource {
        private let queue: DatabaseQueue

        init(path: String) throws {
            guard FileManager.default.fileExists(atPath: path) else {
                throw ClinicError(.invalidInput, "there is no SQLite database at \(path)")
            }
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in
                guard try db.tableExists("grdb_migrations"), try db.tableExists("appointment") else {
                    throw ClinicError(.invalidInput, "\(path) is not a clinic database")
                }
                let migrator = ClinicMigrations.migrator
                if try migrator.hasBeenSuperseded(db) {
                    throw ClinicError(.invalidInput, "\(path) was written by a newer clinic: copy it with that version")
                }
                guard try migrator.hasCompletedMigrations(db) else {
                    throw ClinicError(
                        .invalidInput, "\(path) has an older schema: open it once with this clinic (e.g. `clinic time --db \(path)`), then copy")
                }
            }
        }

        /// Runs `body` in one read transaction: every table is read from the same snapshot.
        func read(_ body: (Database) throws -> Void) throws { try queue.read(body) }
    }

    /// One table's columns on both sides (SQLite's order), and the statements that move and read it.
    struct TableLayout {
        let sqliteSelect: String
        let postgresSelect: String
        let copyStatement: String

        init(_ table: String, sqlite db: Database, postgres pg: PostgresConnection) throws {
            let columns = try db.columns(in: table)
            let primaryKey = try db.primaryKey(table).columns
            let types = Dictionary(
                try pg.query(
                    "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
                    [.text(table)]
                ).compactMap { row in row["column_name"].string.map { ($0, row["data_type"].string ?? "") } },
                uniquingKeysWith: { a, _ in a })
            let names = columns.map(\.name)
            guard Set(names) == Set(types.keys) else {
                throw ClinicError(
                    .internalError,
                    "\(table) has columns \(names.sorted()) in SQLite but \(types.keys.sorted()) in PostgreSQL")
            }
            let q = PostgresConnection.quotedIdentifier
            let list = names.map(q).joined(separator: ", ")
            sqliteSelect = "SELECT \(list) FROM \(q(table)) ORDER BY " + primaryKey.map(q).joined(separator: ", ")
            let postgresOrder = primaryKey.map { types[$0] == "text" ? q($0) + " COLLATE \"C\"" : q($0) }
            postgresSelect = "SELECT \(list) FROM \(q(table)) ORDER BY " + postgresOrder.joined(separator: ", ")
            copyStatement = "COPY \(q(table)) (\(list)) FROM STDIN"
        }
    }
}

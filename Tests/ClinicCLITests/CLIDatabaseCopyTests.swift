import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// `clinic db copy` and `clinic db migrate` through the real binary against a real
/// PostgreSQL server, and the clear refusal of PostgreSQL by every other command.
@Suite(.enabled(if: !TestDatabase.isPostgres, "copies a SQLite clinic")) struct CLIDatabaseCopyTests {
    let clinic: CLIClinic
    let target: PostgresTestDatabase

    init() throws {
        clinic = try CLIClinic()
        target = try PostgresCluster.freshDatabase("copy")
    }

    @Test func aCopyOfA100kClinicAnswersStatsAndAppointmentsAsTheOriginalDoes() throws {
        // Given a seeded clinic of 100,000 appointments, copied to PostgreSQL
        let seed = try clinic.run("seed", "--appointments", "100000", "--out", clinic.directory.url.path)
        #expect(seed.exitCode == 0, "\(seed.stderr)")
        let copy = try clinic.run("db", "copy", "--from", "sqlite:" + clinic.databasePath, "--to", target.url)
        #expect(copy.exitCode == 0, "\(copy.stdout)\(copy.stderr)")
        // When the same questions are asked of both, by the same binary
        func answers(_ database: [String]) throws -> [String] {
            try [
                ["stats", "--json", "--limit", "120"], ["stats", "--json", "--group-by", "day", "--limit", "400"],
                ["appointments", "--json", "--limit", "200000"],
            ].map { arguments in
                let r = try clinic.run(database + arguments)
                #expect(r.exitCode == 0, "\(arguments): \(r.stderr)")
                return r.stdout
            }
        }
        let original = try answers(["--db", clinic.databasePath])
        let copied = try answers(["--database-url", target.url])
        // Then the answers are the same, byte for byte
        #expect(original[0] == copied[0], "clinic-wide stats by month")
        #expect(original[1] == copied[1], "clinic-wide stats by day")
        #expect(original[2].count > 10_000_000 && original[2] == copied[2], "every appointment")
    }

    @Test func aSeededClinicCopiesVerifiedAndASecondCopyIsRefused() throws {
        // Given a clinic seeded with 2,000 patients and 20,000 appointments, plus rows in the other
        // tables with text that COPY must escape and bytes
        let seed = try clinic.run("seed", "--patients", "2000", "--appointments", "20000", "--out", clinic.directory.url.path)
        #expect(seed.exitCode == 0, "\(seed.stderr)")
        try Self.addAwkwardRows(clinic.databasePath)

        // When it is copied into an empty PostgreSQL database
        let copy = try clinic.json("db", "copy", "--from", "sqlite:" + clinic.databasePath, "--to", target.url)

        // Then every table's count and checksum match, and the counts are the SQLite file's
        #expect(copy.result.exitCode == 0, "\(copy.result.stdout)\(copy.result.stderr)")
        #expect(copy.object["verified"] as? Bool == true)
        let tables = copy.object["tables"] as? [[String: Any]] ?? []
        #expect(tables.map { $0["table"] as? String } == PostgresSchema.tables.map(Optional.some))
        let sqlite = try DatabaseQueue(path: clinic.databasePath)
        let pg = try target.connect()
        for table in tables {
            let name = table["table"] as? String ?? ""
            let rows = try sqlite.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(name)") } ?? -1
            #expect(table["sqlite_rows"] as? Int == rows, "\(name)")
            #expect(try pg.scalar("SELECT count(*) FROM \(name)") == .int(Int64(rows)), "\(name)")
            #expect(table["sqlite_checksum"] as? String == table["postgres_checksum"] as? String, "\(name)")
            #expect(table["match"] as? Bool == true, "\(name)")
        }
        #expect(tables.first { $0["table"] as? String == "appointment" }?["postgres_rows"] as? Int == 20_000)
        // and the planner knows the rows (analyzed after the copy: reltuples is -1 for a table never analyzed,
        // whose queries plan as for an empty table)
        #expect((try pg.scalar("SELECT reltuples::bigint FROM pg_class WHERE relname = 'appointment'").int ?? -1) > 10_000)

        // And the rows are the same, read independently on both sides
        let sqliteRows = try sqlite.read { db in
            try Row.fetchAll(db, sql: "SELECT id, code, doctor_id, patient_id, start_at, end_at, status, reason FROM appointment ORDER BY id")
                .map {
                    "\($0[0] as Int64)|\($0[1] as String)|\($0[2] as Int64)|\($0[3] as Int64)|\($0[4] as Int64)|\($0[5] as Int64)|\($0[6] as String)|\($0[7] as String)"
                }
        }
        let pgRows = try pg.query("SELECT id, code, doctor_id, patient_id, start_at, end_at, status, reason FROM appointment ORDER BY id")
            .map { r in r.values.map { $0.textForm ?? "NULL" }.joined(separator: "|") }
        #expect(sqliteRows == pgRows)
        #expect(try pg.scalar("SELECT body FROM sms_outbox WHERE to_phone = '+15550009999'") == .text(Self.awkward))
        #expect(try pg.scalar("SELECT bytes FROM account_photo") == .bytes(Self.photo))
        #expect(try pg.scalar("SELECT note FROM clinic_closure") == .text("설날 · दिवाली\t🎆"))
        // And new rows continue after the copied ids
        let next = try pg.scalar(
            "INSERT INTO clinic_closure (start_at, end_at) VALUES (1, 2) RETURNING id"
        ).int
        #expect(next == 2)

        // When the same copy runs again into the now non-empty database
        let again = try clinic.run("db", "copy", "--from", clinic.databasePath, "--to", target.url)
        // Then it is refused as a conflict (exit 1) and nothing changes
        #expect(again.exitCode == 1)
        #expect(again.stderr.contains("conflict") && again.stderr.contains("already holds clinic data"), "\(again.stderr)")
        #expect(try pg.scalar("SELECT count(*) FROM appointment") == .int(20_000))

        // And a target that is not PostgreSQL is bad input (exit 2)
        let notPostgres = try clinic.json("db", "copy", "--from", clinic.databasePath, "--to", "sqlite:" + clinic.directory.path("other.sqlite"))
        #expect(notPostgres.result.exitCode == 2)
        #expect((notPostgres.object["error"] as? [String: Any])?["code"] as? String == "invalid_input")
    }

    @Test func severalMigrateProcessesAtOnceCreateTheSchemaOnce() throws {
        // When four `clinic db migrate` processes start together on one empty database, named by
        // --to, by --database-url before the command, and by CLINIC_DATABASE_URL
        var fromEnvironment = clinic.environment
        fromEnvironment["CLINIC_DB"] = nil
        fromEnvironment["CLINIC_DATABASE_URL"] = target.url
        let running = [
            try ClinicBinary.start(["db", "migrate", "--to", target.url, "--json"], environment: clinic.environment),
            try ClinicBinary.start(["--database-url", target.url, "db", "migrate", "--json"], environment: clinic.environment),
            try ClinicBinary.start(["db", "migrate", "--json"], environment: fromEnvironment),
            try ClinicBinary.start(["--json", "db", "migrate", "--to", target.url], environment: clinic.environment),
        ]
        let results = running.map { $0.wait() }
        // Then all succeed and exactly one applied the schema
        #expect(results.allSatisfy { $0.exitCode == 0 }, "\(results.map(\.stderr))")
        #expect(results.filter { $0.stdout.contains("pg1-schema") }.count == 1, "\(results.map(\.stdout))")
        let tables = try target.connect().scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        #expect(tables == .int(Int64(PostgresSchema.tables.count + 2)))  // and clinic_migration, patient_search
    }

    @Test func everyCommandRunsOnAPostgresURLAndSqliteURLsWork() throws {
        let url = target.url
        // A flag, before or after the command: the schema is made on first use
        for arguments in [["time", "--database-url", url], ["--database-url", url, "appointments"]] {
            let r = try clinic.run(arguments)
            #expect(r.exitCode == 0, "\(arguments): \(r.stderr)")
        }
        // The environment, with --json: a doctor added and stats read from PostgreSQL
        clinic.environment["CLINIC_DB"] = nil
        clinic.environment["CLINIC_DATABASE_URL"] = url
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        let json = try clinic.json("stats")
        #expect(json.result.exitCode == 0, "\(json.result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: clinic.directory.path("clinic.sqlite")), "SQLite was not used instead")
        #expect(try target.connect().scalar("SELECT count(*) FROM account WHERE email = 'ana@clinic.test'") == .int(1))
        // sqlite:PATH is the same as --db PATH
        let path = clinic.directory.path("via-url.sqlite")
        clinic.environment["CLINIC_DATABASE_URL"] = "sqlite:" + path
        #expect(try clinic.run("time").exitCode == 0)
        #expect(FileManager.default.fileExists(atPath: path))
        // Both in one place is a mistake
        clinic.environment["CLINIC_DB"] = clinic.databasePath
        let both = try clinic.run("time")
        #expect(both.exitCode == 2 && both.stderr.contains("give CLINIC_DB or CLINIC_DATABASE_URL, not both"), "\(both.stderr)")
    }

    // MARK: - Rows COPY must carry exactly

    static let awkward = "Line one\nline two\twith a tab, a backslash \\ and \\N, 한국어 🩺\r\n"
    static let photo: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x00, 0x09, 0x0A, 0x5C, 0x4E, 0xFF]

    static func addAwkwardRows(_ path: String) throws {
        let db = try DatabaseQueue(path: path)
        try db.write { db in
            let patient = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE role = 'patient' ORDER BY id LIMIT 1")!
            let appointment = try Int64.fetchOne(db, sql: "SELECT id FROM appointment ORDER BY id LIMIT 1")!
            try db.execute(
                sql: """
                    INSERT INTO sms_outbox (to_phone, body, appointment_id, kind, recipient, state, next_attempt_at, created_at, updated_at)
                    VALUES ('+15550009999', ?, ?, 'other', 'patient', 'sent', 0, 0, 0)
                    """, arguments: [awkward, appointment])
            try db.execute(
                sql: "INSERT INTO account_photo (account_id, public_id, content_type, bytes, updated_at) VALUES (?, 'p1', 'image/png', ?, 0)",
                arguments: [patient, Data(photo)])
            try db.execute(sql: "INSERT INTO appointment_note (appointment_id, text, updated_at) VALUES (?, ?, 0)", arguments: [appointment, awkward])
            try db.execute(sql: "INSERT INTO clinic_closure (start_at, end_at, note) VALUES (0, 86400, '설날 · दिवाली\t🎆')")
            try db.execute(sql: "INSERT INTO phone_status (phone, opted_out, updated_at) VALUES ('+15550001234', 1, 0), ('+4930123456', 0, 0)")
            try db.execute(
                sql: """
                    INSERT INTO sms_inbound (message_sid, from_phone, body, received_at, account_id, command, outcome, needs_attention)
                    VALUES ('SM1', '+15550001234', 'CONFIRM नमस्ते', 0, ?, 'free_text', 'flagged', 1)
                    """, arguments: [patient])
        }
    }
}

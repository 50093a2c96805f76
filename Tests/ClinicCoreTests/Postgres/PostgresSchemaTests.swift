import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The PostgreSQL schema: migrations run once under the advisory lock, and the
/// engine itself keeps the booking invariants across connections.
@Suite struct PostgresSchemaTests {
    let database: PostgresTestDatabase

    init() throws {
        database = try PostgresCluster.freshDatabase("schema")
    }

    @Test func migratingTwiceIsANoOpAndCreatesEveryTableAndExtension() throws {
        let db = try database.connect()
        #expect(try PostgresMigrations.migrate(db) == PostgresMigrations.all.map(\.id))
        #expect(try PostgresMigrations.migrate(db).isEmpty)
        let tables = try db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").compactMap { $0["tablename"].string }
        #expect(Set(tables) == Set(PostgresSchema.tables + ["clinic_migration", "patient_search"]))
        let extensions = try db.query("SELECT extname FROM pg_extension").compactMap { $0["extname"].string }
        #expect(Set(["btree_gist", "pg_trgm", "unaccent"]).isSubset(of: Set(extensions)))
        #expect(try db.scalar("SELECT version FROM schedule_state") == .int(0))
    }

    @Test func theLookupsOfSignInAndTheDoctorsListUseIndexes() throws {
        // Given the schema, with sequential scans made the planner's last resort
        let db = try database.connect()
        try PostgresMigrations.migrate(db)
        try db.execute("SET enable_seqscan = off")
        func plan(_ sql: String) throws -> String {
            try db.query("EXPLAIN " + sql).compactMap { $0.values.first?.string }.joined(separator: "\n")
        }
        // Then an account is found by its email (sign-in) and by its phone through an index
        #expect(try plan("SELECT id FROM account WHERE email = 'ana@clinic.test'").contains("Index"))
        #expect(try plan("SELECT id FROM account WHERE phone = '+15550100001'").contains("Index"))
    }

    @Test func manyConnectionsMigratingAtOnceMigrateOnce() throws {
        // Given six connections that all migrate the same fresh database at the same moment
        let url = database.url
        let outcomes = Collected<Result<[String], ClinicError>>()
        let group = DispatchGroup()
        for _ in 0..<6 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                let outcome = Result { try PostgresMigrations.migrate(try PostgresConnection(url)) }
                    .mapError { $0 as? ClinicError ?? ClinicError(.internalError, "\($0)") }
                outcomes.append(outcome)
            }
        }
        group.wait()
        // Then every one succeeded and exactly one ran the migrations
        let results = outcomes.all
        #expect(results.count == 6)
        let ran = results.compactMap { try? $0.get() }
        #expect(ran.count == 6, "\(results)")
        #expect(ran.filter { !$0.isEmpty }.count == 1)
        #expect(try database.connect().scalar("SELECT count(*) FROM clinic_migration") == .int(Int64(PostgresMigrations.all.count)))
    }

    @Test func theActiveSlotIndexRefusesASecondBookingOfASlotButNotBesideACancelledOne() throws {
        // Given a doctor, two patients and a cancelled visit at 09:00
        let db = try database.connect()
        try PostgresMigrations.migrate(db)
        let (doctor, p1, p2) = try Self.people(db)
        try Self.book(db, code: "AAAAA1", doctor: doctor, patient: p1, start: 9 * 3600, status: "cancelled")
        // When the slot is booked, then booked again by another patient
        try Self.book(db, code: "AAAAA2", doctor: doctor, patient: p2, start: 9 * 3600)
        let second = #expect(throws: ClinicError.self) {
            try Self.book(db, code: "AAAAA3", doctor: doctor, patient: p1, start: 9 * 3600, status: "confirmed")
        }
        // Then the cancelled visit did not block the first booking, and the second is slot_taken
        #expect(second?.code == .slotTaken)
        #expect(second?.sqlState == "23505")
        #expect(try db.scalar("SELECT count(*) FROM appointment WHERE start_at = $1", [.int(9 * 3600)]) == .int(2))
    }

    @Test func twoConnectionsBookingOnePatientIntoOverlappingVisitsWithTwoDoctorsYieldOne() throws {
        // Given two doctors and one patient
        let setup = try database.connect()
        try PostgresMigrations.migrate(setup)
        let (doctorA, patient, _) = try Self.people(setup)
        let doctorB = try Self.account(setup, role: "doctor", email: "b@x.org", phone: "+15550002009")
        // And two connections, each inside a transaction, booking an overlapping visit with a different doctor
        let url = database.url
        let ready = DispatchSemaphore(value: 0), go = DispatchSemaphore(value: 0)
        let outcomes = Collected<ClinicError?>()
        let group = DispatchGroup()
        for (i, doctor) in [doctorA, doctorB].enumerated() {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                var failure: ClinicError?
                do {
                    let db = try PostgresConnection(url)
                    var first = true
                    while true {
                        do {
                            try db.transaction { tx in
                                try tx.execute("SELECT 1")
                                if first { ready.signal(); go.wait(); first = false }
                                try Self.book(tx, code: "BBBBB\(i)", doctor: doctor, patient: patient, start: 10 * 3600 + Int64(i) * 900)
                            }
                            break
                        } catch let error as ClinicError where error.isRetryable {
                            continue  // two inserts checking one exclusion constraint may deadlock: run again, as the store does
                        }
                    }
                } catch {
                    failure = error as? ClinicError ?? ClinicError(.internalError, "\(error)")
                }
                outcomes.append(failure)
            }
        }
        ready.wait(); ready.wait()
        go.signal(); go.signal()
        group.wait()
        // Then exactly one booking stands and the other is patient_busy from the exclusion constraint
        let errors = outcomes.all
        #expect(errors.count == 2)
        #expect(errors.filter { $0 == nil }.count == 1, "\(errors)")
        let loser = errors.compactMap { $0 }.first
        #expect(loser?.code == .patientBusy)
        #expect(loser?.sqlState == "23P01")
        #expect(try setup.scalar("SELECT count(*) FROM appointment") == .int(1))
        // And back-to-back visits (touching, not overlapping) are allowed
        let standing = try setup.query("SELECT end_at FROM appointment")[0]["end_at"].int ?? 0
        try Self.book(setup, code: "CCCCC1", doctor: doctorB, patient: patient, start: standing, minutes: 30)
    }

    @Test func checksAsInSQLiteRefuseBadRows() throws {
        let db = try database.connect()
        try PostgresMigrations.migrate(db)
        let badPhone = #expect(throws: ClinicError.self) {
            _ = try Self.account(db, role: "patient", email: nil, phone: "5550001")
        }
        #expect(badPhone?.sqlState == "23514")
        #expect(badPhone?.code == .invalidInput)
        _ = try Self.account(db, role: "patient", email: "Ana@X.org", phone: nil)
        let sameEmail = #expect(throws: ClinicError.self) { _ = try Self.account(db, role: "patient", email: "ana@x.org", phone: nil) }
        #expect(sameEmail?.sqlState == "23505", "emails are unique whatever their case, as COLLATE NOCASE in SQLite")
    }

    @Test func aPasswordResetCodeIsHiddenOnceItsMessageIsFinalAndTheScheduleVersionMoves() throws {
        let db = try database.connect()
        try PostgresMigrations.migrate(db)
        try db.execute(
            """
            INSERT INTO sms_outbox (to_phone, body, kind, recipient, state, next_attempt_at, created_at, updated_at)
            VALUES ('+15550001111', '123456 is your code', 'password_reset', 'patient', 'queued', 0, 0, 0)
            """)
        #expect(try db.scalar("SELECT body FROM sms_outbox") == .text("123456 is your code"))
        try db.execute("UPDATE sms_outbox SET state = 'sent'")
        #expect(try db.scalar("SELECT body FROM sms_outbox") == .text("•••••• is your code"))
        let (doctor, _, _) = try Self.people(db)
        try db.execute("INSERT INTO weekly_hours (doctor_id, weekday, start_minute, end_minute) VALUES ($1, 1, 540, 720)", [.int(doctor)])
        #expect(try db.scalar("SELECT version FROM schedule_state").int ?? 0 >= 2)
    }

    // MARK: - Rows

    static func people(_ db: PostgresConnection) throws -> (doctor: Int64, patient1: Int64, patient2: Int64) {
        let doctor = try account(db, role: "doctor", email: "d@x.org", phone: "+15550002001")
        try db.execute("INSERT INTO doctor_profile (account_id, specialization) VALUES ($1, 'Cardiology')", [.int(doctor)])
        return (
            doctor, try account(db, role: "patient", email: "p1@x.org", phone: "+15550002002"),
            try account(db, role: "patient", email: "p2@x.org", phone: "+15550002003")
        )
    }

    static func account(_ db: PostgresConnection, role: String, email: String?, phone: String?) throws -> Int64 {
        try db.scalar(
            "INSERT INTO account (role, name, email, phone, created_at) VALUES ($1, $2, $3, $4, 0) RETURNING id",
            [.text(role), .text("Ωmega 김 \(role)"), email.map(PostgresValue.text) ?? .null, phone.map(PostgresValue.text) ?? .null]
        ).int ?? 0
    }

    static func book(
        _ db: PostgresConnection, code: String, doctor: Int64, patient: Int64, start: Int64, minutes: Int64 = 30,
        status: String = "scheduled"
    ) throws {
        try db.execute(
            """
            INSERT INTO appointment (code, doctor_id, patient_id, start_at, end_at, status, reason, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, 'Checkup', 0, 0)
            """,
            [.text(code), .int(doctor), .int(patient), .int(start), .int(start + minutes * 60), .text(status)])
    }
}

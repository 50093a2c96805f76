import ClinicTesting
import Foundation
import GRDB
import Testing

@testable import ClinicCore

/// v15 rebuilds `sms_outbox` to add the `waitlist_offer` and `password_reset`
/// kinds: every row and column survives, admin alerts still point at their
/// messages, the indexes are back, the new kinds are accepted while an unknown
/// one is not.
@Suite struct OutboxDeskKindsMigrationTests {
    @Test func theOutboxKeepsEveryRowAndGainsTheDeskKinds() throws {
        let dir = try TemporaryDirectory(prefix: "clinic-migration")
        let queue = try DatabaseQueue(path: dir.path("old.sqlite"))
        try ClinicMigrations.migrator.migrate(queue, upTo: "v14-sms-handled")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sms_outbox (to_phone, body, kind, recipient, state, attempts, next_attempt_at, provider_id,
                                            created_at, updated_at, interrupted_at)
                    VALUES ('+15550100001', 'Booked with Dr साक्षी 👩‍⚕️', 'booking', 'patient', 'sent', 2, 100, 'SM1', 50, 60, 55),
                           ('+15550100002', 'Moved to 10:30', 'moved', 'patient', 'queued', 0, 120, NULL, 70, 70, NULL)
                    """)
            try db.execute(sql: "INSERT INTO admin_alert (at, kind, message, outbox_id) VALUES (70, 'filtered', 'look', 2)")
        }
        let before = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM sms_outbox ORDER BY id") }

        try ClinicMigrations.migrator.migrate(queue)

        try queue.write { db in
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM sms_outbox ORDER BY id") == before)
            #expect(try Int64.fetchOne(db, sql: "SELECT outbox_id FROM admin_alert") == 2)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sms_outbox' ORDER BY name")
            #expect(indexes == ["sms_outbox_due", "sms_outbox_notice", "sms_outbox_provider"])
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'sms_outbox_v%'").isEmpty)
            let insert = """
                INSERT INTO sms_outbox (to_phone, body, kind, recipient, state, next_attempt_at, created_at, updated_at)
                VALUES ('+15550100001', 'A visit is free', ?, 'patient', 'queued', 100, 80, 80)
                """
            for kind in OutboxMessage.Kind.allCases { try db.execute(sql: insert, arguments: [kind.rawValue]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: insert, arguments: ["waitlist"]) }
        }
        try queue.close()
    }

    @Test func theMigrationComesAfterTheOnesItBuildsOn() {
        let names = ClinicMigrations.migrator.migrations
        let v15 = names.firstIndex(of: "v15-outbox-desk-kinds"), v14 = names.firstIndex(of: "v14-sms-handled")
        #expect(v15 != nil && v14 != nil && v14! < v15!, "\(names)")
    }
}

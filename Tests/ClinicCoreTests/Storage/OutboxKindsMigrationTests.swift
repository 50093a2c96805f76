import ClinicTesting
import Foundation
import GRDB
import Testing

@testable import ClinicCore

/// v10 rebuilds `sms_outbox` to add the `checked_in` kind: every row and
/// column survives, admin alerts still point at their messages, the indexes
/// are back, and the new kind is accepted while an unknown one is not.
@Suite struct OutboxKindsMigrationTests {
    @Test func theOutboxKeepsEveryRowAndGainsTheCheckedInKind() throws {
        let dir = try TemporaryDirectory(prefix: "clinic-migration")
        let queue = try DatabaseQueue(path: dir.path("old.sqlite"))
        try ClinicMigrations.migrator.migrate(queue, upTo: "v9-api")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO sms_outbox (to_phone, body, kind, recipient, state, attempts, next_attempt_at, provider_id,
                                            created_at, updated_at, interrupted_at)
                    VALUES ('+15550100001', 'Reminder for Zoë 👩‍⚕️', 'reminder', 'patient', 'sent', 2, 100, 'SM1', 50, 60, 55)
                    """)
            try db.execute(sql: "INSERT INTO admin_alert (at, kind, message, outbox_id) VALUES (70, 'filtered', 'look', 1)")
        }
        let before = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM sms_outbox") }

        try ClinicMigrations.migrator.migrate(queue)

        try queue.write { db in
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM sms_outbox") == before)
            #expect(try Int64.fetchOne(db, sql: "SELECT outbox_id FROM admin_alert") == 1)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sms_outbox' ORDER BY name")
            #expect(indexes == ["sms_outbox_due", "sms_outbox_notice", "sms_outbox_provider"])
            let insert = """
                INSERT INTO sms_outbox (to_phone, body, kind, recipient, state, next_attempt_at, created_at, updated_at)
                VALUES ('+15550100001', 'You are checked in', ?, 'patient', 'queued', 100, 80, 80)
                """
            try db.execute(sql: insert, arguments: ["checked_in"])
            #expect(throws: DatabaseError.self) { try db.execute(sql: insert, arguments: ["checked_out"]) }
        }
        try queue.close()
    }
}

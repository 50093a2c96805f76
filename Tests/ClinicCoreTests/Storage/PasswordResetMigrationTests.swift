import ClinicTesting
import Foundation
import GRDB
import Testing

@testable import ClinicCore

/// v16 adds the reset codes' table and the outbox triggers that blank a reset
/// code once its SMS is done with: sent, failed for good or skipped, whether
/// it got there by an update or was written so (an opted-out number). Other
/// kinds, and a reset SMS still waiting, keep their bodies.
@Suite struct PasswordResetMigrationTests {
    @Test func theTableComesAndTheOutboxBlanksACodeOnceItsSMSIsDone() throws {
        // Given a v15 database with an outbox row
        let dir = try TemporaryDirectory(prefix: "clinic-migration")
        let queue = try DatabaseQueue(path: dir.path("old.sqlite"))
        try ClinicMigrations.migrator.migrate(queue, upTo: "v15-outbox-desk-kinds")
        let insert = """
            INSERT INTO sms_outbox (to_phone, body, kind, recipient, state, next_attempt_at, created_at, updated_at)
            VALUES ('+15550100001', ?, ?, 'patient', ?, 100, 80, 80)
            """
        try queue.write { db in try db.execute(sql: insert, arguments: ["123456 is a booking text", "booking", "sent"]) }
        // When it migrates
        try ClinicMigrations.migrator.migrate(queue)
        try queue.write { db in
            #expect(try db.tableExists("password_reset"))
            // Then rows that are not reset codes keep their bodies
            #expect(try String.fetchOne(db, sql: "SELECT body FROM sms_outbox WHERE id = 1") == "123456 is a booking text")
            // and a reset SMS written as skipped is blanked at once, one still queued only once it is sent
            try db.execute(sql: insert, arguments: ["654321 is your password reset code for Ünïcode 診療所.", "password_reset", "skipped"])
            try db.execute(sql: insert, arguments: ["987654 is your password reset code for Ünïcode 診療所.", "password_reset", "queued"])
            let bodies = { try String.fetchAll(db, sql: "SELECT body FROM sms_outbox WHERE kind = 'password_reset' ORDER BY id") }
            #expect(
                try bodies() == [
                    "•••••• is your password reset code for Ünïcode 診療所.", "987654 is your password reset code for Ünïcode 診療所.",
                ])
            try db.execute(sql: "UPDATE sms_outbox SET state = 'sending' WHERE id = 3")
            #expect(try bodies()[1].hasPrefix("987654"))
            try db.execute(sql: "UPDATE sms_outbox SET state = 'sent' WHERE id = 3")
            #expect(try bodies()[1] == "•••••• is your password reset code for Ünïcode 診療所.")
            try db.execute(sql: "UPDATE sms_outbox SET state = 'failed' WHERE id = 3")
            #expect(try bodies()[1] == "•••••• is your password reset code for Ünïcode 診療所.", "blanked once")
            // and a code row needs an account, a requester is never empty
            #expect(throws: DatabaseError.self) {
                try db.execute(
                    sql: "INSERT INTO password_reset (requester, code_hash, created_at, expires_at) VALUES ('kiosk:1', 'h', 1, 2)")
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO password_reset (requester, created_at, expires_at) VALUES ('', 1, 2)")
            }
        }
        try queue.close()
    }

    @Test func theMigrationComesAfterTheOutboxItWatches() {
        let names = ClinicMigrations.migrator.migrations
        let v16 = names.firstIndex(of: "v16-password-reset"), v15 = names.firstIndex(of: "v15-outbox-desk-kinds")
        #expect(v16 != nil && v15 != nil && v15! < v16!, "\(names)")
    }

    @Test(.enabled(if: !TestDatabase.isPostgres, "SQLite's migrations")) func theTriggersStillWatchTheOutboxAfterEveryMigration() throws {
        // A later rebuild of sms_outbox drops its triggers: it must create them again.
        let c = try TestClinic()
        let triggers = try c.store.reader.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'sms_outbox' ORDER BY name")
        }
        #expect(triggers.contains("sms_outbox_reset_code_hidden") && triggers.contains("sms_outbox_reset_code_hidden_on_insert"), "\(triggers)")
    }
}

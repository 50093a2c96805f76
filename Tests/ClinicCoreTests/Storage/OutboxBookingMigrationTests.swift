import ClinicTesting
import Foundation
import GRDB
import Testing

@testable import ClinicCore

/// v13 rebuilds `sms_outbox` to add the `booking` and `moved` kinds and gives
/// the clinic settings `booking_notice`: every row and column survives, admin
/// alerts still point at their messages, the indexes are back, the new kinds
/// are accepted while an unknown one is not, and a clinic that existed before
/// gets the notice on.
@Suite struct OutboxBookingMigrationTests {
    @Test func theOutboxKeepsEveryRowAndGainsTheBookingKinds() throws {
        let dir = try TemporaryDirectory(prefix: "clinic-migration")
        let queue = try DatabaseQueue(path: dir.path("old.sqlite"))
        try ClinicMigrations.migrator.migrate(queue, upTo: "v12-closures-and-limits")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO clinic_settings (id, name, timezone, reminder_lead_minutes, no_show_grace_minutes)
                    VALUES (1, 'Old Clinic', 'Europe/Paris', 120, 10)
                    """)
            try db.execute(
                sql: """
                    INSERT INTO sms_outbox (to_phone, body, kind, recipient, state, attempts, next_attempt_at, provider_id,
                                            created_at, updated_at, interrupted_at)
                    VALUES ('+15550100001', 'Reminder for Zoë 👩‍⚕️', 'reminder', 'patient', 'sent', 2, 100, 'SM1', 50, 60, 55),
                           ('+15550100002', 'You are checked in', 'checked_in', 'patient', 'queued', 0, 120, NULL, 70, 70, NULL)
                    """)
            try db.execute(sql: "INSERT INTO admin_alert (at, kind, message, outbox_id) VALUES (70, 'filtered', 'look', 1)")
        }
        let before = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM sms_outbox ORDER BY id") }

        try ClinicMigrations.migrator.migrate(queue)

        try queue.write { db in
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM sms_outbox ORDER BY id") == before)
            #expect(try Int64.fetchOne(db, sql: "SELECT outbox_id FROM admin_alert") == 1)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sms_outbox' ORDER BY name")
            #expect(indexes == ["sms_outbox_due", "sms_outbox_notice", "sms_outbox_provider"])
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE name LIKE 'sms_outbox_v%'").isEmpty)
            let insert = """
                INSERT INTO sms_outbox (to_phone, body, kind, recipient, state, next_attempt_at, created_at, updated_at)
                VALUES ('+15550100001', 'You are booked', ?, 'patient', 'queued', 100, 80, 80)
                """
            for kind in ["booking", "moved"] { try db.execute(sql: insert, arguments: [kind]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: insert, arguments: ["booked"]) }
            // The clinic that existed keeps its settings and gets the notice on; only 0 and 1 are accepted
            let settings = try #require(try Row.fetchOne(db, sql: "SELECT name, reminder_lead_minutes, booking_notice FROM clinic_settings"))
            let name: String = settings["name"], lead: Int = settings["reminder_lead_minutes"], notice: Bool = settings["booking_notice"]
            #expect(name == "Old Clinic" && lead == 120 && notice)
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE clinic_settings SET booking_notice = 2") }
        }
        try queue.close()
    }

    @Test func theMigrationComesAfterTheOnesItBuildsOn() {
        let names = ClinicMigrations.migrator.migrations
        let v13 = names.firstIndex(of: "v13-outbox-booking"), v12 = names.firstIndex(of: "v12-closures-and-limits")
        #expect(v13 != nil && v12 != nil && v12! < v13!, "\(names)")
    }
}

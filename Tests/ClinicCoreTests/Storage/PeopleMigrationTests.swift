import ClinicTesting
import Foundation
import GRDB
import Testing

@testable import ClinicCore

/// v11 rebuilds `account` so a patient may have no email (or no phone): on a
/// database made by v1–v10, every account keeps its id and columns, every
/// table that names an account still does (appointments, their audit trail,
/// profiles, API tokens), the index is back, the patient search still finds
/// the patient, and the new rules hold (a patient needs one way to reach
/// them, staff both; email unique without regard to case).
@Suite struct PeopleMigrationTests {
    @Test func accountsKeepTheirRowsAndReferencesAndEmailBecomesOptionalForPatients() throws {
        // Given a clinic made by the migrations before v11, with a doctor, a patient and a visit
        let dir = try TemporaryDirectory(prefix: "clinic-migration")
        let queue = try DatabaseQueue(path: dir.path("old.sqlite"))
        try ClinicMigrations.migrator.migrate(queue, upTo: "v10-outbox-checked-in")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account (id, role, name, email, phone, password_hash, created_at, kiosk_failed_logins, token_epoch)
                    VALUES (7, 'doctor', 'Ana Moreau', 'ana@clinic.test', '+15550200001', 'h', 10, 0, 3),
                           (9, 'patient', 'Zoë शर्मा 👩🏽‍⚕️', 'zoe@mail.test', '+15550100001', NULL, 11, 2, 0);
                    INSERT INTO doctor_profile (account_id, specialization, slot_minutes) VALUES (7, 'Cardiology', 30);
                    INSERT INTO patient_profile (account_id, birth_date, age, gender, notes) VALUES (9, NULL, 41, 'f', 'allergic');
                    INSERT INTO appointment (id, code, doctor_id, patient_id, start_at, end_at, status, reason, created_by, created_at, updated_at)
                    VALUES (1, 'K7QX2M', 7, 9, 1000, 2800, 'scheduled', 'Palpitations', 9, 5, 5);
                    INSERT INTO appointment_event (appointment_id, at, actor_id, actor_role, to_status, via) VALUES (1, 5, 9, 'patient', 'scheduled', 'kiosk');
                    INSERT INTO api_refresh_token (account_id, family, token_hash, issued_at, expires_at) VALUES (9, 'f1', x'01', 1, 2);
                    """)
            try PatientSearchIndex.write(StoreConnection(db), id: 9, name: "Zoë शर्मा 👩🏽‍⚕️")
        }
        let before = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM account ORDER BY id") }

        // When v11 runs
        try ClinicMigrations.migrator.migrate(queue)

        // Then the rows, references and index survive
        try queue.write { db in
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM account ORDER BY id") == before)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try Int64.fetchOne(db, sql: "SELECT patient_id FROM appointment WHERE code = 'K7QX2M'") == 9)
            #expect(try Int64.fetchOne(db, sql: "SELECT actor_id FROM appointment_event") == 9)
            #expect(try Int.fetchOne(db, sql: "SELECT age FROM patient_profile WHERE account_id = 9") == 41)
            #expect(try Int64.fetchAll(db, sql: "SELECT rowid FROM patient_search WHERE text LIKE '%zoe%'") == [9])
            let indexes = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'account' AND sql IS NOT NULL ORDER BY name")
            #expect(indexes == ["account_role"])

            // And a patient may now have a phone only, or an email only
            let insert = "INSERT INTO account (role, name, email, phone, created_at) VALUES (?, ?, ?, ?, 1)"
            try db.execute(sql: insert, arguments: ["patient", "Walk-in", nil, "+15550100002"])
            try db.execute(sql: insert, arguments: ["patient", "Mail only", "mail@only.test", nil])
            // But not neither, staff need both, and an email differing only in case is taken
            #expect(throws: DatabaseError.self) { try db.execute(sql: insert, arguments: ["patient", "Nobody", nil, nil]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: insert, arguments: ["doctor", "Dr No", nil, "+15550200009"]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: insert, arguments: ["admin", "Phoneless", "a@b.test", nil]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: insert, arguments: ["patient", "Twin", "ZOE@mail.test", nil]) }
            // And edits are audited in account_event
            try db.execute(
                sql: """
                    INSERT INTO account_event (account_id, at, actor_id, actor_role, via, fields, summary)
                    VALUES (9, 20, 7, 'doctor', 'tui', 'name', 'a → b')
                    """)
        }
        try queue.close()
    }
}

import GRDB

/// Writes a `SeedPlan` inside the caller's transaction as fast as SQLite
/// allows: secondary indexes are dropped first and rebuilt after (from their
/// own stored SQL), rows go through prepared statements, and the audit trail
/// is derived with set-based SQL.
struct SeedWriter {
    let db: Database
    let plan: SeedPlan
    /// Password hashes by account id (computed in the background; asked for last).
    let hashes: () -> [Int64: String]
    let progress: SeedProgress?

    func write() throws {
        let indexes = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
                AND tbl_name IN ('account', 'appointment', 'appointment_event', 'weekly_hours', 'doctor_profile')
                """
        ).map { (name: $0[0] as String, sql: $0[1] as String) }
        for index in indexes { try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)") }
        try writeAccounts()
        try writeVisits()
        progress?("audit trail", 0, 1)
        try writeAuditTrail()
        try writePasswords(hashes())
        for (i, index) in indexes.enumerated() {
            progress?("indexing", i, indexes.count)
            try db.execute(sql: index.sql)
        }
    }

    /// Passwords go in last: they are hashed on other cores while the rows above are written.
    private func writePasswords(_ hashes: [Int64: String]) throws {
        let update = try db.makeStatement(sql: "UPDATE account SET password_hash = ? WHERE id = ?")
        for (id, hash) in hashes { try update.execute(arguments: [hash, id]) }
    }

    private func writeAccounts() throws {
        let createdAt = plan.visits.map(\.createdAt).min() ?? 0
        let account = try SQLiteBulkInsert(
            db,
            sql: """
                INSERT INTO account (id, role, name, email, phone, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        for p in plan.staff + plan.doctors.map(\.person) + plan.patients {
            try account.insert(
                .int(p.id), .text(p.role.rawValue), .text(p.name), p.email.map { .text($0) } ?? .null, .text(p.phone),
                .null, .int(createdAt))
        }
        let profile = try SQLiteBulkInsert(db, sql: "INSERT INTO doctor_profile (account_id, specialization, slot_minutes) VALUES (?, ?, ?)")
        for d in plan.doctors {
            try profile.insert(.int(d.person.id), .text(d.specialization), .int(Int64(d.slotMinutes)))
            try ClinicStore.writeHours(d.hours, doctorID: d.person.id, StoreConnection(db))
        }
        let patient = try SQLiteBulkInsert(
            db, sql: "INSERT INTO patient_profile (account_id, birth_date, gender, notes) VALUES (?, ?, ?, ?)")
        let search = try SQLiteBulkInsert(db, sql: "INSERT INTO patient_search (rowid, text) VALUES (?, ?)")
        for (p, details) in zip(plan.patients, plan.patientDetails) {
            try patient.insert(.int(p.id), .text(details.birthDate.description), .text(details.gender), .text(details.notes))
            try search.insert(.int(p.id), .text(PatientSearchIndex.text(name: p.name)))
        }
    }

    private func writeVisits() throws {
        let insert = try SQLiteBulkInsert(
            db,
            sql: """
                INSERT INTO appointment (id, code, doctor_id, patient_id, start_at, end_at, status, reason, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let desk = plan.staff.first { $0.role == .receptionist }?.id
        for (i, v) in plan.visits.enumerated() {
            let creator: SQLiteBulkInsert.Value = i % 3 == 0 ? .int(v.patientID) : desk.map { .int($0) } ?? .null
            let updated = v.status == .scheduled ? v.createdAt : max(v.createdAt, v.status.isFinal ? v.end : v.createdAt)
            try insert.insert(
                .int(v.id), .text(v.code), .int(v.doctorID), .int(v.patientID), .int(v.start), .int(v.end),
                .text(v.status.rawValue), .text(v.reason), creator, .int(v.createdAt), .int(updated))
            if (i + 1) % 100_000 == 0 { progress?("writing", i + 1, plan.visits.count) }
        }
    }

    /// Every appointment was created (→ scheduled); later moves are recorded as
    /// the person who would have made them: the doctor completes, the patient or
    /// the desk cancels, the scheduler marks no-shows, the patient confirms by SMS.
    private func writeAuditTrail() throws {
        try db.execute(
            sql: """
                INSERT INTO appointment_event (appointment_id, at, actor_id, actor_role, from_status, to_status, via)
                SELECT id, created_at, created_by,
                       CASE WHEN created_by = patient_id THEN 'patient' WHEN created_by IS NULL THEN 'admin' ELSE 'receptionist' END,
                       NULL, 'scheduled', CASE WHEN created_by = patient_id THEN 'kiosk' ELSE 'tui' END
                FROM appointment ORDER BY id
                """)
        try db.execute(
            sql: """
                INSERT INTO appointment_event (appointment_id, at, actor_id, actor_role, from_status, to_status, via)
                SELECT id,
                       CASE status WHEN 'confirmed' THEN created_at + 60 WHEN 'completed' THEN end_at
                                   WHEN 'no_show' THEN start_at + 900 ELSE min(start_at - 60, created_at + 3600) END,
                       CASE status WHEN 'completed' THEN doctor_id WHEN 'no_show' THEN NULL ELSE patient_id END,
                       CASE status WHEN 'completed' THEN 'doctor' WHEN 'no_show' THEN 'scheduler' ELSE 'patient' END,
                       'scheduled', status,
                       CASE status WHEN 'completed' THEN 'tui' WHEN 'no_show' THEN 'scheduler' WHEN 'confirmed' THEN 'sms' ELSE 'kiosk' END
                FROM appointment WHERE status <> 'scheduled' ORDER BY id
                """)
    }
}

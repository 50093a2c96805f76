import GRDB

extension ClinicStore {
    /// Seconds of start times re-examined behind the planning horizon each tick,
    /// so a booking whose commit raced a tick is still planned.
    static let planningLookback: Int64 = 120

    /// Codes of `scheduled` / `confirmed` appointments whose start is at least
    /// `no_show_grace` before `now`: due to become no-shows. Reads only the
    /// small partial index of watched appointments.
    func dueNoShowCodes(now: Int64, limit: Int) throws -> [String] {
        try pool.read { db in
            let grace = Int64(try self.settings(db).noShowGraceMinutes) * 60
            return try String.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT code FROM appointment INDEXED BY appointment_pending_start
                        WHERE status IN ('scheduled','confirmed') AND start_at <= ? ORDER BY start_at LIMIT ?
                        """), arguments: [now - grace, limit])
        }
    }

    /// Enqueues the reminders due at `now` and returns how many.
    ///
    /// An appointment gets one reminder, due at R = start − `reminder_lead`, when
    /// it is `scheduled` or `confirmed`, R ≤ now < start, and it was booked
    /// before R (`created_at < R`: a booking made inside the lead gets none),
    /// and no booking notice for this start was enqueued at or after R (a
    /// move into the lead: its `moved` notice says what the reminder would).
    /// Planning walks start times in (horizon − lookback, now + lead], where the
    /// horizon (stored) is how far earlier ticks planned, so a tick reads only
    /// the appointments that became due since the last one; the unique outbox
    /// key makes re-planning harmless. Starts already past are never planned.
    func planReminders(now: Int64) throws -> Int {
        try pool.write { db in
            let s = try self.settings(db)
            let lead = Int64(s.reminderLeadMinutes) * 60
            let horizon = try Int64.fetchOne(
                db.cachedStatement(
                    sql:
                        "SELECT reminders_planned_through FROM scheduler_state WHERE id = 1"))
            let lower = max(now, (horizon ?? now) - Self.planningLookback)
            let upper = now + lead
            var planned = 0
            if upper > lower {
                let rows = try StoreRow.fetchAll(
                    db.cachedStatement(
                        sql: """
                            SELECT a.id, a.code, a.start_at, d.name AS d_name, p.phone AS p_phone
                            FROM appointment a INDEXED BY appointment_pending_start
                            JOIN account d ON d.id = a.doctor_id JOIN account p ON p.id = a.patient_id
                            WHERE a.status IN ('scheduled','confirmed') AND a.start_at > ? AND a.start_at <= ? AND p.phone IS NOT NULL
                              AND a.created_at < a.start_at - ?
                              AND NOT EXISTS (SELECT 1 FROM sms_outbox o WHERE o.appointment_id = a.id
                                              AND o.kind = 'reminder' AND o.recipient = 'patient' AND o.appointment_start = a.start_at)
                              AND NOT EXISTS (SELECT 1 FROM sms_outbox n WHERE n.appointment_id = a.id
                                              AND n.kind IN ('booking','moved') AND n.recipient = 'patient'
                                              AND n.state IN ('queued','sending','sent')
                                              AND n.appointment_start = a.start_at AND n.created_at >= a.start_at - ?)
                            """), arguments: [lower, upper, lead, lead])
                for row in rows {
                    let start: Int64 = row["start_at"]
                    let body = NoticeText.reminder(
                        clinic: s.name, doctor: row["d_name"], start: start,
                        zone: s.timeZone, code: row["code"])
                    if try Self.enqueue(
                        NewOutboxMessage(
                            to: row["p_phone"], body: body, appointmentID: row["id"],
                            appointmentStart: start, kind: .reminder, recipient: .patient,
                            expiresAt: start), now: now, db)
                    {
                        planned += 1
                    }
                }
            }
            let through = max(horizon ?? upper, upper)
            try db.cachedStatement(
                sql: """
                    INSERT INTO scheduler_state (id, reminders_planned_through) VALUES (1, ?)
                    ON CONFLICT(id) DO UPDATE SET reminders_planned_through = excluded.reminders_planned_through
                    """
            ).execute(arguments: [through])
            return planned
        }
    }
}

import GRDB

extension ClinicStore {
    /// How long a waitlist offer waits for `TAKE <code>` before the next in line gets it.
    public static let waitlistOfferSeconds: Int64 = 15 * 60
    /// A freed slot is offered only when the visit is at least this far away:
    /// the patient has the offer's 15 minutes to answer and time to come.
    public static let waitlistMinimumNoticeSeconds: Int64 = 60 * 60

    /// Offers a slot that just freed up (a cancellation, a move away, time
    /// off or a closure removed, an offer that lapsed) to the first waiting
    /// entry it fits, inside the caller's transaction so the offer commits
    /// with what freed the slot. Fits: the entry waits for this doctor or
    /// their specialization, the slot's start is within its days, the patient
    /// is active with a phone that did not opt out, is free at that time, has
    /// no other offer open and was never offered this slot (on any of their
    /// entries), holds no visit with this doctor at or before it (the
    /// waitlist is for an earlier visit), and is not `excludingPatient` (who
    /// just gave it up). The slot must still be one of the doctor's free
    /// slots, far enough ahead, with no open offer. Returns the offer's id, or
    /// nil when no one fits. `calc`: the doctor's slots as this transaction
    /// sees them, when it changed the schedule (never cached: it may roll back).
    @discardableResult
    func offerFreedSlot(
        doctorID: Int64, start: Int64, end: Int64, excludingPatient: Int64?, now: Int64, calc: SlotCalculator? = nil, _ db: StoreConnection
    ) throws -> Int64? {
        guard start >= now + Self.waitlistMinimumNoticeSeconds else { return nil }
        guard
            let doctor = try StoreRow.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT dp.specialization,
                               EXISTS (SELECT 1 FROM waitlist_offer WHERE doctor_id = ?1 AND start_at = ?2 AND state = 'open') AS offered
                        FROM doctor_profile dp JOIN account a ON a.id = dp.account_id WHERE dp.account_id = ?1 AND a.active = 1
                        """), arguments: [doctorID, start]),
            !(doctor["offered"] as Bool)
        else { return nil }
        let specialization: String = doctor["specialization"]
        guard
            let candidate = try StoreRow.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT e.id, e.patient_id, p.phone FROM waitlist_entry e
                        JOIN account p ON p.id = e.patient_id
                        LEFT JOIN phone_status ps ON ps.phone = p.phone
                        WHERE e.state = 'waiting' AND (e.doctor_id = ?1 OR e.specialization = ?2)
                          AND e.from_at <= ?3 AND e.until_at > ?3 AND e.patient_id IS NOT ?5
                          AND p.active = 1 AND p.phone IS NOT NULL AND COALESCE(ps.opted_out, 0) = 0
                          AND NOT EXISTS (SELECT 1 FROM waitlist_entry w JOIN waitlist_offer o ON o.entry_id = w.id
                                          WHERE w.patient_id = e.patient_id
                                            AND (o.state = 'open' OR (o.doctor_id = ?1 AND o.start_at = ?3)))
                          AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.patient_id = e.patient_id AND a.start_at < ?4
                                          AND a.end_at > ?3 AND a.status IN \(AppointmentStatus.activeSQL))
                          AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.patient_id = e.patient_id AND a.doctor_id = ?1
                                          AND a.start_at <= ?3 AND a.status IN \(AppointmentStatus.activeSQL))
                        ORDER BY e.id LIMIT 1
                        """), arguments: [doctorID, specialization, start, end, excludingPatient])
        else { return nil }
        guard try isFreeSlot(doctorID: doctorID, start: start, calc: calc, db) else { return nil }
        return try insertOffer(
            entryID: candidate["id"], phone: candidate["phone"], doctorID: doctorID, start: start, end: end, by: nil, now: now, db)
    }

    /// Whether `start` is one of the doctor's slots (hours, no time off or
    /// closure) with no active visit on it.
    func isFreeSlot(doctorID: Int64, start: Int64, calc: SlotCalculator? = nil, _ db: StoreConnection) throws -> Bool {
        let calc = try calc ?? cachedCalculator(doctorID: doctorID, db)
        guard (try? calc.slot(startingAt: start)) != nil else { return false }
        let taken = try Bool.fetchOne(
            db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM appointment WHERE doctor_id = ? AND start_at = ? AND status IN \(AppointmentStatus.activeSQL))"),
            arguments: [doctorID, start])
        return taken == false
    }

    /// Writes an open offer and queues its SMS (kind `waitlist_offer`, worth
    /// sending until the offer lapses).
    func insertOffer(entryID: Int64, phone: String, doctorID: Int64, start: Int64, end: Int64, by actor: Actor?, now: Int64, _ db: StoreConnection) throws
        -> Int64
    {
        let settings = try self.settings(db)
        let doctor = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM account WHERE id = ?"), arguments: [doctorID]) ?? "the doctor"
        let expires = now + Self.waitlistOfferSeconds
        var code = ""
        for attempt in 0..<20 {
            code = AppointmentCode.random()
            do {
                try db.recoverable {
                    try db.cachedStatement(
                        sql: """
                            INSERT INTO waitlist_offer (code, entry_id, doctor_id, start_at, end_at, offered_at, expires_at, offered_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """
                    ).execute(arguments: [code, entryID, doctorID, start, end, now, expires, actor?.accountID])
                }
                break
            } catch let error where UniqueViolation(error) != nil && attempt < 19 {
                continue  // a code drawn twice: draw again
            }
        }
        let offerID = try db.lastInsertedRowID
        let body = WaitlistText.offer(
            clinic: settings.name, doctor: doctor, start: start, zone: settings.timeZone, code: code,
            minutes: Int(Self.waitlistOfferSeconds / 60))
        if try Self.enqueue(
            NewOutboxMessage(to: phone, body: body, appointmentID: nil, appointmentStart: nil, kind: .waitlistOffer, recipient: .patient, expiresAt: expires),
            now: now, db)
        {
            try db.cachedStatement(sql: "UPDATE waitlist_offer SET outbox_id = ? WHERE id = ?").execute(arguments: [try db.lastInsertedRowID, offerID])
        }
        return offerID
    }

    /// Ends an offer (`taken`, `expired`, `lost`, `withdrawn`) with what ended it.
    /// Its SMS, when still waiting to go out, no longer goes (a code that is closed would only confuse).
    static func closeOffer(_ id: Int64, _ state: WaitlistOffer.State, outcome: String, appointmentID: Int64? = nil, now: Int64, _ db: StoreConnection) throws {
        try db.cachedStatement(
            sql: "UPDATE waitlist_offer SET state = ?, outcome = ?, closed_at = ?, appointment_id = ? WHERE id = ? AND state = 'open'"
        ).execute(arguments: [state.rawValue, outcome, now, appointmentID, id])
        try db.cachedStatement(
            sql: """
                UPDATE sms_outbox SET state = 'skipped', error_code = 'offer_closed', error_message = ?, updated_at = ?
                WHERE id = (SELECT outbox_id FROM waitlist_offer WHERE id = ?) AND state = 'queued'
                """
        ).execute(arguments: ["the offer is \(state.rawValue): \(outcome)", now, id])
    }

    /// An offer whose SMS failed for good cannot be answered: it is lost at
    /// once ("the SMS could not be delivered") and the slot goes to the next
    /// in line, in the transaction that records the failure.
    func lapseOfferWhoseSMSFailed(outboxID: Int64, now: Int64, _ db: StoreConnection) throws {
        guard
            let row = try StoreRow.fetchOne(
                db,
                sql: """
                    SELECT o.id, o.doctor_id, o.start_at, o.end_at, e.patient_id FROM waitlist_offer o
                    JOIN waitlist_entry e ON e.id = o.entry_id WHERE o.outbox_id = ? AND o.state = 'open'
                    """, arguments: [outboxID])
        else { return }
        try Self.closeOffer(row["id"], .lost, outcome: "the SMS could not be delivered", now: now, db)
        try offerFreedSlot(doctorID: row["doctor_id"], start: row["start_at"], end: row["end_at"], excludingPatient: row["patient_id"], now: now, db)
    }

    /// Withdraws the open offers of slots that time off or a closure just
    /// covered (`doctorID` nil: every doctor's): their slots are gone, so
    /// nothing is passed on; an SMS not yet sent is not sent.
    static func withdrawOffers(doctorID: Int64?, from: Int64, to: Int64, because: String, now: Int64, _ db: StoreConnection) throws {
        let ids = try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM waitlist_offer WHERE state = 'open' AND start_at >= ? AND start_at < ? AND (CAST(?3 AS BIGINT) IS NULL OR doctor_id = ?3)
                """, arguments: [from, to, doctorID])
        for id in ids { try closeOffer(id, .withdrawn, outcome: because, now: now, db) }
    }

    /// The scheduler's pass over the offers: each open offer whose time is
    /// up lapses (`expired`, "no answer in time") and its slot goes to the
    /// next in line, in the same transaction. Returns how many lapsed and
    /// how many new offers were made.
    @discardableResult
    public func expireWaitlistOffers(now: Int64? = nil, limit: Int = 200) throws -> (expired: Int, offered: Int) {
        let now = now ?? nowSeconds
        return try pool.write { db in
            let due = try StoreRow.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT o.id, o.doctor_id, o.start_at, o.end_at, e.patient_id FROM waitlist_offer o INDEXED BY waitlist_offer_open
                        JOIN waitlist_entry e ON e.id = o.entry_id WHERE o.state = 'open' AND o.expires_at <= ? ORDER BY o.expires_at, o.id LIMIT ?
                        """), arguments: [now, limit])
            var offered = 0
            for row in due {
                try Self.closeOffer(row["id"], .expired, outcome: "no answer in time", now: now, db)
                if try self.offerFreedSlot(
                    doctorID: row["doctor_id"], start: row["start_at"], end: row["end_at"], excludingPatient: nil, now: now, db) != nil
                {
                    offered += 1
                }
            }
            return (due.count, offered)
        }
    }

    /// Offers every free slot of `doctorIDs` in `[from, to)` to the waiting
    /// patients, earliest first (time off or a closure was removed and its
    /// slots are free again). Doctors no one waits for cost one read; the walk
    /// stops at the last day anyone waits for and after 20,000 slots looked at.
    /// The slots are computed afresh: this transaction changed the schedule
    /// and may yet roll back, so nothing it sees goes into the shared cache.
    func offerReopenedSlots(doctorIDs: [Int64]?, from: Int64, to: Int64, now: Int64, _ db: StoreConnection) throws {
        let waiting = try Int64.fetchAll(
            db,
            sql: """
                SELECT dp.account_id FROM doctor_profile dp JOIN account a ON a.id = dp.account_id AND a.active = 1
                WHERE EXISTS (SELECT 1 FROM waitlist_entry e WHERE e.state = 'waiting' AND e.until_at > ? AND e.from_at < ?
                              AND (e.doctor_id = dp.account_id OR e.specialization = dp.specialization))
                """, arguments: [max(from, now), to])
        guard
            let last = try Int64.fetchOne(
                db, sql: "SELECT max(until_at) FROM waitlist_entry WHERE state = 'waiting' AND until_at > ?", arguments: [now])
        else { return }
        let to = min(to, last)
        let wanted = doctorIDs.map(Set.init)
        let zone = try settings(db).timeZone
        var looked = 0
        for doctorID in waiting where wanted?.contains(doctorID) ?? true {
            let calc = try calculator(doctorID: doctorID, db)
            var day = zone.local(max(from, now)).date
            while zone.startOfDay(day) < to, looked < 20_000 {
                for slot in calc.slots(on: day) where slot.start >= from && slot.start < to {
                    looked += 1
                    try offerFreedSlot(doctorID: doctorID, start: slot.start, end: slot.end, excludingPatient: nil, now: now, calc: calc, db)
                }
                day = day.adding(days: 1)
            }
        }
    }
}

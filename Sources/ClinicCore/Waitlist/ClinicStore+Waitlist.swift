import GRDB

extension ClinicStore {
    /// The reason a visit booked from the waitlist carries when none was given.
    public static let waitlistDefaultReason = "From the waitlist"

    /// Puts a patient on the waitlist for an earlier visit with a doctor or
    /// any doctor of a specialization, between two local days (the patient
    /// themselves, the desk, admins). Offers go by SMS, so the patient needs a
    /// phone; `conflict` when they already wait for the same doctor or
    /// specialization. Joining offers nothing at once: a slot that is free now
    /// is booked directly, the waitlist is for slots that free up later.
    public func joinWaitlist(_ request: WaitlistRequest, by actor: Actor) throws -> WaitlistEntry {
        try Policy.decide(.join, by: actor, patientID: request.patientID).enforce()
        let reason = request.reason.isEmpty ? Self.waitlistDefaultReason : try Self.validReason(request.reason)
        guard request.from <= request.to else {
            throw ClinicError(.invalidInput, "the first day (\(request.from)) is after the last (\(request.to))")
        }
        let now = nowSeconds
        return try pool.write { db in
            let zone = try self.settings(db).timeZone
            let today = zone.local(now).date
            guard request.to >= today else { throw ClinicError(.invalidInput, "the last day (\(request.to)) has passed") }
            guard zone.startOfDay(request.from) <= now + Self.horizonDays * 86_400 else {
                throw ClinicError(.invalidInput, "bookings open at most two years ahead; check the year")
            }
            guard
                let patient = try StoreRow.fetchOne(
                    db, sql: "SELECT name, phone FROM account WHERE id = ? AND role = 'patient' AND active = 1",
                    arguments: [request.patientID])
            else { throw ClinicError(.notFound, "no active patient with id \(request.patientID)") }
            guard (patient["phone"] as String?) != nil else {
                throw ClinicError(
                    .invalidInput, "the waitlist offers free slots by SMS, and \(patient["name"] as String) has no phone number; add one first")
            }
            var doctorID: Int64?, specialization: String?
            switch request.target {
            case .doctor(let id):
                _ = try Self.searchedDoctors(.doctor(id), db)  // `not_found` for an unknown or inactive doctor
                doctorID = id
            case .specialization(let asked):
                let ids = try Self.searchedDoctors(.specialization(asked.trimmingCharacters(in: .whitespaces)), db)
                specialization = try String.fetchOne(db, sql: "SELECT specialization FROM doctor_profile WHERE account_id = ?", arguments: [ids[0]])
            }
            if let same = try StoreRow.fetchOne(
                db,
                sql: """
                    SELECT id, from_day, to_day FROM waitlist_entry
                    WHERE patient_id = ? AND state = 'waiting' AND until_at > ? AND (doctor_id = ? OR specialization = ?)
                    """, arguments: [request.patientID, now, doctorID, specialization])
            {
                throw ClinicError(
                    .conflict,
                    "already waiting for that (waitlist entry \(same["id"] as Int64), \(same["from_day"] as String) to \(same["to_day"] as String)); "
                        + "remove it first to change the days")
            }
            try db.execute(
                sql: """
                    INSERT INTO waitlist_entry (patient_id, doctor_id, specialization, from_day, to_day, from_at, until_at, reason,
                                                created_at, created_by, via)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    request.patientID, doctorID, specialization, request.from.description, request.to.description,
                    zone.startOfDay(request.from), zone.startOfDay(request.to.adding(days: 1)), reason, now, actor.accountID,
                    actor.via.rawValue,
                ])
            return try Self.waitlistEntries(where: "e.id = ?", [try db.lastInsertedRowID], now: now, db)[0]
        }
    }

    /// The waitlist as `viewer` may see it, first in line first: the entries
    /// waiting for `doctorID` (including those for any doctor of that
    /// doctor's specialization), or one patient's. `includeClosed` adds the
    /// booked, removed and lapsed ones (newest first after the waiting ones).
    /// A patient sees only their own.
    public func waitlist(doctorID: Int64? = nil, patientID: Int64? = nil, includeClosed: Bool = false, by viewer: Actor) throws -> [WaitlistEntry] {
        var patientID = patientID
        if case .account(let id, .patient) = viewer.kind, patientID == nil { patientID = id }
        try Policy.decide(.view, by: viewer, patientID: patientID).enforce()
        let now = nowSeconds
        return try pool.read { db in
            var clauses: [String] = [], args: [any DatabaseValueConvertible] = []
            if let doctorID {
                guard let spec = try String.fetchOne(db, sql: "SELECT specialization FROM doctor_profile WHERE account_id = ?", arguments: [doctorID])
                else { throw ClinicError(.notFound, "no doctor with id \(doctorID)") }
                clauses.append("(e.doctor_id = ? OR e.specialization = ?)"); args += [doctorID, spec]
            }
            if let patientID { clauses.append("e.patient_id = ?"); args.append(patientID) }
            if !includeClosed { clauses.append("e.state = 'waiting' AND e.until_at > ?"); args.append(now) }
            return try Self.waitlistEntries(where: clauses.isEmpty ? "1 = 1" : clauses.joined(separator: " AND "), args, now: now, db)
        }
    }

    /// Takes an entry off the waitlist (its patient, the desk, admins). An
    /// offer it had open is withdrawn and its slot offered to the next in line.
    /// `not_found` for an unknown id (or another patient's, to a patient);
    /// `conflict` when it is no longer waiting.
    @discardableResult
    public func removeFromWaitlist(id: Int64, by actor: Actor) throws -> WaitlistEntry {
        let now = nowSeconds
        return try pool.write { db in
            guard let patientID = try Int64.fetchOne(db, sql: "SELECT patient_id FROM waitlist_entry WHERE id = ?", arguments: [id]),
                Policy.decide(.view, by: actor, patientID: patientID).isAllowed
            else { throw ClinicError(.notFound, "no waitlist entry \(id); `clinic waitlist list` shows the ids") }
            try Policy.decide(.remove, by: actor, patientID: patientID).enforce()
            let entry = try Self.waitlistEntries(where: "e.id = ?", [id], now: now, db)[0]
            guard entry.state == .waiting else { throw ClinicError(.conflict, "waitlist entry \(id) is \(entry.state.rawValue) already") }
            try db.execute(
                sql: "UPDATE waitlist_entry SET state = 'removed', closed_at = ?, closed_by = ? WHERE id = ?",
                arguments: [now, actor.accountID, id])
            if let offer = entry.openOffer {
                try Self.closeOffer(offer.id, .withdrawn, outcome: "taken off the waitlist", now: now, db)
                _ = try self.offerFreedSlot(doctorID: offer.doctor.id, start: offer.start, end: offer.end, excludingPatient: patientID, now: now, db)
            }
            return try Self.waitlistEntries(where: "e.id = ?", [id], now: now, db)[0]
        }
    }

    /// Entries matching `clause` (over `waitlist_entry e`), waiting ones first
    /// in line order, then the others newest first.
    static func waitlistEntries(where clause: String, _ args: [any DatabaseValueConvertible], now: Int64, _ db: StoreConnection) throws -> [WaitlistEntry] {
        let rows = try StoreRow.fetchAll(
            db,
            sql: """
                SELECT e.*, p.name AS p_name, p.email AS p_email, p.phone AS p_phone,
                       d.name AS d_name, d.email AS d_email, d.phone AS d_phone, a.code AS a_code,
                       (SELECT COUNT(*) FROM waitlist_offer o WHERE o.entry_id = e.id) AS offers,
                       (SELECT o.id FROM waitlist_offer o WHERE o.entry_id = e.id AND o.state = 'open') AS open_offer,
                       CASE WHEN e.state = 'waiting' AND e.until_at > ?1 THEN
                           (SELECT COUNT(*) FROM waitlist_entry w WHERE w.state = 'waiting' AND w.until_at > ?1 AND w.id <= e.id
                              AND (w.doctor_id = e.doctor_id OR w.specialization = COALESCE(e.specialization,
                                   (SELECT specialization FROM doctor_profile WHERE account_id = e.doctor_id))))
                       END AS position
                FROM waitlist_entry e JOIN account p ON p.id = e.patient_id LEFT JOIN account d ON d.id = e.doctor_id
                LEFT JOIN appointment a ON a.id = e.appointment_id
                WHERE \(clause)
                ORDER BY (e.state = 'waiting' AND e.until_at > ?1) DESC,
                         CASE WHEN e.state = 'waiting' AND e.until_at > ?1 THEN e.id ELSE -e.id END
                LIMIT 2000
                """, arguments: StoreArguments([now] + args))
        let offerIDs = rows.compactMap { $0["open_offer"] as Int64? }
        let offers = try Dictionary(
            uniqueKeysWithValues: waitlistOffers(where: "o.id IN (SELECT value FROM json_each(?))", [jsonArray(offerIDs)], db).map { ($0.id, $0) })
        return try rows.map { row in
            let doctorID: Int64? = row["doctor_id"]
            return WaitlistEntry(
                id: row["id"],
                patient: .init(id: row["patient_id"], name: row["p_name"], email: row["p_email"], phone: row["p_phone"]),
                doctor: doctorID.map { .init(id: $0, name: row["d_name"], email: row["d_email"], phone: row["d_phone"]) },
                specialization: row["specialization"],
                from: LocalDate(row["from_day"] as String)!, to: LocalDate(row["to_day"] as String)!,
                reason: row["reason"], state: try row.decode(forColumn: "state"), createdAt: row["created_at"],
                position: row["position"], openOffer: (row["open_offer"] as Int64?).flatMap { offers[$0] },
                offers: row["offers"], appointmentCode: row["a_code"])
        }
    }

    /// Offers matching `clause` (over `waitlist_offer o`), newest first.
    static func waitlistOffers(where clause: String, _ args: [any DatabaseValueConvertible], _ db: StoreConnection) throws -> [WaitlistOffer] {
        try StoreRow.fetchAll(
            db,
            sql: """
                SELECT o.*, d.name AS d_name, d.email AS d_email, d.phone AS d_phone FROM waitlist_offer o
                JOIN account d ON d.id = o.doctor_id WHERE \(clause) ORDER BY o.id DESC
                """, arguments: StoreArguments(args)
        ).map { row in
            WaitlistOffer(
                id: row["id"], code: row["code"], entryID: row["entry_id"],
                doctor: .init(id: row["doctor_id"], name: row["d_name"], email: row["d_email"], phone: row["d_phone"]),
                start: row["start_at"], end: row["end_at"], state: try row.decode(forColumn: "state"),
                offeredAt: row["offered_at"], expiresAt: row["expires_at"], offeredBy: row["offered_by"], outcome: row["outcome"])
        }
    }
}

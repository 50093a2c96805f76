import GRDB

extension ClinicStore {
    /// The desk offers a slot to one waiting patient by hand (out of line:
    /// the desk's call), by SMS as the clinic's own offers go: `start` of the
    /// entry's doctor (or, for a specialization, of `doctorID`), or when nil
    /// the earliest free slot within the entry's days at least an hour ahead.
    /// Refused: `not_found` (entry, doctor), `conflict` (not waiting, an offer
    /// already open for the patient or on the slot, the number opted out,
    /// nothing free in its days), `slot_taken`, `patient_busy`,
    /// `in_past` / `invalid_input` (under an hour ahead, outside its days).
    @discardableResult
    public func offerWaitlistSlot(entryID: Int64, doctorID: Int64? = nil, start: Int64? = nil, by actor: Actor) throws -> WaitlistOffer {
        try Policy.decide(.offer, by: actor, patientID: nil).enforce()
        let now = nowSeconds
        let earliest = now + Self.waitlistMinimumNoticeSeconds
        guard let entry = try pool.read({ db in try Self.waitlistEntries(where: "e.id = ?", [entryID], now: now, db).first }) else {
            throw ClinicError(.notFound, "no waitlist entry \(entryID); `clinic waitlist list` shows the ids")
        }
        guard entry.state == .waiting, entry.position != nil else {
            throw ClinicError(.conflict, "waitlist entry \(entryID) is no longer waiting")
        }
        if let open = entry.openOffer {
            throw ClinicError(.conflict, "\(entry.patient.name) already has offer \(open.code) open until \(try settings().timeZone.iso8601(open.expiresAt))")
        }
        let zone = try settings().timeZone
        var chosen: (doctor: Int64, start: Int64)
        if let start {
            guard let doctor = entry.doctor?.id ?? doctorID else {
                throw ClinicError(.invalidInput, "name the doctor: entry \(entryID) waits for any \(entry.specialization ?? "") doctor")
            }
            chosen = (doctor, start)
        } else {
            let scope: SlotSearchScope = entry.doctor.map { .doctor($0.id) } ?? doctorID.map { .doctor($0) } ?? .specialization(entry.specialization ?? "")
            let from = max(entry.from, zone.local(earliest).date)
            let days = entry.to.daysSinceEpoch - from.daysSinceEpoch + 1
            let found = days < 1 ? [] : try nextFreeSlots(scope, from: from, limit: 40, horizonDays: min(days, Int(Self.horizonDays))).entries
            let offered = try pool.read { db in
                try Set(
                    StoreRow.fetchAll(db, sql: "SELECT doctor_id, start_at FROM waitlist_offer WHERE state = 'open'")
                        .map { "\($0["doctor_id"] as Int64)/\($0["start_at"] as Int64)" })
            }
            guard let slot = found.first(where: { $0.slot.start >= earliest && !offered.contains("\($0.doctor.id)/\($0.slot.start)") }) else {
                throw ClinicError(.conflict, "no free slot for \(entry.wanted) between \(entry.from) and \(entry.to)")
            }
            chosen = (slot.doctor.id, slot.slot.start)
        }
        return try pool.write { db in
            guard chosen.start >= earliest else {
                throw ClinicError(.inPast, "offers are for visits at least an hour ahead; pick a later slot")
            }
            let fits = try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM waitlist_entry e JOIN doctor_profile dp ON dp.account_id = ?
                                   WHERE e.id = ? AND (e.doctor_id = dp.account_id OR e.specialization = dp.specialization))
                    """, arguments: [chosen.doctor, entryID])
            guard fits == true else { throw ClinicError(.invalidInput, "that doctor is not the one \(entry.patient.name) waits for") }
            guard chosen.start >= zone.startOfDay(entry.from), chosen.start < zone.startOfDay(entry.to.adding(days: 1)) else {
                throw ClinicError(.invalidInput, "\(entry.patient.name) waits for a visit between \(entry.from) and \(entry.to)")
            }
            let calc = try self.cachedCalculator(doctorID: chosen.doctor, db)
            let slot = try calc.slot(startingAt: chosen.start)  // `not_aligned`, `outside_schedule`
            guard try self.isFreeSlot(doctorID: chosen.doctor, start: slot.start, db) else { throw Self.slotTaken }
            let busy = try Bool.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM appointment WHERE patient_id = ? AND start_at < ? AND end_at > ?
                                   AND status IN \(AppointmentStatus.activeSQL))
                    """, arguments: [entry.patient.id, slot.end, slot.start])
            if busy == true { throw ClinicError(.patientBusy, "the patient already has an appointment at that time") }
            // What was read before this transaction, read again in it
            guard try String.fetchOne(db, sql: "SELECT state FROM waitlist_entry WHERE id = ?", arguments: [entryID]) == "waiting" else {
                throw ClinicError(.conflict, "waitlist entry \(entryID) is no longer waiting")
            }
            guard try Bool.fetchOne(db, sql: "SELECT active FROM account WHERE id = ? AND role = 'doctor'", arguments: [chosen.doctor]) == true
            else { throw ClinicError(.notFound, "no active doctor with id \(chosen.doctor)") }
            guard
                let person = try StoreRow.fetchOne(
                    db,
                    sql: """
                        SELECT a.phone, COALESCE(ps.opted_out, 0) AS opted_out FROM account a LEFT JOIN phone_status ps ON ps.phone = a.phone
                        WHERE a.id = ? AND a.active = 1
                        """, arguments: [entry.patient.id]),
                let phone = person["phone"] as String?
            else { throw ClinicError(.invalidInput, "\(entry.patient.name) has no phone number for the offer") }
            if person["opted_out"] as Bool { throw ClinicError(.conflict, "\(phone) opted out of SMS (STOP): the offer could not reach them") }
            let open = try StoreRow.fetchOne(
                db,
                sql: """
                    SELECT EXISTS (SELECT 1 FROM waitlist_offer o JOIN waitlist_entry w ON w.id = o.entry_id
                                   WHERE w.patient_id = ? AND o.state = 'open'),
                           EXISTS (SELECT 1 FROM waitlist_offer WHERE doctor_id = ? AND start_at = ? AND state = 'open')
                    """, arguments: [entry.patient.id, chosen.doctor, slot.start])
            if open?[0] == true { throw ClinicError(.conflict, "\(entry.patient.name) already has an offer open") }
            if open?[1] == true { throw ClinicError(.conflict, "that slot is offered to someone else already; pick another") }
            let id = try self.insertOffer(
                entryID: entryID, phone: phone, doctorID: chosen.doctor, start: slot.start, end: slot.end, by: actor, now: now, db)
            return try Self.waitlistOffers(where: "o.id = ?", [id], db)[0]
        }
    }
}

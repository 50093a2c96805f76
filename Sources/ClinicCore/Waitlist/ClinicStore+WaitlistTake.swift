import GRDB

/// What a `TAKE` did, for the webhook's reply and log.
struct WaitlistTakeResult {
    var reply: String
    /// `took`, `took_moved`, `already_taken`, `offer_expired`, `offer_lost`,
    /// `offer_closed`, `refused:<code>`, `unknown_offer`, `nothing_to_take`.
    var outcome: String
    var appointmentID: Int64?
}

extension ClinicStore {
    /// A patient's `TAKE <code>` (nil: their one open offer), inside the
    /// webhook's transaction. The offer must be theirs (another's code gets
    /// the same answer as an unknown one) and open in time. The slot is then
    /// booked as the patient, via SMS, through the same rules as any booking
    /// (`patient_busy`, the booking limits, the policy); when the patient has
    /// a later visit with that doctor it is moved instead, so they never hold
    /// two. The reply says what happened; no booking or move notice is sent
    /// besides it. A refusal for the patient's own reasons passes the slot to
    /// the next in line; a slot someone else took has nothing left to pass.
    func takeWaitlistOffer(code: String?, sender: Int64, messageSID: String, settings: ClinicSettings, now: Int64, _ db: StoreConnection) throws
        -> WaitlistTakeResult
    {
        let clinic = settings.name, zone = settings.timeZone
        let sql = """
            SELECT o.id, o.code, o.state, o.doctor_id, o.start_at, o.end_at, o.expires_at, o.appointment_id, e.id AS entry_id, e.reason
            FROM waitlist_offer o JOIN waitlist_entry e ON e.id = o.entry_id
            """
        let found: StoreRow?
        if let code {
            found = try StoreRow.fetchOne(db, sql: sql + " WHERE o.code = ? AND e.patient_id = ?", arguments: [code, sender])
        } else {
            let open = try StoreRow.fetchAll(
                db, sql: sql + " WHERE e.patient_id = ? AND o.state = 'open' AND o.expires_at > ? ORDER BY o.start_at", arguments: [sender, now])
            guard open.count == 1 else {
                return open.isEmpty
                    ? WaitlistTakeResult(reply: WaitlistText.nothingOpen(clinic: clinic), outcome: "nothing_to_take")
                    : WaitlistTakeResult(
                        reply: "\(clinic): you have \(open.count) open offers: "
                            + open.map { "\($0["code"] as String) (\(NoticeText.when($0["start_at"], zone)))" }.joined(separator: ", ")
                            + ". Reply TAKE followed by the code of the one you want.",
                        outcome: "asked_which")
            }
            found = open[0]
        }
        guard let offer = found else {
            return WaitlistTakeResult(reply: WaitlistText.unknown(clinic: clinic, code: code ?? ""), outcome: "unknown_offer")
        }
        let id: Int64 = offer["id"], code: String = offer["code"], doctorID: Int64 = offer["doctor_id"]
        let start: Int64 = offer["start_at"], end: Int64 = offer["end_at"]
        switch try offer.decode(WaitlistOffer.State.self, forColumn: "state") {
        case .taken:
            let visit = try (offer["appointment_id"] as Int64?).flatMap { try Self.appointment(id: $0, db) }
            return WaitlistTakeResult(
                reply: WaitlistText.alreadyTaken(clinic: clinic, code: code, visit: visit.map { "\($0.code) on \(NoticeText.when($0.start, zone))" }),
                outcome: "already_taken", appointmentID: visit?.id)
        case .expired:
            return WaitlistTakeResult(reply: WaitlistText.expired(clinic: clinic, code: code), outcome: "offer_expired")
        case .lost, .withdrawn:
            return WaitlistTakeResult(reply: WaitlistText.closed(clinic: clinic, code: code), outcome: "offer_closed")
        case .open:
            break
        }
        if (offer["expires_at"] as Int64) <= now {  // the scheduler has not passed yet: lapse it now, as it would
            try Self.closeOffer(id, .expired, outcome: "no answer in time", now: now, db)
            try offerFreedSlot(doctorID: doctorID, start: start, end: end, excludingPatient: nil, now: now, db)
            return WaitlistTakeResult(reply: WaitlistText.expired(clinic: clinic, code: code), outcome: "offer_expired")
        }
        let patient = Actor.account(sender, .patient, via: .sms)
        do {
            let later = try StoreRow.fetchOne(
                db,
                sql: """
                    SELECT code, start_at FROM appointment WHERE patient_id = ? AND doctor_id = ? AND start_at > ?
                      AND status IN ('scheduled','confirmed') ORDER BY start_at LIMIT 1
                    """, arguments: [sender, doctorID, start])
            let (visit, from) = try db.inSavepoint { () -> (Appointment, Int64?) in
                if let later {
                    let moved = try reschedule(code: later["code"], to: start, doctorID: doctorID, by: patient, now: now, notify: false, db)
                    return (moved, later["start_at"])
                }
                let request = BookingRequest(doctorID: doctorID, patientID: sender, start: start, reason: offer["reason"])
                return (try book(request, by: patient, now: now, notify: false, db), nil)
            }
            let outcome = from == nil ? "took" : "took_moved"
            try Self.closeOffer(
                id, .taken, outcome: from == nil ? "taken: booked \(visit.code)" : "taken: moved \(visit.code)", appointmentID: visit.id, now: now, db)
            try closeEntriesServed(by: visit, entryID: offer["entry_id"], now: now, db)
            let reply =
                from.map {
                    WaitlistText.moved(clinic: clinic, doctor: visit.doctor.name, from: $0, start: visit.start, zone: zone, code: visit.code)
                } ?? WaitlistText.booked(clinic: clinic, doctor: visit.doctor.name, start: visit.start, zone: zone, code: visit.code)
            return WaitlistTakeResult(reply: reply, outcome: outcome, appointmentID: visit.id)
        } catch let error as ClinicError where error.code == .slotTaken {
            try Self.closeOffer(id, .lost, outcome: "someone else took the slot", now: now, db)
            return WaitlistTakeResult(reply: WaitlistText.lost(clinic: clinic, code: code), outcome: "offer_lost")
        } catch let error as ClinicError {
            try Self.closeOffer(id, .lost, outcome: "refused: \(error.message)", now: now, db)
            try offerFreedSlot(doctorID: doctorID, start: start, end: end, excludingPatient: sender, now: now, db)
            return WaitlistTakeResult(
                reply: WaitlistText.refused(clinic: clinic, code: code, reason: error.message), outcome: "refused:\(error.code.rawValue)")
        }
    }

    /// A visit taken from the waitlist serves the entry it was offered to and
    /// the patient's other entries waiting for that doctor (or their
    /// specialization): all are `booked` with it, and any offer still open on
    /// them is withdrawn and its slot passed on.
    private func closeEntriesServed(by visit: Appointment, entryID: Int64, now: Int64, _ db: StoreConnection) throws {
        let served = try Int64.fetchAll(
            db,
            sql: """
                SELECT e.id FROM waitlist_entry e JOIN doctor_profile dp ON dp.account_id = ?
                WHERE e.patient_id = ? AND e.state = 'waiting'
                  AND (e.id = ? OR e.doctor_id = dp.account_id OR e.specialization = dp.specialization)
                """, arguments: [visit.doctor.id, visit.patient.id, entryID])
        for id in served {
            try db.execute(
                sql: "UPDATE waitlist_entry SET state = 'booked', closed_at = ?, appointment_id = ? WHERE id = ?", arguments: [now, visit.id, id])
            for open in try Self.waitlistOffers(where: "o.entry_id = ? AND o.state = 'open'", [id], db) {
                try Self.closeOffer(open.id, .withdrawn, outcome: "the patient took another visit", now: now, db)
                try offerFreedSlot(doctorID: open.doctor.id, start: open.start, end: open.end, excludingPatient: visit.patient.id, now: now, db)
            }
        }
    }
}

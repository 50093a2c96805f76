import GRDB

extension ClinicStore {
    /// Moves an active appointment (by code) to another free slot, of the same
    /// doctor or (`doctorID`) of another, in ONE write transaction: the old
    /// slot is released only if the new one is taken, so a refusal or a lost
    /// race leaves it where it was. Another doctor's slot is also a booking
    /// into that doctor's schedule, and the policy is asked for both.
    /// The new start is refused as a booking would be (`not_aligned`,
    /// `outside_schedule`, `in_past`, `slot_taken`, `patient_busy`); who may move
    /// it follows cancellation (own patient, own doctor, desk staff). The audit
    /// trail records the move; the scheduler plans the reminder for the new time
    /// (an outbox reminder names its start, so one for the old time is dropped).
    /// Queued reminders and booking notices for the old time are skipped, and
    /// the patient gets the move notice (kind `moved`, the new time) in the same
    /// transaction when the clinic's `booking_notice` is on.
    public func reschedule(code: String, to start: Int64, doctorID newDoctor: Int64? = nil, by actor: Actor) throws -> Appointment {
        let code = try AppointmentCode.checked(code)
        let now = nowSeconds
        return try pool.write { db in try self.reschedule(code: code, to: start, doctorID: newDoctor, by: actor, now: now, notify: true, db) }
    }

    /// `reschedule` inside the caller's write transaction (a waitlist `TAKE`
    /// moves a later visit in the webhook's). `code` is already checked;
    /// `notify: false` sends no move notice (the `TAKE` reply says it). The
    /// slot it leaves is offered to the waitlist in the same transaction.
    func reschedule(
        code: String, to start: Int64, doctorID newDoctor: Int64?, by actor: Actor, now: Int64, notify: Bool, _ db: StoreConnection
    ) throws -> Appointment {
        guard
            let row = try StoreRow.fetchOne(
                db,
                sql: """
                    SELECT id, status, doctor_id, patient_id, start_at, end_at, (SELECT version FROM schedule_state) AS version,
                           (SELECT active FROM account WHERE id = appointment.doctor_id) AS doctor_active
                    FROM appointment WHERE code = ?
                    """, arguments: [code])
        else { throw ClinicError(.notFound, "no appointment with code \(code)") }
        let id: Int64 = row["id"], oldDoctor: Int64 = row["doctor_id"], patientID: Int64 = row["patient_id"]
        let status: AppointmentStatus = try row.decode(forColumn: "status")
        let oldStart: Int64 = row["start_at"], oldEnd: Int64 = row["end_at"]
        let facts = AppointmentFacts(code: code, status: status, doctorID: oldDoctor, patientID: patientID, start: oldStart, now: now)
        try Policy.decide(.reschedule, by: actor, facts: facts).enforce()
        let doctorID = newDoctor ?? oldDoctor
        if doctorID != oldDoctor {
            try Policy.decide(.book, by: actor, facts: ScheduleFacts(doctorID: doctorID, patientID: patientID)).enforce()
            let target = try StoreRow.fetchOne(db, sql: "SELECT role, active FROM account WHERE id = ?", arguments: [doctorID])
            guard target?["role"] as String? == Role.doctor.rawValue, target?["active"] as Bool? == true else {
                throw ClinicError(.notFound, "no active doctor with id \(doctorID)")
            }
        } else if row["doctor_active"] as Bool? != true {
            throw ClinicError(.notFound, "no active doctor with id \(doctorID)")  // as booking says
        }
        guard start > now else { throw ClinicError(.inPast, "that time has already passed; pick a later slot") }
        try Self.checkHorizon(start, now: now)
        guard start != oldStart || doctorID != oldDoctor else { throw ClinicError(.invalidInput, "the appointment is already at that time") }
        let version: Int64 = row["version"] ?? -1
        let calc =
            try self.calculators.calculator(doctorID, version: version)
            ?? {
                let fresh = try self.calculator(doctorID: doctorID, db)
                self.calculators.store(fresh, for: doctorID, version: version)
                return fresh
            }()
        let slot = try calc.slot(startingAt: start)
        let clash = try StoreRow.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM appointment WHERE doctor_id = ? AND start_at = ? AND id <> ?
                               AND status IN \(AppointmentStatus.activeSQL)),
                       EXISTS (SELECT 1 FROM appointment WHERE patient_id = ? AND start_at < ? AND end_at > ? AND id <> ?
                               AND status IN \(AppointmentStatus.activeSQL))
                """, arguments: [doctorID, slot.start, id, patientID, slot.end, slot.start, id])
        if clash?[0] == true { throw Self.slotTaken }
        if clash?[1] == true { throw ClinicError(.patientBusy, "the patient already has an appointment at that time") }
        if actor.role == .patient, try settings(db).onePerDoctorDay {  // a move is no way around the booking limit
            try Self.checkOnePerDoctorDay(patientID: patientID, doctorID: doctorID, slot: slot, zone: calc.timeZone, excluding: id, db)
        }
        do {
            try db.execute(
                sql: "UPDATE appointment SET doctor_id = ?, start_at = ?, end_at = ?, updated_at = ? WHERE id = ?",
                arguments: [doctorID, slot.start, slot.end, now, id])
        } catch let error where UniqueViolation(error) != nil {
            throw Self.slotTaken
        }
        let zone = calc.timeZone
        var doctors: (from: String, to: String)?
        if doctorID != oldDoctor {
            let names = try Dictionary(
                uniqueKeysWithValues: StoreRow.fetchAll(db, sql: "SELECT id, name FROM account WHERE id IN (?, ?)", arguments: [oldDoctor, doctorID])
                    .map { ($0["id"] as Int64, $0["name"] as String) })
            doctors = (names[oldDoctor] ?? "doctor \(oldDoctor)", names[doctorID] ?? "doctor \(doctorID)")
        }
        let note = AppointmentEvent.moveNote(from: oldStart, to: slot.start, zone: zone, doctors: doctors)
        try Self.recordEvent(appointmentID: id, from: status, to: status, actor: actor, at: now, note: note, db)
        let moved = try Self.appointment(id: id, db)!
        try Self.skipQueuedTimeNotices(
            appointmentID: id, code: "appointment_moved", message: "the appointment was moved", now: now, db)
        let settings = try self.settings(db)
        if notify, settings.bookingNotice {
            try Self.enqueueBookingNotice(.moved, for: moved, clinic: settings.name, zone: zone, now: now, db)
        }
        try self.offerFreedSlot(doctorID: oldDoctor, start: oldStart, end: oldEnd, excludingPatient: patientID, now: now, db)
        return moved
    }
}

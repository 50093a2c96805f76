import GRDB

extension ClinicStore {
    /// How long a notice stays worth sending when the scheduler could not send it at once.
    static let noticeLifetime: Int64 = 86_400

    /// Enqueues the SMS a status change calls for, inside the change's own
    /// transaction (so a change and its notice commit or roll back together):
    /// - scheduled → confirmed: a confirmation to the patient;
    /// - → cancelled: a cancellation to the patient;
    /// - → no_show: a notice to the patient and one to the doctor.
    /// A confirmation or cancellation that arrived by SMS gets no notice: the
    /// webhook's TwiML reply is that SMS. Leaving the watched statuses also
    /// skips a still-queued reminder or booking notice (the send-time check
    /// is the backstop).
    /// `because` says in a cancellation why the clinic cancelled (time off, a closure).
    func enqueueNotices(_ a: Appointment, from: AppointmentStatus, actor: Actor, now: Int64, because: String? = nil, _ db: StoreConnection) throws {
        if !(a.status == .scheduled || a.status == .confirmed) {
            try Self.skipQueuedTimeNotices(
                appointmentID: a.id, code: "appointment_\(a.status.rawValue)", message: "the appointment is \(a.status.rawValue)",
                now: now, db)
        }
        let s = try settings(db)
        func notice(_ kind: OutboxMessage.Kind, _ recipient: OutboxMessage.Recipient, _ to: String?, _ body: String) throws {
            guard let to else { return }  // a patient with an email only gets no SMS
            // Worth sending for a day, and a confirmation or cancellation at least until the visit is over.
            let expires = kind == .noShow ? now + Self.noticeLifetime : max(now + Self.noticeLifetime, a.end)
            try Self.enqueue(
                NewOutboxMessage(
                    to: to, body: body, appointmentID: a.id, appointmentStart: a.start,
                    kind: kind, recipient: recipient, expiresAt: expires), now: now, db)
        }
        switch (from, a.status) {
        case (.scheduled, .confirmed) where actor.via != .sms:
            try notice(
                .confirmation, .patient, a.patient.phone,
                NoticeText.confirmation(
                    clinic: s.name, doctor: a.doctor.name, start: a.start, zone: s.timeZone, code: a.code))
        case (_, .cancelled) where actor.via != .sms:
            try notice(
                .cancellation, .patient, a.patient.phone,
                NoticeText.cancellation(
                    clinic: s.name, doctor: a.doctor.name, start: a.start, zone: s.timeZone, code: a.code, because: because))
        case (_, .noShow):
            try notice(
                .noShow, .patient, a.patient.phone,
                NoticeText.noShowPatient(
                    clinic: s.name, doctor: a.doctor.name, start: a.start, zone: s.timeZone, code: a.code))
            try notice(
                .noShow, .doctor, a.doctor.phone,
                NoticeText.noShowDoctor(
                    clinic: s.name, patient: a.patient.name, start: a.start, zone: s.timeZone, code: a.code))
        case (.noShow, .checkedIn):
            try notice(
                .checkedIn, .patient, a.patient.phone,
                NoticeText.lateCheckIn(clinic: s.name, doctor: a.doctor.name, start: a.start, zone: s.timeZone, code: a.code))
        default:
            break
        }
    }
}

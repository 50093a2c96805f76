import GRDB

/// Decides and applies one parsed SMS command inside the webhook's
/// transaction; returns the reply and what to log.
struct InboundSMSHandler {
    /// What handling a command produced.
    struct Handled {
        var reply: String?
        var outcome: String
        var appointmentID: Int64? = nil
        var attention: String? = nil
    }

    let store: ClinicStore
    let settings: ClinicSettings
    let messageSID: String
    /// The sender's number in E.164, if it is one.
    let phone: String?
    /// The active patient account with that number, if any.
    let sender: Int64?
    let now: Int64

    private var clinic: String { settings.name }

    func handle(_ command: SMSCommand, _ db: StoreConnection) throws -> Handled {
        switch command {
        case .confirm(let code?):
            return try act(on: code, to: .confirmed, db)
        case .confirm(nil):
            return try confirmSingle(db)
        case .cancel(let code):
            return try act(on: code, to: .cancelled, db)
        case .take(let code):
            guard let sender else { return Handled(reply: SMSReplyText.unknownSender(clinic), outcome: "unknown_sender") }
            let taken = try store.takeWaitlistOffer(code: code, sender: sender, messageSID: messageSID, settings: settings, now: now, db)
            return Handled(reply: taken.reply, outcome: taken.outcome, appointmentID: taken.appointmentID)
        case .badCode(let keyword, let text):
            return Handled(reply: SMSReplyText.badCode(clinic, keyword: keyword, text: text), outcome: "bad_code")
        case .optOut(let keyword):
            guard let phone else { return Handled(reply: nil, outcome: "ignored_bad_number") }
            try ClinicStore.setOptOut(phone: phone, optedOut: true, source: "sms_\(keyword.lowercased())", now: now, db)
            // Twilio answers STOP itself and blocks our SMS to the number from now on: no reply.
            let attention =
                keyword == "CANCEL"
                ? "bare CANCEL: opted out of SMS, but the patient may have meant an appointment; call them" : nil
            return Handled(reply: nil, outcome: "opted_out", attention: attention)
        case .optIn(let keyword):
            guard let phone else { return Handled(reply: nil, outcome: "ignored_bad_number") }
            try ClinicStore.setOptOut(phone: phone, optedOut: false, source: "sms_\(keyword.lowercased())", now: now, db)
            return Handled(reply: SMSReplyText.optedIn(clinic), outcome: "opted_in")
        case .help:
            return Handled(reply: SMSReplyText.help(clinic), outcome: "help")
        case .freeText:
            return Handled(reply: SMSReplyText.forwarded(clinic), outcome: "flagged", attention: "free text")
        }
    }

    /// `CONFIRM <code>` / `CANCEL <code>`: only the appointment's own patient,
    /// through the status rules; refusals say why.
    private func act(on code: String, to target: AppointmentStatus, _ db: StoreConnection) throws -> Handled {
        guard let sender else { return Handled(reply: SMSReplyText.unknownSender(clinic), outcome: "unknown_sender") }
        guard
            let row = try StoreRow.fetchOne(
                db, cachedSQL: "SELECT id, patient_id, status, start_at FROM appointment WHERE code = ?",
                arguments: [code]),
            row["patient_id"] as Int64 == sender
        else {
            // Another patient's code gets the same answer as a code that does not exist.
            return Handled(reply: SMSReplyText.unknownCode(clinic, code: code), outcome: "unknown_code")
        }
        let id: Int64 = row["id"]
        let status: AppointmentStatus = try row.decode(forColumn: "status")
        let when = NoticeText.when(row["start_at"], settings.timeZone)
        switch status {
        case .confirmed where target == .confirmed:
            return Handled(
                reply: SMSReplyText.alreadyConfirmed(clinic, code: code, when: when), outcome: "already_confirmed",
                appointmentID: id)
        case .cancelled, .completed, .noShow:
            return Handled(
                reply: SMSReplyText.final(clinic, code: code, when: when, status: status),
                outcome: "refused:\(status.rawValue)", appointmentID: id)
        case .checkedIn:
            return Handled(reply: SMSReplyText.checkedIn(clinic, code: code), outcome: "refused:checked_in", appointmentID: id)
        case .scheduled, .confirmed:
            break
        }
        var changed: Appointment?
        do {
            changed = try db.inSavepoint {
                try store.transition(
                    normalizedCode: code, to: target, by: .account(sender, .patient, via: .sms),
                    note: "SMS \(messageSID)", at: now, db)
            }
        } catch let error as ClinicError {
            return Handled(
                reply: SMSReplyText.refused(clinic, code: code, reason: error.message),
                outcome: "refused:\(error.code.rawValue)", appointmentID: id)
        }
        guard let a = changed else { return Handled(reply: nil, outcome: "internal", appointmentID: id) }
        let reply =
            target == .confirmed
            ? NoticeText.confirmation(clinic: clinic, doctor: a.doctor.name, start: a.start, zone: settings.timeZone, code: a.code)
            : NoticeText.cancellation(clinic: clinic, doctor: a.doctor.name, start: a.start, zone: settings.timeZone, code: a.code)
        return Handled(reply: reply, outcome: target.rawValue, appointmentID: id)
    }

    /// A bare `CONFIRM`: the sender's single future appointment awaiting
    /// confirmation; asks which one when there are several.
    private func confirmSingle(_ db: StoreConnection) throws -> Handled {
        guard let sender else { return Handled(reply: SMSReplyText.unknownSender(clinic), outcome: "unknown_sender") }
        let rows = try StoreRow.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT code, start_at FROM appointment WHERE patient_id = ? AND status = 'scheduled' AND start_at > ?
                    ORDER BY start_at LIMIT 20
                    """), arguments: [sender, now])
        switch rows.count {
        case 0:
            return Handled(reply: SMSReplyText.nothingToConfirm(clinic), outcome: "nothing_to_confirm")
        case 1:
            return try act(on: rows[0]["code"], to: .confirmed, db)
        default:
            let choices = rows.map { (code: $0["code"] as String, when: NoticeText.when($0["start_at"], settings.timeZone)) }
            return Handled(reply: SMSReplyText.whichOne(clinic, choices: choices), outcome: "asked_which")
        }
    }
}

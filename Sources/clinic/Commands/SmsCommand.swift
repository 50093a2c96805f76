import ArgumentParser
import ClinicCore

/// `clinic sms …`: the SMS log, the inbound messages, and `simulate`.
struct SmsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms", abstract: "The SMS log and patients' replies.",
        subcommands: [SmsLogCommand.self, SmsInboxCommand.self, SmsHandleCommand.self, SmsRetryCommand.self, SmsSimulateCommand.self])
}

/// `clinic sms log [--appointment CODE] [--failed] [--json]`.
struct SmsLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Outgoing SMS, newest first: state, attempts, provider id, errors.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this appointment's messages (its code).") var appointment: String?
    @Flag(help: "Only messages that failed, or failed once and wait for a retry.") var failed = false
    @Option(help: "At most this many.") var limit = 200

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try global.run { ctx in
            let zone = try ctx.timeZone()
            if let code = appointment { _ = try ctx.store.appointment(code: code) }  // not_found for an unknown code
            let list = try ctx.store.smsLog(SMSLogFilter(appointmentCode: appointment, failedOnly: failed, limit: limit))
            if ctx.json {
                JSONOutput.print(["messages": list.map { SMSJSON($0, zone: zone) }])
                return
            }
            let owners = try ctx.store.phoneOwners(list.map(\.to))
            var table = TextTable(["ID", "CREATED", "KIND", "TO", "NAME", "CODE", "TRIES", "OUTCOME", "NOTE", "BODY"])
            for m in list {
                let created = zone.local(m.createdAt)
                table.add([
                    String(m.id), "\(created.date) \(created.time)", m.kind.rawValue, m.to, owners[m.to]?.name ?? "-",
                    m.appointmentCode ?? "-", String(m.attempts), SMSText.outcome(m), m.note ?? "-", String(m.body.prefix(50)),
                ])
            }
            TextOutput.block(list.isEmpty ? "no messages" : table.rendered)
        }
    }
}

/// An outbox message as scripts see it; absent values are `null`. `note`:
/// "an earlier attempt was interrupted …" when the message may have gone out twice.
struct SMSJSON: Encodable {
    let m: OutboxMessage
    let zone: ClinicTimeZone

    init(_ m: OutboxMessage, zone: ClinicTimeZone) { self.m = m; self.zone = zone }

    enum Keys: String, CodingKey {
        case id, to, from, body, appointment, kind, recipient, state, attempts, next_attempt_at, gateway
        case provider_id, error_code, error_message, delivery_status, created_at, updated_at, sent_at, note
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(m.id, forKey: .id); try c.encode(m.to, forKey: .to); try c.encode(m.from, forKey: .from)
        try c.encode(m.body, forKey: .body); try c.encode(m.appointmentCode, forKey: .appointment)
        try c.encode(m.kind.rawValue, forKey: .kind); try c.encode(m.recipient.rawValue, forKey: .recipient)
        try c.encode(m.state.rawValue, forKey: .state); try c.encode(m.attempts, forKey: .attempts)
        try c.encode(zone.iso8601(m.nextAttemptAt), forKey: .next_attempt_at); try c.encode(m.gateway, forKey: .gateway)
        try c.encode(m.providerID, forKey: .provider_id); try c.encode(m.errorCode, forKey: .error_code)
        try c.encode(m.errorMessage, forKey: .error_message); try c.encode(m.deliveryStatus, forKey: .delivery_status)
        try c.encode(zone.iso8601(m.createdAt), forKey: .created_at); try c.encode(zone.iso8601(m.updatedAt), forKey: .updated_at)
        try c.encode(m.sentAt.map(zone.iso8601), forKey: .sent_at); try c.encode(m.note, forKey: .note)
    }
}

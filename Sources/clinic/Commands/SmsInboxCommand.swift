import ArgumentParser
import ClinicCore

/// `clinic sms inbox [--attention] [--json]`: patients' SMS, newest first,
/// with what each did and the ones the desk should read.
struct SmsInboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", abstract: "Inbound SMS, newest first: command, outcome, and those flagged for the desk.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Only messages flagged for the desk (free text, a bare CANCEL).") var attention = false
    @Option(help: "At most this many.") var limit = 200

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try global.run { ctx in
            let zone = try ctx.timeZone()
            let list = try ctx.store.inboundSMS(needingAttention: attention, limit: limit)
            if ctx.json {
                JSONOutput.print(["messages": list.map { InboundJSON(m: $0, received: zone.iso8601($0.receivedAt)) }])
                return
            }
            var table = TextTable(["ID", "RECEIVED", "FROM", "OUTCOME", "CODE", "DESK", "BODY"])
            for m in list {
                let t = zone.local(m.receivedAt)
                table.add([
                    String(m.id), "\(t.date) \(t.time)", m.from, m.outcome, m.appointmentCode ?? "-",
                    m.attentionReason.map { String($0.prefix(30)) } ?? "-", String(m.body.prefix(40)),
                ])
            }
            TextOutput.block(list.isEmpty ? "no messages" : table.rendered)
        }
    }
}

/// An inbound SMS as scripts see it.
struct InboundJSON: Encodable {
    let m: InboundSMSRecord
    let received: String

    enum Keys: String, CodingKey {
        case id, message_sid, from, body, received_at, command, outcome, reply, appointment, attention
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(m.id, forKey: .id); try c.encode(m.messageSID, forKey: .message_sid); try c.encode(m.from, forKey: .from)
        try c.encode(m.body, forKey: .body); try c.encode(received, forKey: .received_at); try c.encode(m.command, forKey: .command)
        try c.encode(m.outcome, forKey: .outcome); try c.encode(m.reply, forKey: .reply)
        try c.encode(m.appointmentCode, forKey: .appointment); try c.encode(m.attentionReason, forKey: .attention)
    }
}

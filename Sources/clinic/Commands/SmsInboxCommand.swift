import ArgumentParser
import ClinicCore

/// `clinic sms inbox [--attention] [--json]`: patients' SMS, newest first,
/// with what each did and the ones the desk should read.
struct SmsInboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox", abstract: "Inbound SMS, newest first: command, outcome, and those flagged for the desk.")

    @OptionGroup var global: GlobalOptions
    @Flag(name: [.customLong("flagged"), .customLong("attention")], help: "Only messages flagged for the desk (free text, a bare CANCEL).")
    var attention = false
    @Option(help: "At most this many.") var limit = 200

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try global.run { ctx in
            let zone = try ctx.timeZone()
            let list = try ctx.store.inboundSMS(needingAttention: attention, limit: limit)
            if ctx.json {
                JSONOutput.print(["messages": list.map { InboundJSON(m: $0, zone: zone) }])
                return
            }
            let owners = try ctx.store.phoneOwners(list.map(\.from))
            var table = TextTable(["ID", "RECEIVED", "FROM", "NAME", "OUTCOME", "DESK", "BODY"])
            for m in list {
                let t = zone.local(m.receivedAt)
                let desk = m.attentionReason.map { reason in m.handledBy.map { "handled by \($0)" } ?? String(reason.prefix(30)) } ?? "-"
                table.add([
                    String(m.id), "\(t.date) \(t.time)", m.from, owners[m.from]?.name ?? "-",
                    SMSOutcomeText.sentence(outcome: m.outcome, code: m.appointmentCode), desk, String(m.body.prefix(40)),
                ])
            }
            TextOutput.block(list.isEmpty ? "no messages" : table.rendered)
        }
    }
}

/// An inbound SMS as scripts see it.
struct InboundJSON: Encodable {
    let m: InboundSMSRecord
    let zone: ClinicTimeZone
    var received: String { zone.iso8601(m.receivedAt) }

    enum Keys: String, CodingKey {
        case id, message_sid, from, body, received_at, command, outcome, reply, appointment, attention, handled_at, handled_by
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(m.id, forKey: .id); try c.encode(m.messageSID, forKey: .message_sid); try c.encode(m.from, forKey: .from)
        try c.encode(m.body, forKey: .body); try c.encode(received, forKey: .received_at); try c.encode(m.command, forKey: .command)
        try c.encode(m.outcome, forKey: .outcome); try c.encode(m.reply, forKey: .reply)
        try c.encode(m.appointmentCode, forKey: .appointment); try c.encode(m.attentionReason, forKey: .attention)
        try c.encode(m.handledAt.map { zone.iso8601($0) }, forKey: .handled_at); try c.encode(m.handledBy, forKey: .handled_by)
    }
}

/// `clinic sms handle ID`: marks a flagged reply handled (who, when).
struct SmsHandleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "handle", abstract: "Mark a flagged SMS reply handled (the desk).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The reply's id (from `clinic sms inbox --flagged`).") var id: Int64
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try global.run { ctx in
            let zone = try ctx.timeZone()
            let handled = try ctx.store.markHandled(inboundID: id, by: try actor.actor(ctx))
            if ctx.json {
                JSONOutput.print(["message": InboundJSON(m: handled, zone: zone)])
            } else {
                TextOutput.line("reply \(handled.id) from \(handled.from) handled by \(handled.handledBy ?? "the desk")")
            }
        }
    }
}

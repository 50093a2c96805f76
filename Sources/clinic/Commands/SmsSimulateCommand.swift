import ArgumentParser
import ClinicCore
import Foundation

/// `clinic sms simulate --from N --body TEXT [--url URL]`: a correctly signed
/// request to the running listener, as Twilio would send it; prints the reply.
struct SmsSimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Send a signed SMS webhook request to the running listener (clinic serve) and print the reply.",
        discussion: """
            Signs with the Twilio auth token (or the database's local webhook secret when none is set) over
            public_url + path, exactly as the listener checks. Example:
              clinic sms simulate --from +15550100001 --body "CONFIRM K7QX2M"
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The sender's phone number.") var from: String
    @Option(help: "The SMS text.") var body: String
    @Option(help: "Where to POST (default: http://<listen>/api/v1/twilio/webhook).") var url: String?
    @Option(help: "The MessageSid to send (default: a fresh one; repeat one to see idempotency).") var sid: String?

    func run() throws {
        try global.run { ctx in
            let simulator = try WebhookSimulator(config: ctx.config, store: ctx.store, url: url)
            let reply = try simulator.send(from: from, body: body, messageSID: sid)
            if ctx.json {
                JSONOutput.print(SimulateJSON(status: reply.status, reply: reply.message, body: reply.body))
                return
            }
            guard reply.status == 200 else {
                throw ClinicError(.invalidInput, "the listener answered HTTP \(reply.status): \(reply.body.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
            TextOutput.block(reply.message.map { $0.isEmpty ? "(no reply)" : $0 } ?? reply.body)
        }
    }
}

/// `sms simulate --json`.
struct SimulateJSON: Encodable {
    let status: Int
    let reply: String?
    let body: String
}

import ArgumentParser
import ClinicCore

/// `clinic sms retry ID [--json]`: sends a failed SMS again, to the person's
/// current number (the desk; the failure it had is kept in the history).
struct SmsRetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Send a failed SMS again, to the person's current number (the desk).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The message's id (from `clinic sms log --failed`).") var id: Int64
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try global.run { ctx in
            let zone = try ctx.timeZone()
            let retried = try ctx.store.retrySMS(id: id, by: try actor.actor(ctx))
            if ctx.json {
                JSONOutput.print(["message": SMSJSON(retried, zone: zone)])
            } else {
                TextOutput.line("message \(retried.id) queued again to \(retried.to)")
            }
        }
    }
}

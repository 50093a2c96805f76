import ArgumentParser
import ClinicCore

/// The shared body of confirm / cancel / check-in / complete.
struct StatusChangeOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The appointment's code, e.g. K7QX2M.") var code: String
    @Option(help: "A note for the audit trail.") var note = ""
    @OptionGroup var actor: ActorOptions

    func run(to status: AppointmentStatus, verb: String) throws {
        try global.run { ctx in
            let appointment = try ctx.store.transition(code: code, to: status, by: try actor.actor(ctx), note: note)
            AppointmentPrinter.print(appointment, ctx: ctx, zone: try ctx.timeZone(), verb: verb)
        }
    }
}

struct ConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "confirm", abstract: "Confirm a scheduled appointment.")
    @OptionGroup var options: StatusChangeOptions
    func run() throws { try options.run(to: .confirmed, verb: "confirmed") }
}

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an appointment (frees the slot).")
    @OptionGroup var options: StatusChangeOptions
    func run() throws { try options.run(to: .cancelled, verb: "cancelled") }
}

struct CheckInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-in", abstract: "Record a patient's arrival (after a no-show too, on the visit's day, with --note saying why).")
    @OptionGroup var options: StatusChangeOptions
    func run() throws { try options.run(to: .checkedIn, verb: "checked in") }
}

struct CompleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "complete", abstract: "Mark an appointment completed (its doctor or an admin).")
    @OptionGroup var options: StatusChangeOptions
    func run() throws { try options.run(to: .completed, verb: "completed") }
}

import ArgumentParser
import ClinicCore

/// `clinic move CODE --start "YYYY-MM-DD HH:MM" [--doctor D]`.
struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move an appointment to another free slot, of its doctor or (--doctor) another; the old slot is freed only if the new one is taken.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The appointment's code, e.g. K7QX2M.") var code: String
    @Option(help: "New start, clinic local time \"YYYY-MM-DD HH:MM\" (or ISO 8601 with offset).") var start: String
    @Option(help: "Another doctor (email, phone or id); default: the appointment's own.") var doctor: String?
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try global.run { ctx in
            let zone = try ctx.timeZone()
            let instant = try LocalInput.instant(start, in: zone)
            let doctorID = try doctor.map { try ctx.account($0, role: .doctor).id }
            let moved = try ctx.store.reschedule(code: code, to: instant, doctorID: doctorID, by: try actor.actor(ctx))
            AppointmentPrinter.print(moved, ctx: ctx, zone: zone, verb: "moved")
        }
    }
}

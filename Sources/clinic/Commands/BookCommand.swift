import ArgumentParser
import ClinicCore

/// `clinic book --doctor D --patient P --start "YYYY-MM-DD HH:MM" --reason TEXT`.
struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "book", abstract: "Book a slot for a patient.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The doctor: email, phone or id.") var doctor: String
    @Option(help: "The patient: email, phone or id.") var patient: String
    @Option(help: "Start, clinic local time \"YYYY-MM-DD HH:MM\" (or ISO 8601 with offset).") var start: String
    @Option(help: "Reason for the visit (1–500 characters).") var reason: String
    @Option(name: .customLong("override"), help: "Book over the clinic's booking limits, saying why (the desk; audited).")
    var overrideReason = ""
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try global.run { ctx in
            let zone = try ctx.timeZone()
            let doctor = try ctx.account(doctor, role: .doctor)
            let patient = try ctx.account(patient, role: .patient)
            let instant = try LocalInput.instant(start, in: zone)
            let appointment = try ctx.store.book(
                BookingRequest(doctorID: doctor.id, patientID: patient.id, start: instant, reason: reason, overrideReason: overrideReason),
                by: try actor.actor(ctx))
            AppointmentPrinter.print(appointment, ctx: ctx, zone: zone, verb: "booked")
        }
    }
}

/// Prints one appointment as text or the `{"appointment":…}` JSON.
enum AppointmentPrinter {
    static func print(_ a: Appointment, ctx: CommandContext, zone: ClinicTimeZone, verb: String) {
        if ctx.json {
            JSONOutput.print(AppointmentEnvelope(appointment: AppointmentJSON(a, zone: zone)))
        } else {
            let start = zone.local(a.start)
            TextOutput.line("\(verb) \(a.code): \(start.date) \(zone.unambiguousTime(a.start)) \(a.patient.name) with \(a.doctor.name) — \(a.status.rawValue)")
        }
    }
}

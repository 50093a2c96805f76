import ArgumentParser
import ClinicCore

struct UserHoursCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hours", abstract: "Show or set a doctor's weekly hours.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The doctor: email, phone or id.") var doctor: String
    @Option(help: "New hours, e.g. \"mon-fri 09:00-12:00,14:00-17:00; sat 09:00-12:00\" (\"off\" for none).") var set: String?

    func validate() throws {
        if let set, set.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--set needs the hours, or off to clear them")
        }
    }

    func run() throws {
        try global.run { ctx in
            let doctor = try ctx.account(doctor, role: .doctor)
            if let spec = set {
                try ctx.store.setHours(doctorID: doctor.id, to: HoursSpecParser.parse(spec), by: .shell)
            }
            let hours = try ctx.store.hours(doctorID: doctor.id)
            if ctx.json {
                JSONOutput.print(
                    HoursJSON(
                        doctor: doctor.contact, hours: hours.specText,
                        timezone: try ctx.timeZone().identifier))
            } else {
                TextOutput.line("\(doctor.name): \(hours.specText.isEmpty ? "no hours" : hours.specText)")
            }
        }
    }

    struct HoursJSON: Encodable { let doctor: String; let hours: String; let timezone: String }
}

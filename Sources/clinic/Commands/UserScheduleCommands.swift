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
                        doctor: doctor.email, hours: hours.specText,
                        timezone: try ctx.timeZone().identifier))
            } else {
                TextOutput.line("\(doctor.name): \(hours.specText.isEmpty ? "no hours" : hours.specText)")
            }
        }
    }

    struct HoursJSON: Encodable { let doctor: String; let hours: String; let timezone: String }
}

struct UserTimeOffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time-off", abstract: "Give a doctor time off: whole days (--from D --to D, inclusive) or part of a day (\"D HH:MM\").")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The doctor: email, phone or id.") var doctor: String
    @Option(help: "First day YYYY-MM-DD, or a start \"YYYY-MM-DD HH:MM\".") var from: String
    @Option(help: "Last day YYYY-MM-DD (inclusive), or an end \"YYYY-MM-DD HH:MM\".") var to: String
    @Option(help: "A note (e.g. conference).") var note = ""

    func run() throws {
        try global.run { ctx in
            let doctor = try ctx.account(doctor, role: .doctor)
            let zone = try ctx.timeZone()
            let start = try LocalDate(from).map { zone.startOfDay($0) } ?? LocalInput.instant(from, in: zone)
            let end = try LocalDate(to).map { zone.startOfDay($0.adding(days: 1)) } ?? LocalInput.instant(to, in: zone)
            try ctx.store.addTimeOff(doctorID: doctor.id, from: start, to: end, note: note, by: .shell)
            if ctx.json {
                JSONOutput.print(["time_off": ["doctor": doctor.email, "from": zone.iso8601(start), "to": zone.iso8601(end), "note": note]])
            } else {
                TextOutput.line("\(doctor.name) is off from \(zone.iso8601(start)) to \(zone.iso8601(end))")
            }
        }
    }
}

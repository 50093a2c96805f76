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

struct UserTimeOffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "time-off",
        abstract: "Give a doctor time off: whole days (--from D --to D, inclusive) or part of a day (\"D HH:MM\"); --list it; --remove ID.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The doctor: email, phone or id.") var doctor: String
    @Option(help: "First day YYYY-MM-DD, or a start \"YYYY-MM-DD HH:MM\".") var from: String?
    @Option(help: "Last day YYYY-MM-DD (inclusive), or an end \"YYYY-MM-DD HH:MM\".") var to: String?
    @Option(help: "A note (e.g. conference).") var note = ""
    @Flag(help: "List the doctor's time off (with ids), earliest first.") var list = false
    @Option(help: "Remove the time off with this id (from --list); its slots open again.") var remove: Int64?

    func validate() throws {
        let adding = from != nil || to != nil
        guard [adding, list, remove != nil].filter({ $0 }).count == 1 else {
            throw ValidationError("give --from and --to to add time off, or --list, or --remove ID")
        }
        if adding, from == nil || to == nil { throw ValidationError("time off needs both --from and --to") }
    }

    func run() throws {
        try global.run { ctx in
            let doctor = try ctx.account(doctor, role: .doctor)
            let zone = try ctx.timeZone()
            if list {
                let entries = try ctx.store.timeOff(doctorID: doctor.id)
                if ctx.json {
                    JSONOutput.print(TimeOffListJSON(doctor: doctor.contact, time_off: entries.map { TimeOffJSON($0, zone: zone) }))
                } else if entries.isEmpty {
                    TextOutput.line("\(doctor.name) has no time off")
                } else {
                    var table = TextTable(["ID", "WHEN", "NOTE"])
                    for e in entries { table.add([String(e.id), e.span(in: zone), e.note]) }
                    TextOutput.block(table.rendered)
                }
                return
            }
            if let id = remove {
                let gone = try ctx.store.removeTimeOff(id: id, doctorID: doctor.id, by: .shell)
                if ctx.json {
                    JSONOutput.print(["removed": TimeOffJSON(gone, zone: zone)])
                } else {
                    TextOutput.line("\(doctor.name) is no longer off \(gone.span(in: zone))")
                }
                return
            }
            let start = try LocalDate(from!).map { zone.startOfDay($0) } ?? LocalInput.instant(from!, in: zone)
            let end = try LocalDate(to!).map { zone.startOfDay($0.adding(days: 1)) } ?? LocalInput.instant(to!, in: zone)
            let id = try ctx.store.addTimeOff(doctorID: doctor.id, from: start, to: end, note: note, by: .shell)
            let added = TimeOff(id: id, doctorID: doctor.id, start: start, end: end, note: note)
            if ctx.json {
                JSONOutput.print(["time_off": TimeOffJSON(added, zone: zone)])
            } else {
                TextOutput.line("\(doctor.name) is off \(added.span(in: zone)) (time off \(id))")
            }
        }
    }
}

/// A doctor's time off for scripts.
struct TimeOffListJSON: Encodable {
    let doctor: String
    let time_off: [TimeOffJSON]
}

/// One stretch of time off for scripts: its id, the instants, and the span as entered.
struct TimeOffJSON: Encodable {
    let id: Int64, from: String, to: String, span: String, note: String
    init(_ t: TimeOff, zone: ClinicTimeZone) {
        id = t.id; from = zone.iso8601(t.start); to = zone.iso8601(t.end); span = t.span(in: zone); note = t.note
    }
}

import ArgumentParser
import ClinicCore

/// `clinic slots --doctor D --date YYYY-MM-DD`, and `clinic slots --next
/// [--specialization S | --doctor D] [--from D] [--limit 5]`: the earliest
/// free slots across doctors (`SlotsCommand+Next.swift`).
struct SlotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slots", abstract: "A doctor's free and taken slots on a local date, or the next free slots across doctors.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The doctor: email, phone or id.") var doctor: String?
    @Option(help: "The clinic's local date, YYYY-MM-DD.") var date: String?
    @Flag(help: "The earliest free slots from --from on (default today), across the doctors of --specialization, or --doctor, or all.")
    var next = false
    @Option(help: "With --next: only doctors of this specialization.") var specialization: String?
    @Option(help: "With --next: search from this local date, YYYY-MM-DD (default today).") var from: String?
    @Option(help: "With --next: how many slots (1–100, default 5).") var limit: Int?
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try global.run { ctx in
            if next { return try runNext(ctx) }
            guard specialization == nil, from == nil, limit == nil else {
                throw ClinicError(.invalidInput, "--specialization, --from and --limit go with --next")
            }
            guard let reference = self.doctor, let date else {
                throw ClinicError(
                    .invalidInput, "give --doctor and --date for a doctor's day, or --next for the earliest free slots (see `clinic slots --help`)")
            }
            let doctor = try ctx.account(reference, role: .doctor)
            let day = try LocalInput.date(date)
            let slots = try ctx.store.slots(doctorID: doctor.id, on: day, viewer: try actor.actor(ctx))
            let zone = slots.timeZone
            if ctx.json {
                JSONOutput.print(
                    SlotsJSON(
                        doctor: .init(id: doctor.id, name: doctor.name, email: doctor.contact), date: day.description,
                        timezone: zone.identifier,
                        slots: slots.entries.map { .init(start: zone.iso8601($0.slot.start), end: zone.iso8601($0.slot.end), free: $0.free, code: $0.code) }))
                return
            }
            TextOutput.line("\(doctor.name), \(day) (\(day.weekday.shortName)), \(zone.identifier)")
            if slots.entries.isEmpty { TextOutput.line("no slots") }
            for e in slots.entries {
                let start = zone.local(e.slot.start), end = zone.local(e.slot.end)
                // Across a clock change the end has its own offset: 01:30 -04:00 – 01:00 -05:00.
                let span =
                    start.offsetSeconds == end.offsetSeconds
                    ? "\(start.time)-\(end.time) \(LocalDateTime.offsetText(start.offsetSeconds))"
                    : "\(start.time) \(LocalDateTime.offsetText(start.offsetSeconds))-\(end.time) \(LocalDateTime.offsetText(end.offsetSeconds))"
                TextOutput.line("\(span)  " + (e.free ? "free" : "taken" + (e.code.map { " \($0)" } ?? "")))
            }
        }
    }

    struct SlotsJSON: Encodable {
        struct Doctor: Encodable { let id: Int64; let name: String; let email: String }
        struct Entry: Encodable {
            let start: String; let end: String; let free: Bool; let code: String?
            func encode(to encoder: Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encode(start, forKey: .start); try c.encode(end, forKey: .end)
                try c.encode(free, forKey: .free); try c.encode(code, forKey: .code)  // null, not absent
            }
            enum CodingKeys: String, CodingKey { case start, end, free, code }
        }
        let doctor: Doctor; let date: String; let timezone: String; let slots: [Entry]
    }
}

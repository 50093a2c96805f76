import ArgumentParser
import ClinicCore
import Foundation

/// `clinic appointments [--doctor D] [--patient P] [--date D | --from D --to D] [--status S]`.
struct AppointmentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "appointments", abstract: "List appointments.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this doctor's.") var doctor: String?
    @Option(help: "Only this patient's.") var patient: String?
    @Option(help: "One local date YYYY-MM-DD.") var date: String?
    @Option(help: "From this local date (inclusive).") var from: String?
    @Option(help: "To this local date (inclusive).") var to: String?
    @Option(help: "Only this status.") var status: AppointmentStatus?
    @Option(help: "At most this many.") var limit = 1000
    @Option(help: "The one appointment with this code (e.g. K7QX2M); no other filter.") var code: String?

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try global.run { ctx in
            let zone = try ctx.timeZone()
            var filter = AppointmentFilter(limit: limit + 1)  // one more, to know whether the list was cut
            if let d = doctor { filter.doctorID = try ctx.account(d, role: .doctor).id }
            if let p = patient { filter.patientID = try ctx.account(p, role: .patient).id }
            filter.status = status
            if date != nil && (from != nil || to != nil) {
                throw ClinicError(.invalidInput, "use --date or --from/--to, not both")
            }
            if let d = try (date ?? from).map(LocalInput.date) { filter.from = zone.startOfDay(d) }
            if let d = try (date ?? to).map(LocalInput.date) { filter.to = zone.startOfDay(d.adding(days: 1)) }
            if code != nil, doctor != nil || patient != nil || date != nil || from != nil || to != nil || status != nil {
                throw ClinicError(.invalidInput, "--code finds one appointment: give it alone")
            }
            var list = try code.map { [try ctx.store.appointment(code: $0)] } ?? ctx.store.appointments(filter)
            let more = list.count > limit
            if more { list.removeLast() }
            if ctx.json {
                JSONOutput.print(AppointmentListJSON(appointments: list.map { AppointmentJSON($0, zone: zone) }, more: more))
                return
            }
            var table = TextTable(["CODE", "DATE", "TIME", "DOCTOR", "PATIENT", "STATUS", "REASON"])
            for a in list {
                let start = zone.local(a.start)
                table.add([
                    a.code, start.date.description, zone.unambiguousTime(a.start), a.doctor.name, a.patient.name,
                    a.status.rawValue, String(a.reason.prefix(40)),
                ])
            }
            TextOutput.block(list.isEmpty ? "no appointments" : table.rendered)
            if more {
                TextOutput.errorLine(
                    "clinic: the first \(limit) are shown, oldest first; narrow with --from/--to, --date, --doctor, --patient or --status, or raise --limit")
            }
        }
    }
}

/// `appointments --json`: the list, and whether `--limit` cut it.
private struct AppointmentListJSON: Encodable {
    let appointments: [AppointmentJSON]
    let more: Bool
}

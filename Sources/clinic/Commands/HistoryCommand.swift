import ArgumentParser
import ClinicCore

/// `clinic history PATIENT`: a patient's visits at the clinic, every doctor's,
/// oldest first, with the doctors' notes for those who may read them.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A patient's visits at the clinic with their status, and the doctors' notes (doctors and admins).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The patient: email, phone or id.") var patient: String
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try global.run { ctx in
            let zone = try ctx.timeZone()
            let patient = try ctx.account(patient, role: .patient)
            let visits = try ctx.store.visitHistory(patientID: patient.id, by: try actor.actor(ctx))
            if ctx.json {
                JSONOutput.print(HistoryJSON(visits: visits.map { VisitJSON(appointment: AppointmentJSON($0.appointment, zone: zone), note: $0.note) }))
                return
            }
            guard !visits.isEmpty else { return TextOutput.line("\(patient.name) has no visits") }
            var table = TextTable(["CODE", "DATE", "TIME", "DOCTOR", "STATUS", "REASON"])
            for v in visits {
                let a = v.appointment
                table.add([a.code, zone.local(a.start).date.description, zone.unambiguousTime(a.start), a.doctor.name, a.status.rawValue, a.reason])
            }
            TextOutput.block(table.rendered)
            for v in visits {
                guard let note = v.note else { continue }
                let lines = note.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
                TextOutput.block("note on \(v.appointment.code) by \(v.appointment.doctor.name):\n" + lines.joined(separator: "\n"))
            }
        }
    }

    struct HistoryJSON: Encodable { let visits: [VisitJSON] }
    /// One visit; `note` is null when there is none or the account may not read notes.
    struct VisitJSON: Encodable {
        let appointment: AppointmentJSON
        let note: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(appointment, forKey: .appointment)
            try c.encode(note, forKey: .note)  // null, not left out
        }
        enum CodingKeys: String, CodingKey { case appointment, note }
    }
}

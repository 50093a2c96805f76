import ArgumentParser
import ClinicCore

/// `clinic waitlist …`: patients waiting for an earlier visit; a slot that
/// frees up is offered to the first in line by SMS (`TAKE <code>`).
struct WaitlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waitlist", abstract: "Patients waiting for an earlier visit; freed slots are offered to them by SMS.",
        subcommands: [WaitlistAddCommand.self, WaitlistListCommand.self, WaitlistRemoveCommand.self, WaitlistOfferCommand.self])
}

/// `clinic waitlist add --patient P (--doctor D | --specialization S) --from DATE --to DATE [--reason R]`.
struct WaitlistAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Put a patient on the waitlist for a doctor or a specialization, between two days.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The patient: email, phone or id.") var patient: String
    @Option(help: "The doctor: email, phone or id.") var doctor: String?
    @Option(help: "Any doctor of this specialization.") var specialization: String?
    @Option(help: "The first day a visit may be on (YYYY-MM-DD, the clinic's zone).") var from: String
    @Option(help: "The last day a visit may be on (YYYY-MM-DD).") var to: String
    @Option(help: "The reason the visit will carry (default: From the waitlist).") var reason = ""
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try global.run { ctx in
            guard (doctor == nil) != (specialization == nil) else {
                throw ClinicError(.invalidInput, "give --doctor or --specialization (one of them)")
            }
            let patient = try ctx.account(patient, role: .patient)
            let target: WaitlistTarget = try doctor.map { .doctor(try ctx.account($0, role: .doctor).id) } ?? .specialization(specialization ?? "")
            let entry = try ctx.store.joinWaitlist(
                WaitlistRequest(
                    patientID: patient.id, target: target, from: try LocalInput.date(from), to: try LocalInput.date(to), reason: reason),
                by: try actor.actor(ctx))
            let zone = try ctx.timeZone()
            if ctx.json { return JSONOutput.print(WaitlistEntryJSON(entry, zone: zone)) }
            TextOutput.line(
                "waitlist entry \(entry.id): \(entry.patient.name) waits for \(entry.wanted) from \(entry.from) to \(entry.to)"
                    + (entry.position.map { ", number \($0) in line" } ?? ""))
        }
    }
}

/// `clinic waitlist list [--doctor D] [--patient P] [--all] [--json]`.
struct WaitlistListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Who waits, first in line first, and the offers they have open.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Those waiting for this doctor (or any doctor of their specialization).") var doctor: String?
    @Option(help: "Only this patient's.") var patient: String?
    @Flag(help: "Also the entries booked, removed or past their days.") var all = false
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try global.run { ctx in
            let zone = try ctx.timeZone()
            let entries = try ctx.store.waitlist(
                doctorID: try doctor.map { try ctx.account($0, role: .doctor).id },
                patientID: try patient.map { try ctx.account($0, role: .patient).id }, includeClosed: all, by: try actor.actor(ctx))
            if ctx.json { return JSONOutput.print(["entries": entries.map { WaitlistEntryJSON($0, zone: zone) }]) }
            guard !entries.isEmpty else { return TextOutput.line("no one is waiting") }
            var table = TextTable(["ID", "#", "PATIENT", "PHONE", "FOR", "FROM", "TO", "STATE", "OFFER"])
            for e in entries {
                let offer = e.openOffer.map {
                    "\($0.code) \(zone.local($0.start).date) \(zone.unambiguousTime($0.start)) until \(zone.unambiguousTime($0.expiresAt))"
                }
                table.add([
                    String(e.id), e.position.map(String.init) ?? "-", e.patient.name, e.patient.phone ?? "—", e.wanted,
                    e.from.description, e.to.description, e.position == nil && e.state == .waiting ? "past" : e.state.rawValue,
                    offer ?? e.appointmentCode ?? "-",
                ])
            }
            TextOutput.block(table.rendered)
        }
    }
}

/// `clinic waitlist remove ID`.
struct WaitlistRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Take an entry off the waitlist (an open offer is withdrawn and goes to the next).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The entry's id (`clinic waitlist list`).") var id: Int64
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try global.run { ctx in
            let entry = try ctx.store.removeFromWaitlist(id: id, by: try actor.actor(ctx))
            if ctx.json { return JSONOutput.print(WaitlistEntryJSON(entry, zone: try ctx.timeZone())) }
            TextOutput.line("waitlist entry \(entry.id) removed: \(entry.patient.name) no longer waits for \(entry.wanted)")
        }
    }
}

/// `clinic waitlist offer ID [--start TIME] [--doctor D]`: the desk offers a slot by hand.
struct WaitlistOfferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offer", abstract: "Offer a free slot to one waiting patient by SMS (default: the earliest free in their days).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The entry's id (`clinic waitlist list`).") var id: Int64
    @Option(help: "The slot's start (local YYYY-MM-DDTHH:MM or ISO 8601 with offset).") var start: String?
    @Option(help: "The doctor, for an entry waiting for a specialization.") var doctor: String?
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try global.run { ctx in
            let zone = try ctx.timeZone()
            let offer = try ctx.store.offerWaitlistSlot(
                entryID: id, doctorID: try doctor.map { try ctx.account($0, role: .doctor).id },
                start: try start.map { try LocalInput.instant($0, in: zone) }, by: try actor.actor(ctx))
            if ctx.json { return JSONOutput.print(WaitlistOfferJSON(offer, zone: zone)) }
            TextOutput.line(
                "offer \(offer.code): \(offer.doctor.name) on \(NoticeText.when(offer.start, zone)), "
                    + "texted; open until \(zone.unambiguousTime(offer.expiresAt))")
        }
    }
}

/// One entry as `--json` prints it.
struct WaitlistEntryJSON: Encodable {
    struct Person: Encodable { let id: Int64; let name: String; let phone: String? }
    let id: Int64
    let patient: Person
    let doctor: Person?
    let specialization: String?
    let from: String, to: String, reason: String, state: String
    let position: Int?
    let offer: WaitlistOfferJSON?
    let offers: Int
    let appointmentCode: String?
    let createdAt: String

    init(_ e: WaitlistEntry, zone: ClinicTimeZone) {
        id = e.id
        patient = Person(id: e.patient.id, name: e.patient.name, phone: e.patient.phone)
        doctor = e.doctor.map { Person(id: $0.id, name: $0.name, phone: nil) }
        specialization = e.specialization
        from = e.from.description; to = e.to.description; reason = e.reason; state = e.state.rawValue
        position = e.position; offer = e.openOffer.map { WaitlistOfferJSON($0, zone: zone) }; offers = e.offers
        appointmentCode = e.appointmentCode; createdAt = zone.iso8601(e.createdAt)
    }

    enum CodingKeys: String, CodingKey {
        case id, patient, doctor, specialization, from, to, reason, state, position, offer, offers, appointmentCode, createdAt
    }

    /// What is missing is `null`, not left out.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(patient, forKey: .patient); try c.encode(doctor, forKey: .doctor)
        try c.encode(specialization, forKey: .specialization); try c.encode(from, forKey: .from); try c.encode(to, forKey: .to)
        try c.encode(reason, forKey: .reason); try c.encode(state, forKey: .state); try c.encode(position, forKey: .position)
        try c.encode(offer, forKey: .offer); try c.encode(offers, forKey: .offers)
        try c.encode(appointmentCode, forKey: .appointmentCode); try c.encode(createdAt, forKey: .createdAt)
    }
}

/// One offer as `--json` prints it.
struct WaitlistOfferJSON: Encodable {
    let id: Int64, code: String, entryId: Int64, doctorId: Int64, doctor: String
    let start: String, end: String, state: String, offeredAt: String, expiresAt: String
    let byHand: Bool
    let outcome: String?

    init(_ o: WaitlistOffer, zone: ClinicTimeZone) {
        id = o.id; code = o.code; entryId = o.entryID; doctorId = o.doctor.id; doctor = o.doctor.name
        start = zone.iso8601(o.start); end = zone.iso8601(o.end); state = o.state.rawValue
        offeredAt = zone.iso8601(o.offeredAt); expiresAt = zone.iso8601(o.expiresAt); byHand = o.offeredBy != nil; outcome = o.outcome
    }

    enum CodingKeys: String, CodingKey { case id, code, entryId, doctorId, doctor, start, end, state, offeredAt, expiresAt, byHand, outcome }

    /// What is missing is `null`, not left out.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id); try c.encode(code, forKey: .code); try c.encode(entryId, forKey: .entryId)
        try c.encode(doctorId, forKey: .doctorId); try c.encode(doctor, forKey: .doctor); try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end); try c.encode(state, forKey: .state); try c.encode(offeredAt, forKey: .offeredAt)
        try c.encode(expiresAt, forKey: .expiresAt); try c.encode(byHand, forKey: .byHand); try c.encode(outcome, forKey: .outcome)
    }
}

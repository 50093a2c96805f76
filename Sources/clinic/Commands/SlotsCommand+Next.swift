import ClinicCore

/// `clinic slots --next [--specialization S | --doctor D] [--from D] [--limit 5]`:
/// the earliest free slots across doctors, earliest first (a tie by the
/// doctor's name); text in the clinic's local time, JSON in ISO 8601 with the offset.
extension SlotsCommand {
    func runNext(_ ctx: CommandContext) throws {
        guard date == nil else {
            throw ClinicError(.invalidInput, "--next searches day by day from --from (default today); give --from instead of --date")
        }
        guard doctor == nil || specialization == nil else {
            throw ClinicError(.invalidInput, "give --specialization or --doctor, not both")
        }
        let limit = self.limit ?? 5
        guard (1...ClinicStore.nextFreeSlotsMaxLimit).contains(limit) else {
            throw ClinicError(.invalidInput, "--limit must be 1–\(ClinicStore.nextFreeSlotsMaxLimit)")
        }
        let from = try self.from.map(LocalInput.date)
        _ = try actor.actor(ctx)  // `--as` must name an account the shell may act as; free slots carry no codes
        let scope: SlotSearchScope =
            try doctor.map { .doctor(try ctx.account($0, role: .doctor).id) } ?? specialization.map { .specialization($0) } ?? .anyDoctor
        let found = try ctx.store.nextFreeSlots(scope, from: from, limit: limit)
        let zone = found.timeZone
        if ctx.json {
            JSONOutput.print(
                NextSlotsJSON(
                    timezone: zone.identifier, from: found.from.description, through: found.through.description,
                    slots: found.entries.map {
                        .init(
                            doctor: .init(id: $0.doctor.id, name: $0.doctor.name, specialization: $0.doctor.specialization),
                            start: zone.iso8601($0.slot.start), end: zone.iso8601($0.slot.end))
                    }))
            return
        }
        let days = found.through.daysSinceEpoch - found.from.daysSinceEpoch + 1
        guard !found.entries.isEmpty else {
            TextOutput.line("no free slot from \(found.from) through \(found.through) (\(days) days searched)")
            return
        }
        var table = TextTable(["DATE", "DAY", "TIME", "DOCTOR", "SPECIALIZATION"])
        for e in found.entries {
            let start = zone.local(e.slot.start)
            table.add([
                start.date.description, start.date.weekday.shortName,
                zone.unambiguousTime(e.slot.start) + "-" + zone.unambiguousTime(e.slot.end), e.doctor.name, e.doctor.specialization,
            ])
        }
        TextOutput.block(table.rendered)
        if found.exhausted {
            TextOutput.line("only \(found.entries.count) free from \(found.from) through \(found.through) (\(days) days searched)")
        }
    }

    /// `{"timezone", "from", "through", "slots": [{"doctor": {id, name, specialization}, "start", "end"}]}`.
    struct NextSlotsJSON: Encodable {
        struct Doctor: Encodable { let id: Int64; let name: String; let specialization: String }
        struct Entry: Encodable { let doctor: Doctor; let start: String; let end: String }
        let timezone: String; let from: String; let through: String; let slots: [Entry]
    }
}

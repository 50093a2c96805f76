import ArgumentParser
import ClinicCore

/// `clinic stats [--doctor D] [--group-by month|day] [--limit 10]`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Appointments per local month or day, by status, with no-show rate and utilisation.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "One doctor (email, phone or id); default: the whole clinic.") var doctor: String?
    @Option(help: "Periods of a local month or day.") var groupBy: StatsGrouping = .month
    @Option(help: "At most this many periods, newest first.") var limit = 10
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try global.run { ctx in
            let account = try doctor.map { try ctx.account($0, role: .doctor) }
            let stats = try ctx.store.stats(doctorID: account?.id, grouping: groupBy, limit: limit, by: try actor.actor(ctx))
            if ctx.json {
                JSONOutput.print(StatsJSON(stats, doctor: account))
            } else {
                TextOutput.block(StatsTable.render(stats, title: account.map { "\($0.name)" } ?? "Whole clinic"))
            }
        }
    }
}

/// The stats document for scripts.
struct StatsJSON: Encodable {
    struct Counts: Encodable {
        let total: Int
        let by_status: [String: Int]
        let no_show_rate: Double?
        init(_ c: StatsCounts) {
            total = c.total
            by_status = Dictionary(uniqueKeysWithValues: c.byStatus.map { ($0.key.rawValue, $0.value) })
            no_show_rate = c.noShowRate
        }
    }
    struct Period: Encodable {
        let period: String; let start: String; let end: String
        let total: Int; let by_status: [String: Int]; let no_show_rate: Double?
        let booked: Int; let offered_slots: Int; let utilisation: Double?
    }
    let doctor: String?
    let group_by: String
    let timezone: String
    let periods: [Period]
    let overall: Counts

    init(_ s: ClinicStats, doctor: Account?) {
        self.doctor = doctor?.email
        group_by = s.grouping.rawValue; timezone = s.timeZone.identifier; overall = Counts(s.overall)
        periods = s.periods.map { p in
            let c = Counts(p.counts)
            return Period(
                period: p.label, start: s.timeZone.iso8601(p.start), end: s.timeZone.iso8601(p.end), total: c.total,
                by_status: c.by_status, no_show_rate: c.no_show_rate, booked: p.counts.booked,
                offered_slots: p.offeredSlots, utilisation: p.utilisation)
        }
    }
}

/// The stats table with a small bar per period.
enum StatsTable {
    static func render(_ s: ClinicStats, title: String) -> String {
        var table = TextTable(["PERIOD", "TOTAL", "SCHED", "CONF", "IN", "DONE", "CANC", "NOSHOW", "NOSHOW%", "UTIL%", ""])
        let widest = max(1, s.periods.map(\.counts.total).max() ?? 1)
        for p in s.periods {
            let c = p.counts.byStatus
            let bar = String(repeating: "█", count: Int((Double(p.counts.total) / Double(widest) * 20).rounded()))
            table.add([
                p.label, "\(p.counts.total)", "\(c[.scheduled]!)", "\(c[.confirmed]!)", "\(c[.checkedIn]!)",
                "\(c[.completed]!)", "\(c[.cancelled]!)", "\(c[.noShow]!)", percent(p.counts.noShowRate),
                percent(p.utilisation), bar,
            ])
        }
        let o = s.overall
        return "\(StoredText.neutralised(title)) — by \(s.grouping.rawValue) (\(s.timeZone.identifier))\n"
            + (s.periods.isEmpty ? "no appointments" : table.rendered)
            + "\noverall: \(o.total) appointments, no-show rate \(percent(o.noShowRate))"
    }

    private static func percent(_ v: Double?) -> String {
        guard let v else { return "—" }
        return String(Int((v * 100).rounded())) + "%"
    }
}

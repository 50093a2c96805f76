import ClinicCore
@_spi(Tooling) import ClinicTUI
import Foundation

/// Key press to repainted frame in the TUI, in-process, on the slots
/// benchmark's database (a million appointments): the day view of the
/// busiest doctor (the kiosk's slot picker), `]` / `[` to the next / previous
/// day (re-reads the day from the database) and `↓` (moves the selection),
/// each followed by a full paint of a 120×40 frame into the cell buffer.
enum TUIBench {
    static func run(dir: String, appointments: Int, days: Int) throws -> [String: Any] {
        let (path, _) = try SlotsBench.database(dir: dir, appointments: appointments)
        guard let zone = ClinicTimeZone(identifier: BenchClinic.zoneID) else { throw BenchError("unknown zone") }
        let now = Date(timeIntervalSince1970: TimeInterval(zone.startOfDay(SlotsDatabaseBuilder.splitDay)))
        let store = try ClinicStore(path: path, clock: ManualClock(now))
        defer { try? store.close() }
        let busy = try store.reader.read { db in
            try Int64.fetchOne(db, sql: "SELECT account_id FROM doctor_profile ORDER BY account_id LIMIT 1")!
        }
        guard let doctor = try store.bookableDoctors().first(where: { $0.id == busy }),
            let patient = try store.accounts(role: .patient).first
        else { throw BenchError("tui: no doctor or patient") }
        let context = try AppContext(store: store, mode: .kiosk)
        context.account = patient
        let core = AppCore(context: context)
        let opened = Stopwatch.now()
        let view = BookSlotModel(context, doctor: doctor)
        core.open(model: view)
        let openSeconds = Stopwatch.seconds(since: opened)
        var buffer = CellBuffer(width: 120, height: 40)
        func frame(_ key: Key) -> UInt64 {
            let t0 = Stopwatch.now()
            core.press(key, at: 0)
            buffer = CellBuffer(width: 120, height: 40)
            core.paint(into: &buffer, localTime: "Wed 01 Jul 2026 00:00")
            return Stopwatch.now() &- t0
        }
        for _ in 0..<20 { _ = frame(.char("]")); _ = frame(.char("[")) }
        var dayKeys: [UInt64] = [], moveKeys: [UInt64] = [], slotsShown = 0
        for key in [Key.char("]"), .char("[")] {
            for _ in 0..<days {
                dayKeys.append(frame(key))
                slotsShown += view.slots.count
            }
        }
        for _ in 0..<(2 * days) { moveKeys.append(frame(.down)) }
        let day = Percentiles(nanoseconds: dayKeys), move = Percentiles(nanoseconds: moveKeys)
        return [
            "appointments": appointments, "database": path, "frame": "120x40", "open_day_view_ms": rounded(openSeconds * 1000, 2),
            "day_key_presses": dayKeys.count, "mean_slots_per_day": rounded(Double(slotsShown) / Double(dayKeys.count), 1),
            "day_key_p50_ms": rounded(day.p50 / 1000, 3), "day_key_p99_ms": rounded(day.p99 / 1000, 3),
            "day_key_max_ms": rounded(day.max / 1000, 3),
            "move_key_p50_ms": rounded(move.p50 / 1000, 3), "move_key_p99_ms": rounded(move.p99 / 1000, 3),
            "move_key_max_ms": rounded(move.max / 1000, 3),
            "target_ms": 16, "meets_target": day.p99 / 1000 < 16 && move.p99 / 1000 < 16,
        ]
    }
}

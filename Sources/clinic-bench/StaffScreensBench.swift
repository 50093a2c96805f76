import ClinicCore
@_spi(Tooling) import ClinicTUI
import Foundation

/// Key press to repainted frame on every staff screen, in-process, on a
/// seeded clinic of `appointments` (the seed benchmark's database when it is
/// there, else seeded here), with the clock at the seed's "now": the desk's
/// board and what it opens (search, card, details, move, cancel, SMS panel),
/// the doctor's day and stats, the admin's console (staff, hours, time off,
/// settings, clinic stats). Then the board of a 50-doctor clinic painted alone.
/// Each sample is one `AppCore.press` plus a full paint of a 120×40 frame;
/// the clinic-wide stats, counted on another thread, are also timed from the
/// key press to the figures being ready (not a key-to-frame figure).
enum StaffScreensBench {
    /// The seed benchmark's clock (Thu 28 May 2026 in New York), so the seeded days surround "today".
    static let now = Date(timeIntervalSince1970: 1_780_000_000)

    static func run(dir: String, patients: Int, appointments: Int, repeats: Int) throws -> [String: Any] {
        let path = try seededDatabase(dir + "/seed.sqlite", doctors: 10, patients: patients, appointments: appointments)
        let store = try ClinicStore(path: path, clock: ManualClock(now))
        defer { try? store.close() }
        var screens = Samples()
        try desk(store, repeats: repeats, into: &screens)
        try doctor(store, repeats: repeats, into: &screens)
        try admin(store, repeats: repeats, into: &screens)
        let board50 = try boardOf50(dir: dir, repeats: repeats)

        let worst = screens.all.filter { !$0.key.contains("(background)") }.max { $0.value.p99 < $1.value.p99 }
        var json: [String: Any] = ["appointments": appointments, "patients": patients, "frame": "120x40", "target_ms": 16]
        json["keys"] = screens.all.mapValues { p in ["count": p.count, "p50_ms": ms(p.p50), "p99_ms": ms(p.p99), "max_ms": ms(p.max)] }
        json["worst_p99"] = worst.map { ["key": $0.key, "p99_ms": ms($0.value.p99)] }
        json["board_50_doctors"] = board50
        json["meets_target"] = (worst.map { $0.value.p99 / 1000 < 16 } ?? false) && (board50["meets_target"] as? Bool ?? false)
        return json
    }

    /// Samples per "screen: key" label.
    struct Samples {
        var raw: [String: [UInt64]] = [:]
        var all: [String: Percentiles] { raw.mapValues { Percentiles(nanoseconds: $0) } }

        /// Presses `key` on `core` and paints a frame: one sample under `label`.
        mutating func press(_ core: AppCore, _ key: Key, _ label: String) {
            let t0 = Stopwatch.now()
            core.press(key, at: 0)
            var buffer = CellBuffer(width: 120, height: 40)
            core.paint(into: &buffer, localTime: "Thu 28 May 2026 12:00")
            raw[label, default: []].append(Stopwatch.now() &- t0)
        }

        /// Types `text` one key at a time.
        mutating func type(_ core: AppCore, _ text: String, _ label: String) {
            for c in text { press(core, .char(c), label) }
        }
    }

    static func signedIn(_ store: ClinicStore, _ account: Account) throws -> AppCore {
        let context = try AppContext(store: store, mode: .staff)
        let core = AppCore(context: context)
        core.openHome(signedIn: account)
        return core
    }

    static func desk(_ store: ClinicStore, repeats: Int, into s: inout Samples) throws {
        guard let desk = try store.accounts(role: .receptionist).first else { throw BenchError("staff: no receptionist") }
        let core = try signedIn(store, desk)
        let names = try store.accounts(role: .patient).prefix(repeats).map { $0.name }
        for i in 0..<repeats {
            s.press(core, .down, "board: ↓")
            s.press(core, .char("]"), "board: ] next day")
            s.press(core, .char("["), "board: [ previous day")
            s.press(core, .enter, "board: Enter details")
            s.press(core, .escape, "details: Esc back to board")
            s.press(core, .char("r"), "board: r move visit")
            if core.top(as: RescheduleModel.self) != nil {
                s.press(core, .char("]"), "move: ] next day")
                s.press(core, .down, "move: ↓")
                s.press(core, .escape, "move: Esc back to board")
            }
            s.press(core, .char("m"), "board: m SMS panel")
            s.press(core, .tab, "sms: Tab next view")
            s.press(core, .escape, "sms: Esc back to board")
            // search by part of a patient's name, open the card, start booking
            s.press(core, .char("/"), "board: / find patient")
            let word = String(names[i % names.count].split(separator: " ").last?.prefix(4) ?? "mar")
            s.type(core, word.lowercased(), "search: type a letter")
            s.press(core, .backspace, "search: Backspace")
            s.press(core, .down, "search: ↓")
            s.press(core, .enter, "search: Enter patient card")
            s.press(core, .down, "card: ↓")
            s.press(core, .char("b"), "card: b book")
            s.press(core, .escape, "book: Esc back to card")
            s.press(core, .escape, "card: Esc back to search")
            s.press(core, .escape, "search: Esc back to board")
        }
    }

    static func doctor(_ store: ClinicStore, repeats: Int, into s: inout Samples) throws {
        let busiest = try store.reader.read { db in
            try Int64.fetchOne(db, sql: "SELECT doctor_id FROM appointment GROUP BY doctor_id ORDER BY COUNT(*) DESC LIMIT 1")
        }
        guard let id = busiest, let doctor = try store.accounts(role: .doctor).first(where: { $0.id == id }) else {
            throw BenchError("staff: no doctor")
        }
        let core = try signedIn(store, doctor)
        for _ in 0..<repeats {
            s.press(core, .down, "doctor day: ↓")
            s.press(core, .char("]"), "doctor day: ] next day")
            s.press(core, .char("["), "doctor day: [ previous day")
            s.press(core, .enter, "doctor day: Enter details")
            s.press(core, .escape, "details: Esc back to day")
            s.press(core, .char("g"), "doctor day: g my stats")
            s.press(core, .char("m"), "my stats: m month/day")
            s.press(core, .char("m"), "my stats: m month/day")
            s.press(core, .escape, "my stats: Esc back to day")
        }
    }

    static func admin(_ store: ClinicStore, repeats: Int, into s: inout Samples) throws {
        guard let admin = try store.accounts(role: .admin).first else { throw BenchError("staff: no admin") }
        let core = try signedIn(store, admin)
        func item(_ item: AdminHomeModel.Item) {
            while let home = core.top(as: AdminHomeModel.self), home.list.selected != item.rawValue {
                core.press(home.list.selected < item.rawValue ? .down : .up, at: 0)
            }
        }
        for _ in 0..<repeats {
            item(.staff)
            s.press(core, .enter, "admin: Enter staff accounts")
            s.press(core, .down, "staff: ↓")
            s.press(core, .char("h"), "staff: h hours")
            s.press(core, .escape, "hours: Esc back")
            s.press(core, .char("o"), "staff: o time off")
            s.press(core, .escape, "time off: Esc back")
            s.press(core, .escape, "staff: Esc back to console")
            item(.settings)
            s.press(core, .enter, "admin: Enter settings")
            s.press(core, .escape, "settings: Esc back to console")
            item(.stats)
            let asked = Stopwatch.now()
            s.press(core, .enter, "admin: Enter clinic stats")
            (core.top(as: StatsModel.self))?.waitForCount()  // both groupings, counted on another thread
            s.raw["clinic stats: Enter → figures counted (background)", default: []].append(Stopwatch.now() &- asked)
            s.press(core, .char("m"), "clinic stats: m month/day")
            s.press(core, .char("m"), "clinic stats: m month/day")
            s.press(core, .escape, "clinic stats: Esc back to console")
        }
    }

    /// The board of a clinic with 50 doctors, all booked up today: the paint alone and `↓`.
    static func boardOf50(dir: String, repeats: Int) throws -> [String: Any] {
        let path = try seededDatabase(dir + "/board50.sqlite", doctors: 50, patients: 5_000, appointments: 40_000)
        let store = try ClinicStore(path: path, clock: ManualClock(now))
        defer { try? store.close() }
        guard let desk = try store.accounts(role: .receptionist).first else { throw BenchError("board50: no receptionist") }
        let core = try signedIn(store, desk)
        guard let board = core.top(as: BoardModel.self) else { throw BenchError("board50: the desk does not land on the board") }
        var paints: [UInt64] = []
        for _ in 0..<(repeats * 10) {
            let t0 = Stopwatch.now()
            var buffer = CellBuffer(width: 120, height: 40)
            core.paint(into: &buffer, localTime: "Thu 28 May 2026 12:00")
            paints.append(Stopwatch.now() &- t0)
        }
        var keys = Samples()
        for _ in 0..<repeats { keys.press(core, .down, "↓"); keys.press(core, .char("]"), "]"); keys.press(core, .char("["), "[") }
        let paint = Percentiles(nanoseconds: paints), all = Percentiles(nanoseconds: keys.raw.values.flatMap { $0 })
        return [
            "doctors": board.doctorCount, "appointments_today": board.appointmentCount,
            "paint_p50_ms": ms(paint.p50), "paint_p99_ms": ms(paint.p99), "paint_max_ms": ms(paint.max),
            "key_p50_ms": ms(all.p50), "key_p99_ms": ms(all.p99), "key_max_ms": ms(all.max),
            "meets_target": paint.p99 / 1000 < 16 && all.p99 / 1000 < 16,
        ]
    }

    /// `path` seeded at this size, reused when it already holds that many appointments.
    static func seededDatabase(_ path: String, doctors: Int, patients: Int, appointments: Int) throws -> String {
        if FileManager.default.fileExists(atPath: path), let store = try? ClinicStore(path: path, clock: ManualClock(now)) {
            let count = try store.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appointment") ?? 0 }
            try store.close()
            if count == appointments { return path }
        }
        BenchFiles.removeDatabase(path)
        progress("staff: seeding \(appointments) appointments into \(path)")
        let store = try ClinicStore(
            path: path, clock: ManualClock(now), hasher: PasswordHasher(iterations: 1_000),
            settings: .init(name: "Staff Bench", timeZone: ClinicTimeZone(identifier: "America/New_York")))
        _ = try store.seed(SeedOptions(doctors: doctors, patients: patients, appointments: appointments, randomSeed: 1))
        try store.close()
        return path
    }

    static func ms(_ microseconds: Double) -> Double { rounded(microseconds / 1000, 3) }
}

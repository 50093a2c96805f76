import ClinicCore
import Foundation
import GRDB

/// Several OS processes (copies of this executable, `--worker`) booking the
/// same slots at once on one database file. Exactly one booking per slot must
/// win; every other attempt must be `slot_taken`.
enum ContentionBench {
    static func run(dir: String, executable: String, workers: Int, slots: Int, doctors: Int) throws -> [String: Any] {
        let path = dir + "/contention.sqlite"
        let syncDir = dir + "/contention-sync"
        try? FileManager.default.removeItem(atPath: syncDir)
        try FileManager.default.createDirectory(atPath: syncDir, withIntermediateDirectories: true)
        let planPath = syncDir + "/plan.json"
        let firstDay = LocalDate(year: 2026, month: 5, day: 4)!
        let now = BenchClinic.midnight(firstDay.adding(days: -1))

        let plan: ContentionPlan
        do {
            let clinic = try BenchClinic.create(path: path, now: now, doctors: doctors, patients: workers * doctors, maxActiveVisits: 0) { _ in
                ("mon-sun 08:00-18:00", 10)
            }
            var targets: [ContentionPlan.Target] = []
            var day = firstDay
            while targets.count < slots {
                for (d, doctor) in clinic.doctors.enumerated() {
                    let starts = try clinic.store.slots(doctorID: doctor.id, on: day, viewer: clinic.desk).entries.map(\.slot.start)
                    targets += starts.map { .init(doctorID: doctor.id, doctorIndex: d, start: $0) }
                }
                day = day.adding(days: 1)
            }
            targets = Array(targets.prefix(slots))
            let patients = (0..<workers).map { w in (0..<doctors).map { d in clinic.patients[w * doctors + d].id } }
            plan = ContentionPlan(
                databasePath: path, syncDirectory: syncDir, now: Int64(now.timeIntervalSince1970),
                seed: 20_260_504, targets: targets, patients: patients)
            try clinic.store.close()
        }
        try JSONEncoder().encode(plan).write(to: URL(fileURLWithPath: planPath))

        progress("contention: \(workers) processes × \(slots) slots")
        let children = (0..<workers).map { ChildProcess(executable: executable, arguments: ["--worker", planPath, "\($0)"]) }
        for child in children { try child.start() }
        defer { for child in children { child.terminate() } }
        let waitStart = Stopwatch.now()
        while !(0..<workers).allSatisfy({ FileManager.default.fileExists(atPath: plan.readyPath($0)) }) {
            if let dead = children.firstIndex(where: { !$0.isRunning }) {
                let output = children[dead].wait()
                throw BenchError("worker \(dead) exited (\(output.status)) before the start: \(output.stderr)")
            }
            guard Stopwatch.seconds(since: waitStart) < 120 else { throw BenchError("workers did not get ready in 120 s") }
            usleep(1_000)
        }
        let start = Stopwatch.now()
        guard FileManager.default.createFile(atPath: plan.goPath, contents: nil) else {
            throw BenchError("cannot create \(plan.goPath)")
        }
        var results: [ContentionWorkerResult] = []
        for (i, child) in children.enumerated() {
            let output = child.wait()
            guard output.status == 0,
                let line = output.stdout.split(separator: "\n").last,
                let result = try? JSONDecoder().decode(ContentionWorkerResult.self, from: Data(line.utf8))
            else {
                throw BenchError("worker \(i) failed (exit \(output.status)): \(output.stderr)")
            }
            results.append(result)
        }
        let wall = Stopwatch.seconds(since: start)

        let check = try verify(path: path, plan: plan)
        let booked = results.reduce(0) { $0 + $1.booked }
        let taken = results.reduce(0) { $0 + $1.slotTaken }
        var other: [String: Int] = [:]
        for r in results { other.merge(r.otherErrors, uniquingKeysWith: +) }
        let attempts = workers * plan.targets.count
        let exactlyOne =
            booked == plan.targets.count && check.activeRows == plan.targets.count
            && check.slotsWithOne == plan.targets.count && check.duplicates == 0 && check.strayRows == 0
        return [
            "processes": workers, "slots": plan.targets.count, "attempts": attempts,
            "successful_bookings": booked, "slot_taken": taken,
            "other_errors": other.values.reduce(0, +), "other_errors_by_code": other,
            "wall_seconds": rounded(wall, 3), "attempts_per_s": rounded(Double(attempts) / wall, 0),
            "bookings_per_s": rounded(Double(booked) / wall, 0),
            "exactly_one_per_slot": exactlyOne,
            "verification": [
                "active_rows": check.activeRows, "slots_with_one_active": check.slotsWithOne,
                "slots_with_duplicates": check.duplicates, "rows_outside_set": check.strayRows,
            ],
            "attempt_latency": Percentiles(nanoseconds: results.flatMap(\.latencies)).json,
            "worker_seconds": results.map { rounded($0.seconds, 3) },
        ]
    }

    /// Counts, straight from the database, how many active appointments hold each slot of the set.
    private static func verify(path: String, plan: ContentionPlan) throws -> (activeRows: Int, slotsWithOne: Int, duplicates: Int, strayRows: Int) {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            var perSlot: [String: Int] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT doctor_id, start_at, COUNT(*) FROM appointment
                    WHERE status IN ('scheduled','confirmed','checked_in') GROUP BY doctor_id, start_at
                    """)
            for row in rows { perSlot["\(row[0] as Int64)@\(row[1] as Int64)"] = row[2] }
            let active = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM appointment WHERE status IN ('scheduled','confirmed','checked_in')") ?? 0
            let keys = Set(plan.targets.map { "\($0.doctorID)@\($0.start)" })
            let one = keys.filter { perSlot[$0] == 1 }.count
            let duplicates = perSlot.values.filter { $0 > 1 }.count
            let stray = perSlot.keys.filter { !keys.contains($0) }.count
            return (active, one, duplicates, stray)
        }
    }
}

import Foundation

/// Runs the benchmarks in order, in one process, and assembles the report.
struct BenchRunner {
    let options: BenchOptions

    func run() throws -> [String: Any] {
        let sizes = options.quick ? BenchSizes.quick : BenchSizes.full
        let dir = try BenchFiles.prepareDirectory(options.dbDir)
        let machine = try BenchReport.machine()
        if machine["build"] as? String == "debug" { progress("warning: debug build; run with -c release for real figures") }
        var report: [String: Any] = [
            "benchmark": "clinic-bench",
            "machine": machine,
            "parameters": BenchReport.parameters(sizes, quick: options.quick, dbDir: dir),
        ]

        var raw: RawInsertBench.Result?
        if options.only.contains("raw") {
            progress("raw: \(sizes.rawInserts) single-row insert transactions")
            let result = try RawInsertBench.run(path: dir + "/raw.sqlite", inserts: sizes.rawInserts, warmup: sizes.warmup)
            progress("raw: \(Int(result.perSecond)) inserts/s")
            report["raw_sqlite_insert_per_s"] = rounded(result.perSecond, 0)
            report["raw"] = result.json
            raw = result
        }

        if options.only.contains("booking") {
            let booking = try BookingBench.run(path: dir + "/booking.sqlite", bookings: sizes.bookings, warmup: sizes.warmup,
                                               doctors: sizes.bookingDoctors, patients: sizes.bookingPatients)
            progress("booking: \(Int(booking.perSecond)) bookings/s")
            report["booking_per_s"] = rounded(booking.perSecond, 0)
            report["booking"] = booking.json
            if let raw {
                let ratio = booking.perSecond / raw.perSecond
                report["booking_to_raw_ratio"] = rounded(ratio, 3)
                report["booking_target_ratio"] = 0.5
                report["booking_meets_target"] = ratio >= 0.5
            }
        }

        if options.only.contains("contention") {
            let contention = try ContentionBench.run(dir: dir, executable: BenchFiles.executablePath(),
                                                     workers: sizes.contentionWorkers, slots: sizes.contentionSlots,
                                                     doctors: sizes.contentionDoctors)
            progress("contention: exactly one per slot: \(contention["exactly_one_per_slot"] ?? "?")")
            report["contention"] = contention
        }

        if options.only.contains("slots") {
            let slots = try SlotsBench.run(dir: dir, appointments: sizes.slotsAppointments, calls: sizes.slotsCalls,
                                           warmup: min(200, sizes.slotsCalls / 10))
            progress("slots: p99 \(slots["p99_us"] ?? "?") µs")
            report["slots_1m"] = slots
        }
        return report
    }
}

import Foundation

/// Runs every benchmark in order, in one process, and assembles the report.
struct BenchRunner {
    let options: BenchOptions

    func run() throws -> [String: Any] {
        let sizes = options.quick ? BenchSizes.quick : BenchSizes.full
        let dir = try BenchFiles.prepareDirectory(options.dbDir)
        let machine = try BenchReport.machine()
        if machine["build"] as? String == "debug" { progress("warning: debug build; run with -c release for real figures") }

        progress("raw: \(sizes.rawInserts) single-row insert transactions")
        let raw = try RawInsertBench.run(path: dir + "/raw.sqlite", inserts: sizes.rawInserts, warmup: sizes.warmup)
        progress("raw: \(Int(raw.perSecond)) inserts/s")

        let booking = try BookingBench.run(path: dir + "/booking.sqlite", bookings: sizes.bookings, warmup: sizes.warmup,
                                           doctors: sizes.bookingDoctors, patients: sizes.bookingPatients)
        progress("booking: \(Int(booking.perSecond)) bookings/s")

        let contention = try ContentionBench.run(dir: dir, executable: BenchFiles.executablePath(),
                                                 workers: sizes.contentionWorkers, slots: sizes.contentionSlots,
                                                 doctors: sizes.contentionDoctors)
        progress("contention: exactly one per slot: \(contention["exactly_one_per_slot"] ?? "?")")

        let slots = try SlotsBench.run(dir: dir, appointments: sizes.slotsAppointments, calls: sizes.slotsCalls,
                                       warmup: min(200, sizes.slotsCalls / 10))
        progress("slots: p99 \(slots["p99_us"] ?? "?") µs")

        let ratio = booking.perSecond / raw.perSecond
        return [
            "benchmark": "clinic-bench",
            "machine": machine,
            "parameters": BenchReport.parameters(sizes, quick: options.quick, dbDir: dir),
            "raw_sqlite_insert_per_s": rounded(raw.perSecond, 0),
            "booking_per_s": rounded(booking.perSecond, 0),
            "booking_to_raw_ratio": rounded(ratio, 3),
            "booking_target_ratio": 0.5,
            "booking_meets_target": ratio >= 0.5,
            "raw": raw.json,
            "booking": booking.json,
            "contention": contention,
            "slots_1m": slots,
        ]
    }
}

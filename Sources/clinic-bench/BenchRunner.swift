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

        if options.engine == "postgres" {
            guard !options.postgresURL.isEmpty else { throw BenchError("--engine postgres needs --postgres-url URL") }
            report["engine"] = "postgres"
            report["postgres"] = try PostgresBench.run(adminURL: options.postgresURL, dir: dir, sizes: sizes, only: options.only)
            return report
        }
        try runThroughput(sizes: sizes, dir: dir, into: &report)

        if options.only.contains("contention") {
            let contention = try ContentionBench.run(
                dir: dir, executable: BenchFiles.executablePath(),
                workers: sizes.contentionWorkers, slots: sizes.contentionSlots,
                doctors: sizes.contentionDoctors)
            progress("contention: exactly one per slot: \(contention["exactly_one_per_slot"] ?? "?")")
            report["contention"] = contention
        }

        if options.only.contains("slots") {
            let slots = try SlotsBench.run(
                dir: dir, appointments: sizes.slotsAppointments, calls: sizes.slotsCalls,
                warmup: min(200, sizes.slotsCalls / 10))
            progress("slots: p99 \(slots["p99_us"] ?? "?") µs")
            report["slots_1m"] = slots
            let nextFree = try NextFreeSlotBench.onSeededClinic(
                dir: dir, patients: sizes.seedPatients, appointments: sizes.seedAppointments, calls: sizes.slotsCalls,
                warmup: min(200, sizes.slotsCalls / 10))
            progress("next free slots, seeded clinic: \(nextFree.mapValues { ($0 as? [String: Any])?["p99_us"] ?? $0 })")
            report["next_free_slots_seeded_1m"] = nextFree
        }

        if options.only.contains("daysheet") {
            let sheet = try DaySheetBench.run(
                dir: dir, slotsAppointments: sizes.slotsAppointments, seedPatients: sizes.seedPatients,
                seedAppointments: sizes.seedAppointments, calls: options.quick ? 5 : 30)
            progress("day sheet: \(sheet)")
            report["day_sheet_1m"] = sheet
        }

        if options.only.contains("tui") {
            let tui = try TUIBench.run(dir: dir, appointments: sizes.slotsAppointments, days: options.quick ? 20 : 250)
            progress("tui: key to frame p99 \(tui["day_key_p99_ms"] ?? "?") ms (day), \(tui["move_key_p99_ms"] ?? "?") ms (move)")
            report["tui_1m"] = tui
            let typing = try TypingBench.run(dir: dir, appointments: sizes.slotsAppointments, keys: options.quick ? 400 : 4_000)
            progress("tui: typing p99 \(typing["edit_500_key_p99_ms"] ?? "?") ms (500 characters), paste 10k \(typing["paste_10k_into_field_ms"] ?? "?") ms")
            report["tui_typing"] = typing
        }

        if options.only.contains("seed") {
            let figures = try SeedStatsBench.run(
                dir: dir, patients: sizes.seedPatients, appointments: sizes.seedAppointments,
                statsCalls: sizes.statsCalls)
            for (key, value) in figures { report[key] = value }
        }

        if options.only.contains("staff") {
            let staff = try StaffScreensBench.run(
                dir: dir, patients: sizes.seedPatients, appointments: sizes.seedAppointments,
                repeats: options.quick ? 5 : 40)
            progress("staff screens: worst key p99 \(staff["worst_p99"] ?? "?")")
            report["staff_screens_1m"] = staff
        }

        if options.only.contains("auth") {
            let auth = try KioskSignInBench.run(dir: dir, rounds: options.quick ? 3 : 15)
            progress("kiosk sign-in: refusals' medians within \(auth["refusal_median_spread_percent"] ?? "?") %")
            report["kiosk_sign_in"] = auth
        }

        if options.only.contains("waitlist") {
            let waitlist = try WaitlistOfferBench.run(dir: dir, waiting: options.quick ? 1_000 : 10_000, calls: options.quick ? 100 : 1_000)
            progress("waitlist offer: \(waitlist["cancel_with_offer"] ?? "?")")
            report["waitlist_offer"] = waitlist
        }

        if options.only.contains("scheduler") {
            let tick = try SchedulerTickBench.run(appointments: sizes.tickAppointments, ticks: sizes.ticks)
            progress("scheduler tick: p99 \(tick.p99_ms) ms")
            report["scheduler_tick"] = [
                "appointments": tick.appointments, "ticks": tick.ticks, "median_ms": tick.median_ms,
                "p99_ms": tick.p99_ms, "max_ms": tick.max_ms, "target_ms": tick.target_ms,
            ]
        }
        return report
    }

    /// The raw baseline and the booking loop, alternated over `sizes.rounds`
    /// rounds so both meet the same machine; the median round of each is reported.
    private func runThroughput(sizes: BenchSizes, dir: String, into report: inout [String: Any]) throws {
        var raws: [RawInsertBench.Result] = []
        var bookings: [BookingBench.Result] = []
        var rows: [Double] = []
        for round in 1...sizes.rounds {
            if options.only.contains("raw") && options.only.contains("booking") {
                rows.append(try AppointmentRowBench.run(path: dir + "/rows.sqlite", inserts: sizes.rawInserts, warmup: sizes.warmup))
                progress("appointment rows: \(Int(rows.last!)) inserts/s")
            }
            if options.only.contains("raw") {
                progress("raw (round \(round)/\(sizes.rounds)): \(sizes.rawInserts) single-row insert transactions")
                let result = try RawInsertBench.run(path: dir + "/raw.sqlite", inserts: sizes.rawInserts, warmup: sizes.warmup)
                progress("raw: \(Int(result.perSecond)) inserts/s")
                raws.append(result)
            }
            if options.only.contains("booking") {
                progress("booking (round \(round)/\(sizes.rounds))")
                let result = try BookingBench.run(
                    path: dir + "/booking.sqlite", bookings: sizes.bookings, warmup: sizes.warmup,
                    doctors: sizes.bookingDoctors, patients: sizes.bookingPatients)
                progress("booking: \(Int(result.perSecond)) bookings/s")
                bookings.append(result)
            }
        }
        let raw = raws.sorted { $0.perSecond < $1.perSecond }.dropFirst(raws.count / 2).first
        let booking = bookings.sorted { $0.perSecond < $1.perSecond }.dropFirst(bookings.count / 2).first
        if let raw {
            report["raw_sqlite_insert_per_s"] = rounded(raw.perSecond, 0)
            var json = raw.json
            json["rounds_per_s"] = raws.map { rounded($0.perSecond, 0) }
            report["raw"] = json
        }
        if let booking {
            report["booking_per_s"] = rounded(booking.perSecond, 0)
            var json = booking.json
            json["rounds_per_s"] = bookings.map { rounded($0.perSecond, 0) }
            report["booking"] = json
        }
        if let booking, let row = rows.sorted().dropFirst(rows.count / 2).first {
            report["appointment_row_insert_per_s"] = rounded(row, 0)
            report["booking_to_appointment_row_ratio"] = rounded(booking.perSecond / row, 3)
        }
        if let raw, let booking {
            let ratio = booking.perSecond / raw.perSecond
            report["booking_to_raw_ratio"] = rounded(ratio, 3)
            report["booking_target_ratio"] = 0.5
            report["booking_meets_target"] = ratio >= 0.5
            report["booking_to_raw_ratio_by_round"] = zip(raws, bookings).map { rounded($1.perSecond / $0.perSecond, 3) }
        }
    }
}

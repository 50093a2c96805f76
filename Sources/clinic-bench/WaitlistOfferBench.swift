import ClinicCore
import Foundation

/// Offering a freed slot to the waitlist (issue 15): a cancellation's whole
/// transaction, which queues the offer to the first waiting patient who fits
/// before it commits (so from the commit to the offer being queued is zero),
/// timed call by call with `waiting` entries in the clinic, half for a doctor
/// and half for the specialization, their days spread over the next weeks.
/// Also: the same cancellations before anyone waits (the ratio is what the
/// waitlist costs), cancellations of slots on days no one waits for (the
/// search finds no one: its worst case), and one lapse-and-re-offer step of
/// the scheduler's pass.
enum WaitlistOfferBench {
    static func run(dir: String, waiting: Int, calls: Int) throws -> [String: Any] {
        let today = LocalDate(year: 2026, month: 3, day: 2)!
        let clinic = try BenchClinic.create(
            path: dir + "/waitlist.sqlite", now: BenchClinic.midnight(today).addingTimeInterval(7 * 3600), doctors: 200,
            patients: waiting + calls, maxActiveVisits: 0
        ) { _ in ("mon-fri 09:00-17:00", 30) }
        defer { try? clinic.store.close() }
        var rng = SplitMix64(seed: 15)
        let zone = clinic.timeZone
        let holders = Array(clinic.patients[waiting...])
        /// A random weekday slot `days` days ahead (0..<span), for a random doctor; booked for a holder.
        func bookedVisit(_ i: Int, day: LocalDate) throws -> Appointment {
            let doctor = clinic.doctors[Int(rng.next() % UInt64(clinic.doctors.count))]
            let minute = 9 * 60 + Int(rng.next() % 16) * 30
            let start = zone.instants(of: day, minute: minute).first!
            return try clinic.store.book(
                BookingRequest(doctorID: doctor.id, patientID: holders[i % holders.count].id, start: start, reason: "Bench"), by: clinic.desk)
        }
        func weekday(_ offset: Int) -> LocalDate {
            var d = today.adding(days: 1 + offset)
            while d.weekday == .saturday || d.weekday == .sunday { d = d.adding(days: 1) }
            return d
        }
        func timeCancels(_ n: Int, days: () -> LocalDate) throws -> (Percentiles, offered: Int) {
            var latencies: [UInt64] = [], offered = 0
            for i in 0..<n {
                let visit = try bookedVisit(i, day: days())
                let before = try clinic.store.smsLog(SMSLogFilter(limit: 1)).first?.id ?? 0
                let t0 = Stopwatch.now()
                _ = try clinic.store.transition(code: visit.code, to: .cancelled, by: clinic.desk)
                latencies.append(Stopwatch.now() &- t0)
                if try clinic.store.smsLog(SMSLogFilter(limit: 3)).contains(where: { $0.id > before && $0.kind == .waitlistOffer }) { offered += 1 }
            }
            return (Percentiles(nanoseconds: latencies), offered)
        }
        let baseline = try timeCancels(calls / 2) { weekday(Int(rng.next() % 40)) }
        progress("waitlist: \(waiting) entries joining")
        for (i, patient) in clinic.patients[..<waiting].enumerated() {
            let from = today.adding(days: Int(rng.next() % 30))
            let target: WaitlistTarget =
                i % 2 == 0 ? .doctor(clinic.doctors[Int(rng.next() % UInt64(clinic.doctors.count))].id) : .specialization("General practice")
            _ = try clinic.store.joinWaitlist(
                WaitlistRequest(patientID: patient.id, target: target, from: from, to: from.adding(days: 3 + Int(rng.next() % 18))),
                by: clinic.desk)
        }
        let offering = try timeCancels(calls) { weekday(Int(rng.next() % 40)) }
        let nobody = try timeCancels(calls / 2) { weekday(60 + Int(rng.next() % 40)) }  // past every entry's last day
        // One pass of the scheduler once the offers ran out: each lapses and goes to the next in line
        let lapse = clinic.clock.now().addingTimeInterval(16 * 60)
        let t0 = Stopwatch.now()
        let passed = try clinic.store.expireWaitlistOffers(now: Int64(lapse.timeIntervalSince1970), limit: 100_000)
        let pass = Stopwatch.now() &- t0
        var offeringJSON = offering.0.json
        offeringJSON["offers_made"] = offering.offered
        offeringJSON["target_p99_us"] = 50_000
        offeringJSON["meets_target"] = offering.0.p99 < 50_000
        var nobodyJSON = nobody.0.json
        nobodyJSON["offers_made"] = nobody.offered
        return [
            "waiting_entries": waiting, "doctors": clinic.doctors.count,
            "offer_queued_in_the_cancelling_transaction": true,
            "cancel_with_offer": offeringJSON,
            "cancel_no_one_fits": nobodyJSON,
            "cancel_before_anyone_waits": baseline.0.json,
            "p99_ratio_to_no_waitlist": rounded(offering.0.p99 / max(baseline.0.p99, 0.001), 2),
            "lapse_pass": [
                "offers_lapsed": passed.expired, "offers_made": passed.offered,
                "ms": rounded(Double(pass) / 1e6, 1),
                "us_per_lapse": passed.expired == 0 ? 0 : rounded(Double(pass) / 1e3 / Double(passed.expired), 1),
            ],
        ]
    }
}

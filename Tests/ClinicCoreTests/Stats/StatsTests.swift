@testable import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// Stats equal a brute-force count over the same rows, grouped by the clinic's
/// local calendar (computed here with Foundation's Calendar, independently of
/// the core's time-zone code), across a DST change and month ends.
@Suite struct StatsTests {
    /// Inserts appointments straight into the table (stats only read rows).
    private func insert(_ clinic: TestClinic, doctor: Int64, patient: Int64, starts: [(Int64, AppointmentStatus)]) throws {
        try clinic.store.pool.write { db in
            for (i, (start, status)) in starts.enumerated() {
                var n = Int(doctor) * 100_000 + i  // a unique code per row: n in base 31
                let code = String(
                    (0..<6).map { _ in
                        defer { n /= 31 }; return AppointmentCode.alphabet[n % 31]
                    })
                try db.execute(
                    sql: """
                        INSERT INTO appointment (code, doctor_id, patient_id, start_at, end_at, status, reason, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'r', 0, 0)
                        """, arguments: [code, doctor, patient, start, start + 60, status.rawValue])  // a minute: one patient, no overlaps
            }
        }
    }

    private func expected(_ rows: [(Int64, AppointmentStatus)], zone: String, grouping: StatsGrouping) -> [String: [AppointmentStatus: Int]] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        var result: [String: [AppointmentStatus: Int]] = [:]
        for (start, status) in rows {
            let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(start)))
            let label =
                grouping == .month
                ? String(format: "%04d-%02d", c.year!, c.month!)
                : String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            result[label, default: [:]][status, default: 0] += 1
        }
        return result
    }

    private func randomRows(count: Int, from: Int64, to: Int64, seed: UInt64) -> [(Int64, AppointmentStatus)] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (from + Int64(rng.below(Int(to - from) / 60)) * 60, rng.pick(AppointmentStatus.allCases))
        }
    }

    @Test(arguments: [StatsGrouping.month, .day])
    func statsEqualABruteForceCountAcrossDST(grouping: StatsGrouping) throws {
        // Given random appointments for two doctors from February to April 2026 in New York (DST starts 8 March)
        let clinic = try TestClinic(timeZone: "America/New_York")
        let ana = try clinic.addDoctor(), ben = try clinic.addDoctor(), pia = try clinic.addPatient(), leo = try clinic.addPatient()
        let from = TestClinic.seconds("2026-02-01T05:00:00Z"), to = TestClinic.seconds("2026-05-01T04:00:00Z")
        let anaRows = randomRows(count: 1500, from: from, to: to, seed: 7)
        let benRows = randomRows(count: 900, from: from, to: to, seed: 8)
        try insert(clinic, doctor: ana.id, patient: pia.id, starts: anaRows)
        try insert(clinic, doctor: ben.id, patient: leo.id, starts: benRows)

        // When stats are asked for one doctor and for the clinic
        for (doctor, rows) in [(Optional(ana.id), anaRows), (nil, anaRows + benRows)] {
            let stats = try clinic.store.stats(doctorID: doctor, grouping: grouping, limit: 1000, by: .shell)
            let truth = expected(rows, zone: "America/New_York", grouping: grouping)
            // Then every period matches the brute force, newest first, with zero periods in between
            let nonEmpty = stats.periods.filter { $0.counts.total > 0 }
            #expect(nonEmpty.count == truth.count)
            for p in stats.periods {
                for status in AppointmentStatus.allCases {
                    #expect(p.counts.byStatus[status] == truth[p.label]?[status] ?? 0, "\(p.label) \(status)")
                }
            }
            #expect(stats.periods.map(\.label) == stats.periods.map(\.label).sorted(by: >))
            #expect(stats.overall.total == rows.count)
        }
    }

    @Test func anAppointmentLateOnTheLastDayOfAMonthBelongsToThatMonth() throws {
        // 23:30 on 31 March in Kolkata is 18:00Z; 23:30 on 31 March in New York is 03:30Z on 1 April
        for (zone, instant) in [("America/New_York", "2026-04-01T03:30:00Z"), ("Asia/Kolkata", "2026-03-31T18:00:00Z")] {
            let clinic = try TestClinic(timeZone: zone)
            let doctor = try clinic.addDoctor(), patient = try clinic.addPatient()
            try insert(clinic, doctor: doctor.id, patient: patient.id, starts: [(TestClinic.seconds(instant), .completed)])
            let stats = try clinic.store.stats(doctorID: doctor.id, grouping: .month, limit: 3, by: .shell)
            #expect(stats.periods.map(\.label) == ["2026-03"], "\(zone)")
            let days = try clinic.store.stats(doctorID: doctor.id, grouping: .day, limit: 3, by: .shell)
            #expect(days.periods.first?.label == "2026-03-31")
        }
    }

    @Test func limitNoShowRateAndUtilisation() throws {
        // Given a doctor with 6 slots a weekday (22 weekdays in March 2026 → 132 slots)
        let clinic = try TestClinic(timeZone: "Europe/London")
        let doctor = try clinic.addDoctor(hours: "mon-fri 09:00-12:00"), patient = try clinic.addPatient()
        let march = (2...6).map { TestClinic.seconds("2026-03-0\($0)T09:00:00Z") }
        try insert(
            clinic, doctor: doctor.id, patient: patient.id,
            starts: [
                (march[0], .completed), (march[1], .completed), (march[2], .noShow), (march[3], .cancelled), (march[4], .completed),
                (TestClinic.seconds("2026-01-05T09:00:00Z"), .completed),
            ])

        let stats = try clinic.store.stats(doctorID: doctor.id, grouping: .month, limit: 2, by: .shell)
        // Then only the two newest months are shown, the total covers all time
        #expect(stats.periods.map(\.label) == ["2026-03", "2026-02"])
        #expect(stats.overall.total == 6)
        let marchStats = stats.periods[0]
        #expect(marchStats.offeredSlots == 132)
        #expect(marchStats.counts.booked == 4)
        #expect(marchStats.utilisation == 4.0 / 132.0)
        #expect(marchStats.counts.noShowRate == 1.0 / 4.0)
        #expect(stats.periods[1].counts.total == 0)
        #expect(stats.periods[1].counts.noShowRate == nil)

        // An unknown doctor is not_found; a clinic without appointments has no periods
        #expect(throws: ClinicError.self) { try clinic.store.stats(doctorID: 999, by: .shell) }
        let empty = try TestClinic()
        #expect(try empty.store.stats(by: .shell).periods.isEmpty)
    }
}

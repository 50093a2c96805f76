import ClinicTesting
import Foundation
import Testing

/// DESIGN §2: a day's slots never depend on the machine's own time zone. The
/// machine's zone is set for the `clinic` processes only (TZ in their
/// environment), never for the test process, whose suites run in parallel.
@Suite("The machine's time zone changes nothing")
struct CLIMachineZoneTests {
    /// Slots on New York's DST days, a booking in the repeated hour, and the list, under machine zone `tz`.
    func outputs(tz: String) throws -> [String] {
        let clinic = try CLIClinic()
        clinic.environment["TZ"] = tz
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001", hours: "sun 00:00-06:00; mon 09:00-12:00")
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        var lines: [String] = []
        for day in ["2026-03-08", "2026-11-01", "2026-03-09"] {
            let r = try clinic.run("slots", "--doctor", "ana@clinic.test", "--date", day, "--json")
            #expect(r.exitCode == 0, "\(r.stderr)")
            lines.append(r.stdout)
        }
        let booked = try clinic.run(
            "book", "--doctor", "ana@clinic.test", "--patient", "pia@clinic.test",
            "--start", "2026-11-01T01:30:00-05:00", "--reason", "Second 01:30", "--json")
        #expect(booked.exitCode == 0, "\(booked.stderr)")
        lines.append(booked.stdout.replacingOccurrences(of: #""code":"[A-Z0-9]{6}""#, with: "", options: .regularExpression))
        lines.append(try clinic.run("stats", "--json").stdout)
        return lines
    }

    @Test("slots, a booking in the repeated hour and stats read the same under TZ=Pacific/Auckland as under TZ=UTC")
    func sameUnderAnyZone() throws {
        let utc = try outputs(tz: "UTC"), auckland = try outputs(tz: "Pacific/Auckland")
        #expect(utc.count == 5 && utc[0].contains("2026-03-08T01:30:00-05:00") && utc[0].contains("2026-03-08T03:00:00-04:00"))
        #expect(auckland == utc)
    }
}

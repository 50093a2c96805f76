import ClinicTesting
import Foundation
import Testing

/// The booking limits through the binary: a fifth visit to come is refused
/// (exit 1, `conflict`, the JSON envelope), `--override` books it with the
/// reason in the history, a patient may not override; the limit is a setting
/// in `clinic.toml`.
@Suite struct CLIBookingLimitTests {
    @Test func aFifthVisitNeedsAReasonFromTheDesk() throws {
        let cli = try CLIClinic()
        let clinic = try RefusalTable.prepare(cli)  // Pia with Ana, Tue 3 Mar 09:00
        for day in ["2026-03-04", "2026-03-05", "2026-03-06"] {
            #expect(
                try cli.run("book", "--doctor", "ana@clinic.test", "--patient", "pia@clinic.test", "--start", "\(day) 09:00", "--reason", "x").exitCode == 0)
        }
        let fifth = ["book", "--doctor", "ben@clinic.test", "--patient", "pia@clinic.test", "--start", "2026-03-09 09:00", "--reason", "Knee"]
        let refused = try cli.run(fifth + ["--json"])
        #expect(refused.exitCode == 1 && refused.stdout.contains("\"conflict\"") && refused.stdout.contains(clinic.booked), "\(refused.stdout)")
        let byPatient = try cli.run(fifth + ["--override", "please", "--as", "pia@clinic.test"])
        #expect(byPatient.exitCode == 1 && byPatient.stderr.hasPrefix("clinic: forbidden: "), "\(byPatient.stderr)")
        let desk = try cli.run(fifth + ["--override", "post-op series", "--as", "desk@clinic.test", "--json"])
        #expect(desk.exitCode == 0 && desk.stdout.contains("\"scheduled\""), "\(desk.stderr)")

        // clinic.toml lifts the limit for every process
        try "[clinic]\nmax_active_visits = 0\n".write(toFile: cli.directory.path("clinic.toml"), atomically: true, encoding: .utf8)
        let lifted = try cli.run(
            [
                "book", "--doctor", "ben@clinic.test", "--patient", "pia@clinic.test", "--start", "2026-03-10 09:00", "--reason", "x", "--config",
                cli.directory.path("clinic.toml"),
            ])
        #expect(lifted.exitCode == 0, "\(lifted.stderr)")
        try "[clinic]\none_visit_per_doctor_day = \"yes\"\n".write(toFile: cli.directory.path("bad.toml"), atomically: true, encoding: .utf8)
        let bad = try cli.run(["time", "--config", cli.directory.path("bad.toml")])
        #expect(bad.exitCode == 2 && bad.stderr.contains("one_visit_per_doctor_day' must be true or false"), "\(bad.stderr)")
    }
}

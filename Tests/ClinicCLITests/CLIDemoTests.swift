import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `clinic demo` without a terminal prints commands to try: they must work
/// whatever day it is (the demo doctor does not work every day).
@Suite struct CLIDemoTests {
    @Test(arguments: ["2026-11-27T22:00:00Z", "2026-11-28T22:00:00Z", "2026-11-29T12:00:00Z"])  // Fri, Sat, Sun in New York
    func theSuggestedBookingWorksOnAnyDay(now: String) throws {
        let clinic = try CLIClinic(now: now)
        clinic.environment["CLINIC_TIMEZONE"] = nil
        let db = clinic.directory.path("demo.sqlite")
        let printed = try clinic.run("demo", "--no-tui", "--db", db)
        #expect(printed.exitCode == 0, "\(printed.stderr)")
        let start = try #require(printed.stdout.firstMatch(of: /--start "([0-9-]+ [0-9:]+)"/)?.1, "\(printed.stdout)")
        let day = try #require(printed.stdout.firstMatch(of: /--date ([0-9-]+)/)?.1)
        #expect(start.hasPrefix(day))
        let booked = try clinic.run(
            "book", "--db", db, "--doctor", "ana.moreau@demo.clinic", "--patient", "jose.alvarez@demo.clinic",
            "--start", String(start), "--reason", "Palpitations", "--json")
        #expect(booked.exitCode == 0, "\(now): \(booked.stdout) \(booked.stderr)")
    }

    @Test func runningTheDemoAgainKeepsWhatItsAdminSet() throws {
        let clinic = try CLIClinic()
        clinic.environment["CLINIC_TIMEZONE"] = nil
        let db = clinic.directory.path("demo.sqlite")
        #expect(try clinic.run("demo", "--no-tui", "--db", db).exitCode == 0)
        do {
            let store = try ClinicStore(path: db, clock: ManualClock(Date()))
            _ = try store.updateSettings(.init(name: "Clínica Ñandú", reminderLeadMinutes: 120), by: .shell)
        }
        let again = try clinic.run("demo", "--no-tui", "--db", db, "--timezone", "Europe/London")
        #expect(again.exitCode == 0 && again.stdout.contains("(America/New_York)"), "\(again.stdout)\(again.stderr)")
        let settings = try ClinicStore(path: db, clock: ManualClock(Date())).settings()
        #expect(settings.name == "Clínica Ñandú" && settings.reminderLeadMinutes == 120 && settings.timeZone.identifier == "America/New_York")
    }
}

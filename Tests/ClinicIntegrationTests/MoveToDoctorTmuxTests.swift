import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The desk moves a visit to another doctor under tmux with the real binary
/// at 80×24: the card's `r`, then `d` picks the doctor (the visit's
/// specialization first), Enter moves it in one step; the audit row names both.
@Suite("Move to another doctor under tmux", .serialized)
struct MoveToDoctorTmuxTests {
    @Test func theDeskMovesAVisitToAnotherDoctor() throws {
        let cli = try CLIClinic()
        let clinic = try RefusalTable.prepare(cli)  // Pia with Ana, Tue 3 Mar 09:00; Ben works the same hours
        var env = cli.environment
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"
        let t = try TmuxSession([ClinicBinary.path, "tui"], environment: env, width: 80, height: 24)
        try t.waitFor("Staff sign-in")
        try t.type(RefusalTable.Person.desk.email); try t.press("Tab"); try t.type(RefusalTable.Person.desk.password); try t.press("Enter")
        try t.waitFor("Today")
        try t.press("/"); try t.type("pia"); try t.waitFor("Patient pia@clinic.test"); try t.press("Enter")
        try t.waitFor("1 upcoming")
        try t.waitFor(clinic.booked)
        try t.press("r"); try t.waitFor("Move \(clinic.booked)")
        try t.waitFor("d other doctor")
        try t.press("d"); try t.waitFor("Move to which doctor")
        try t.waitFor("Dr ben@clinic.test")
        try t.select(rowContaining: "Dr ben@clinic.test")
        try t.press("Enter")
        try t.waitFor("Move \(clinic.booked) to Dr ben@clinic.test")
        try t.press("Enter")
        try t.waitFor("with Dr ben@clinic.test.")
        let store = try ClinicStore(database: cli.database.location, clock: ManualClock(TestClinic.instant("2026-03-02T12:00:00Z")))
        let moved = try store.appointment(code: clinic.booked)
        #expect(moved.doctor.name == "Dr ben@clinic.test" && moved.status == .scheduled)
        let note = try #require(try store.events(code: clinic.booked).last?.note)
        #expect(note.contains("from Dr ana@clinic.test to Dr ben@clinic.test"), "\(note)")
        try t.press("q"); try t.waitFor("[exited 0]")
        try store.close()
    }
}

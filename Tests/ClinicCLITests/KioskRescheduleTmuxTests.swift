import ClinicTesting
import Foundation
import Testing

/// A patient moves their own visit at the real `clinic kiosk` under tmux at
/// 80×24: my appointments, `r`, the next free slot, Enter; the database has
/// the visit at its new time, still with its code.
@Suite("Kiosk reschedule under tmux", .serialized)
struct KioskRescheduleTmuxTests {
    @Test func aPatientMovesTheirOwnVisit() throws {
        let cli = try CLIClinic()
        let clinic = try RefusalTable.prepare(cli)  // Pia with Ana, Tue 3 Mar 09:00
        var env = cli.environment
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"
        let t = try TmuxSession([ClinicBinary.path, "kiosk"], environment: env, width: 80, height: 24)
        try t.waitFor("Welcome to")
        try t.press("s"); try t.waitFor("Email or phone")
        try t.type(RefusalTable.Person.pia.email); try t.press("Tab"); try t.type(RefusalTable.Person.pia.password); try t.press("Enter")
        try t.waitFor("Hello,")
        try t.press("a"); try t.waitFor(clinic.booked)
        try t.waitFor("r move")
        try t.press("r"); try t.waitFor("Move \(clinic.booked)")
        try t.waitFor("09:00–09:30    this visit")
        try t.press("Enter")
        try t.waitFor("Moved \(clinic.booked) to Tue 3 Mar 2026 09:30.")
        let listed = try cli.json("appointments", "--code", clinic.booked).object
        let row = try #require((listed["appointments"] as? [[String: Any]])?.first)
        #expect(row["start"] as? String == "2026-03-03T09:30:00-05:00" && row["status"] as? String == "scheduled", "\(row)")
        try t.press("q"); try t.waitFor("[exited 0]")
    }
}

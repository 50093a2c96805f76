import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The admin's sick day and closure day under tmux with the real binary at
/// 80×24: the first Enter lists the booked visit (code, patient, phone), the
/// second cancels it with the time off; the note is typed in several scripts
/// and kept whole in the audit row; the patient's SMS is in the outbox.
@Suite("Sick day and closure day on the admin console under tmux", .serialized)
struct SickDayTmuxTests {
    @Test func theAdminGivesASickDayAndClosesTheClinic() throws {
        let cli = try CLIClinic()
        let clinic = try RefusalTable.prepare(cli)  // Pia with Ana, Tue 3 Mar 09:00
        let added = try cli.run(
            "user", "add", "--role", "admin", "--name", "Ada Admin", "--email", "ada@clinic.test", "--phone", "+15550300009",
            "--password", "admin-pass-1")
        #expect(added.exitCode == 0, "\(added.stderr)")
        var env = cli.environment
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"
        let t = try TmuxSession([ClinicBinary.path, "tui"], environment: env, width: 80, height: 24)
        try t.waitFor("Staff sign-in")
        try t.type("ada@clinic.test"); try t.press("Tab"); try t.type("admin-pass-1"); try t.press("Enter")
        try t.waitFor("Staff accounts")
        try t.press("Enter"); try t.waitFor("Dr ana@clinic.test")
        try t.select(rowContaining: "Dr ana@clinic.test")
        try t.press("o"); try t.waitFor("No time off")
        try t.press("n"); try t.waitFor("YYYY-MM-DD for whole days")
        try t.press("C-u"); try t.type("2026-03-03"); try t.press("Tab"); try t.press("C-u"); try t.type("2026-03-03"); try t.press("Tab")
        let note = "बुखार 🇵🇱 👩🏽‍⚕️ 각"
        try t.type(note)
        try t.press("Enter")
        try t.waitFor("1 visit is booked then.")
        try t.waitFor(clinic.booked)
        try t.waitFor("Patient pia@clinic.test")
        let store = try ClinicStore(database: cli.database.location, clock: ManualClock(TestClinic.instant("2026-03-02T12:00:00Z")))
        #expect(try store.appointment(code: clinic.booked).status == .scheduled, "the preview changes nothing")
        try t.press("Enter")
        try t.waitFor("Time off added for Dr ana@clinic.test: 2026-03-03 (all day)")
        try t.waitFor("2026-03-03 (all day)")
        try t.waitFor("Ada Admin: time off added 2026-03-03 (all day)")  // the latest changes, under the list
        #expect(try store.appointment(code: clinic.booked).status == .cancelled)
        let event = try #require(try store.events(code: clinic.booked).last)
        #expect(event.note == note && event.via == .tui && event.actorRole == "admin")
        #expect(try store.smsLog().contains { $0.kind == .cancellation && $0.to == "+15550100001" && $0.body.contains("not available that day") })

        // The clinic closes for a holiday from the admin's menu
        try t.press("Escape"); try t.waitFor("Staff accounts")
        try t.press("Escape"); try t.waitFor("Closure days")
        try t.select(rowContaining: "Closure days")
        try t.press("Enter"); try t.waitFor("No closure days")
        try t.press("n")
        try t.press("C-u"); try t.type("2026-03-05"); try t.press("Tab"); try t.press("C-u"); try t.type("2026-03-06"); try t.press("Tab")
        try t.type("Holi होली"); try t.press("Enter")
        try t.waitFor("The clinic is closed 2026-03-05 to 2026-03-06.")
        #expect(try store.closures().map(\.note) == ["Holi होली"])
        try t.press("q"); try t.waitFor("[exited 0]")
        try store.close()
    }
}

import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The desk's board under tmux with the real binary: a visit the scheduler
/// marked a no-show, the patient walks in, `c` asks why, the reason is typed
/// (Devanagari, a flag, a ZWJ emoji with a skin tone, Hangul), Enter checks them in; the audit row keeps who and why.
@Suite("Late arrival on the board under tmux", .serialized)
struct LateArrivalTmuxTests {
    @Test func theDeskChecksInAPatientMarkedANoShowWithAReason() throws {
        let cli = try CLIClinic()
        let clinic = try RefusalTable.prepare(cli)  // Pia with Ana, Tue 3 Mar 09:00
        let scheduler = try ClinicStore(database: cli.database.location, clock: ManualClock(TestClinic.instant("2026-03-03T14:15:00Z")))
        _ = try scheduler.transition(code: clinic.booked, to: .noShow, by: .scheduler, note: "no-show after grace")

        var env = cli.environment
        env["CLINIC_NOW"] = "2026-03-03T14:20:00Z"  // 09:20 in New York
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"
        let t = try TmuxSession([ClinicBinary.path, "tui"], environment: env, width: 80, height: 24)
        try t.waitFor("Staff sign-in")
        try t.type(RefusalTable.Person.desk.email); try t.press("Tab"); try t.type(RefusalTable.Person.desk.password); try t.press("Enter")
        try t.waitFor("no-show")
        // The board opens on today with the first visit selected: Pia's, a no-show
        _ = try t.waitFor("▸ 09:00  Patient pia@clinic.test  \(clinic.booked)  no-show")
        try t.press("c")
        try t.waitFor("Late arrival \(clinic.booked)")
        try t.waitFor("Enter checks the patient in")
        // Enter with no reason asks for one
        try t.press("Enter")
        try t.waitFor("say why")
        let reason = "देर से आईं 🇵🇱a 👩🏽‍⚕️ 각 बस"
        try t.type(reason)
        // the field shows the ZWJ sequence in its display form (👩, as the cell-width code draws it); the note keeps it whole
        try t.waitFor("देर से आईं 🇵🇱a 👩 각 बस")
        try t.press("Enter")
        try t.waitFor("Checked in")
        let a = try scheduler.appointment(code: clinic.booked)
        #expect(a.status == .checkedIn)
        let event = try #require(try scheduler.events(code: clinic.booked).last)
        #expect(event.from == .noShow && event.note == reason && event.via == .tui && event.actorRole == "receptionist")
        try scheduler.close()
    }
}

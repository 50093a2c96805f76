import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// A late arrival through the binary: the visit was marked a no-show (by the
/// scheduler, another process on the same file); `clinic check-in` asks for
/// `--note`, refuses the patient, checks the desk's in, and the patient's
/// "you are checked in" SMS is in the log; the doctor completes it early.
@Suite struct CLILateArrivalTests {
    @Test func checkInAfterANoShowTakesANoteAndTellsThePatient() throws {
        let cli = try CLIClinic()
        let clinic = try RefusalTable.prepare(cli)  // Pia with Ana, Tue 3 Mar 09:00
        let scheduler = try ClinicStore(database: cli.database.location, clock: ManualClock(TestClinic.instant("2026-03-03T14:15:00Z")))
        _ = try scheduler.transition(code: clinic.booked, to: .noShow, by: .scheduler, note: "no-show after grace")
        try scheduler.close()

        cli.environment["CLINIC_NOW"] = "2026-03-03T14:20:00Z"  // 09:20: she walks in
        let desk = RefusalTable.Person.desk.email
        let noNote = try cli.run("check-in", clinic.booked, "--as", desk)
        #expect(noNote.exitCode == 2 && noNote.stderr.hasPrefix("clinic: invalid_input: say why"), "\(noNote.stderr)")
        let byPatient = try cli.run("check-in", clinic.booked, "--note", "here", "--as", RefusalTable.Person.pia.email)
        #expect(byPatient.exitCode == 1 && byPatient.stderr.hasPrefix("clinic: forbidden: "), "\(byPatient.stderr)")

        let done = try cli.json("check-in", clinic.booked, "--note", "arrived late: the bus", "--as", desk)
        #expect(done.result.exitCode == 0, "\(done.result.stderr)")
        #expect((done.object["appointment"] as? [String: Any])?["status"] as? String == "checked_in")
        let log = try cli.json("sms", "log", "--appointment", clinic.booked)
        let kinds = (log.object["messages"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds.contains("checked_in"), "\(log.result.stdout)")

        // Seen before the slot is over: its doctor completes it
        #expect(try cli.run("complete", clinic.booked, "--as", RefusalTable.Person.ana.email).exitCode == 0)
    }
}

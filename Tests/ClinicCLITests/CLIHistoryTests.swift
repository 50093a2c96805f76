import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `clinic history PATIENT`: every doctor's visits with status; the notes
/// (several lines) for a doctor and the shell's admin, not for the desk or a patient.
@Suite struct CLIHistoryTests {
    @Test func aPatientsVisitsWithTheDoctorsNotes() throws {
        let cli = try CLIClinic()
        let clinic = try RefusalTable.prepare(cli)  // Pia with Ana, Tue 3 Mar 09:00 (and a cancelled one at 10:00)
        do {
            let store = try ClinicStore(database: cli.database.location, clock: ManualClock(TestClinic.instant("2026-03-02T12:00:00Z")))
            _ = try store.setNote(code: clinic.booked, text: "Sore throat.\nखांसी — rest", by: .shell)
            try store.close()
        }
        let byDoctor = try cli.json("history", "pia@clinic.test", "--as", "ben@clinic.test")
        #expect(byDoctor.result.exitCode == 0, "\(byDoctor.result.stderr)")
        let visits = try #require(byDoctor.object["visits"] as? [[String: Any]])
        #expect(visits.count == 2 && visits.compactMap { ($0["appointment"] as? [String: Any])?["code"] as? String }.contains(clinic.booked))
        #expect(visits.contains { $0["note"] as? String == "Sore throat.\nखांसी — rest" })
        let text = try cli.run("history", "pia@clinic.test")
        #expect(text.exitCode == 0 && text.stdout.contains("note on \(clinic.booked) by Dr ana@clinic.test:\n  Sore throat.\n  खांसी — rest"), "\(text.stdout)")
        let byDesk = try cli.json("history", "pia@clinic.test", "--as", "desk@clinic.test")
        #expect((byDesk.object["visits"] as? [[String: Any]])?.allSatisfy { $0["note"] is NSNull } == true, "\(byDesk.result.stdout)")
        let byPatient = try cli.run("history", "pia@clinic.test", "--as", "quin@clinic.test")
        #expect(byPatient.exitCode == 1 && byPatient.stderr.hasPrefix("clinic: forbidden: "), "\(byPatient.stderr)")
        #expect(try cli.run("history", "ana@clinic.test").exitCode == 1)  // not a patient
    }
}

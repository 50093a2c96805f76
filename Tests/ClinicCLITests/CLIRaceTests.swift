import ClinicTesting
import Foundation
import Testing

/// Several `clinic book` processes racing for the same slots on one database
/// (a SQLite file, or PostgreSQL): exactly one appointment per slot,
/// `slot_taken` for every loser; one patient booked at once with two doctors
/// at overlapping times gets one visit and one `patient_busy`.
@Suite struct CLIRaceTests {
    @Test func eightProcessesRaceForTheSameSlots() throws {
        // Given a doctor with a morning of slots and eight patients
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001", hours: "tue 09:00-10:30")
        let patients = (1...8).map { "p\($0)@clinic.test" }
        for (i, email) in patients.enumerated() {
            try clinic.addPatient(email: email, phone: "+1555010\(String(format: "%04d", i + 1))")
        }
        let slots = ["2026-03-03 09:00", "2026-03-03 09:30", "2026-03-03 10:00"]

        // When, for each slot, eight processes (one per patient) start at once
        var runs: [(slot: String, process: RunningProcess)] = []
        for slot in slots {
            for email in patients {
                let process = try ClinicBinary.start(
                    ["book", "--doctor", "ana@clinic.test", "--patient", email, "--start", slot, "--reason", "Race", "--json"],
                    environment: clinic.environment)
                runs.append((slot, process))
            }
        }
        let results = runs.map { ($0.slot, $0.process.wait()) }

        // Then each slot has exactly one winner and every loser got slot_taken
        for slot in slots {
            let mine = results.filter { $0.0 == slot }.map(\.1)
            let winners = mine.filter { $0.exitCode == 0 }
            #expect(winners.count == 1, "slot \(slot): \(winners.count) winners")
            for loser in mine where loser.exitCode != 0 {
                #expect(loser.exitCode == 1)
                #expect(errorCode(loser.stdout) == "slot_taken", "loser said \(loser.stdout) \(loser.stderr)")
            }
        }
        // (one doctor, non-overlapping slots: no loser can be patient_busy)
        let losers = results.filter { $0.1.exitCode != 0 }
        #expect(losers.allSatisfy { errorCode($0.1.stdout) == "slot_taken" })
        #expect(losers.count == slots.count * (patients.count - 1))

        // And the database holds exactly one appointment per slot
        let listed = try clinic.json("appointments", "--doctor", "ana@clinic.test")
        let appointments = listed.object["appointments"] as? [[String: Any]] ?? []
        #expect(appointments.count == slots.count)
        #expect(Set(appointments.compactMap { $0["start"] as? String }).count == slots.count)
    }

    @Test func twoProcessesBookOnePatientWithTwoDoctorsAtOverlappingTimes() throws {
        // Given two doctors (30- and 20-minute slots) and one patient
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001", hours: "tue 09:00-12:00")
        try clinic.run(
            "user", "add", "--role", "doctor", "--name", "Dr 김민준", "--email", "min@clinic.test", "--phone", "+15550200002",
            "--specialization", "Dermatology", "--hours", "tue 09:00-12:00", "--slot-minutes", "20", "--password", "doctor-pass")
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")

        // When, in each of three hours, two processes book her at once with each doctor, at times that overlap
        // (09:00–09:30 with Ana and 09:20–09:40 with Min, then 10:00 and 10:20, then 11:00 and 11:20)
        for round in 0..<3 {
            let ana = String(format: "2026-03-03 %02d:00", 9 + round)
            let min = String(format: "2026-03-03 %02d:20", 9 + round)
            let processes = try [("ana@clinic.test", ana), ("min@clinic.test", min)].map { doctor, start in
                try ClinicBinary.start(
                    ["book", "--doctor", doctor, "--patient", "pia@clinic.test", "--start", start, "--reason", "Two doctors", "--json"],
                    environment: clinic.environment)
            }
            let results = processes.map { $0.wait() }
            // Then one is booked and the other is patient_busy, whichever came first
            #expect(results.filter { $0.exitCode == 0 }.count == 1, "round \(round): \(results.map(\.stdout))")
            #expect(results.filter { errorCode($0.stdout) == "patient_busy" }.count == 1, "round \(round): \(results.map(\.stdout))")
        }
        let listed = try clinic.json("appointments", "--patient", "pia@clinic.test")
        #expect((listed.object["appointments"] as? [[String: Any]])?.count == 3)
    }

    private func errorCode(_ stdout: String) -> String? {
        let object = try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any]
        return (object?["error"] as? [String: Any])?["code"] as? String
    }
}

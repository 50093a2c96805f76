import ClinicTesting
import Foundation
import Testing

/// `clinic move`: within the doctor's day or to another doctor, atomic (the
/// old slot is freed only if the new one is taken), refused as a booking
/// would be; two processes moving visits into one slot: one wins, the other
/// visit keeps its old slot.
@Suite struct CLIMoveTests {
    typealias P = RefusalTable.Person

    private func appointment(_ cli: CLIClinic, _ code: String) throws -> [String: Any] {
        try #require((try cli.json("appointments", "--code", code).object["appointments"] as? [[String: Any]])?.first)
    }

    @Test func aVisitMovesWithinItsDoctorsDayAndToAnotherDoctor() throws {
        let cli = try CLIClinic()
        let clinic = try RefusalTable.prepare(cli)  // Pia with Ana, Tue 3 Mar 09:00
        let same = try cli.json("move", clinic.booked, "--start", "2026-03-03 11:00", "--as", P.desk.email)
        #expect(same.result.exitCode == 0, "\(same.result.stderr)")
        #expect((same.object["appointment"] as? [String: Any])?["start"] as? String == "2026-03-03T11:00:00-05:00")
        let other = try cli.json("move", clinic.booked, "--start", "2026-03-04 14:30", "--doctor", P.ben.email, "--as", P.pia.email)
        #expect(other.result.exitCode == 0, "\(other.result.stderr)")
        let moved = try appointment(cli, clinic.booked)
        #expect((moved["doctor"] as? [String: Any])?["email"] as? String == P.ben.email && moved["start"] as? String == "2026-03-04T14:30:00-05:00")
        // Ana's 11:00 is free again, Ben's 14:30 is taken
        #expect(try cli.json("book", "--doctor", P.ana.email, "--patient", P.quin.email, "--start", "2026-03-03 11:00", "--reason", "x").result.exitCode == 0)

        // Refusals, each leaving the visit where it is
        let before = try RefusalTable.snapshot(cli)
        let cases: [([String], String)] = [
            (["move", clinic.booked, "--start", "2026-03-03 11:00", "--doctor", P.ana.email], "slot_taken"),
            (["move", clinic.booked, "--start", "2026-03-04 14:40"], "not_aligned"),
            (["move", clinic.booked, "--start", "2026-03-07 09:00"], "outside_schedule"),
            (["move", clinic.booked, "--start", "2026-03-05 09:00", "--as", P.quin.email], "forbidden"),
            (["move", clinic.booked, "--start", "2026-03-05 09:00", "--doctor", P.ana.email, "--as", P.ben.email], "forbidden"),
            (["move", clinic.cancelled, "--start", "2026-03-05 09:00"], "invalid_transition"),
            (["move", "ZZZZZZ", "--start", "2026-03-05 09:00"], "not_found"),
        ]
        for (args, code) in cases {
            let r = try cli.run(args)
            #expect(r.exitCode == RefusalTable.exitStatus(code) && r.stderr.hasPrefix("clinic: \(code): "), "\(args): \(r.stderr)")
        }
        #expect(try RefusalTable.snapshot(cli) == before)
    }

    @Test func twoProcessesMovingIntoOneSlotOneWinsTheOtherKeepsItsSlot() throws {
        let cli = try CLIClinic()
        let clinic = try RefusalTable.prepare(cli)
        let second = try cli.json("book", "--doctor", P.ana.email, "--patient", P.quin.email, "--start", "2026-03-03 11:00", "--reason", "x")
        let other = try #require((second.object["appointment"] as? [String: Any])?["code"] as? String)
        for (round, target) in ["2026-03-04 09:00", "2026-03-04 09:30", "2026-03-04 10:00", "2026-03-04 10:30"].enumerated() {
            let before = try [clinic.booked, other].map { try appointment(cli, $0)["start"] as? String }
            let runs = try [clinic.booked, other].map { code in
                try ClinicBinary.start(["move", code, "--start", target, "--doctor", P.ben.email], environment: cli.environment)
            }
            let results = runs.map { $0.wait() }
            let won = results.filter { $0.exitCode == 0 }.count
            #expect(won == 1, "round \(round): \(results.map(\.stderr))")
            let lost = try #require(results.firstIndex { $0.exitCode != 0 })
            #expect(results[lost].stderr.hasPrefix("clinic: slot_taken: "), "\(results[lost].stderr)")
            let loser = lost == 0 ? clinic.booked : other
            #expect(try appointment(cli, loser)["start"] as? String == before[lost], "the loser keeps its old slot")
            let winner = lost == 0 ? other : clinic.booked
            #expect(try appointment(cli, winner)["start"] as? String == "\(target.replacingOccurrences(of: " ", with: "T")):00-05:00")
        }
    }
}

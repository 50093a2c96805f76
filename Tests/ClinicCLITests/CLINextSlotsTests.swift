import ClinicTesting
import Foundation
import Testing

/// `clinic slots --next`: the earliest free slots across doctors through the
/// real binary: JSON in ISO 8601 with the offset, a text table in local time,
/// "nothing within the horizon" said plainly, and the contract's refusals.
@Suite struct CLINextSlotsTests {
    /// Dr Ana and Dr Ben (Cardiology, weekdays 09–12, 14–17), Pia's visit with Ana on Tue 3 March 09:00.
    func clinic() throws -> CLIClinic {
        let cli = try CLIClinic()
        _ = try RefusalTable.prepare(cli)
        return cli
    }

    @Test func jsonAcrossDoctorsEarliestFirstTiesByName() throws {
        let cli = try clinic()
        let r = try cli.json("slots", "--next", "--specialization", "cardiology", "--from", "2026-03-03", "--limit", "3")
        #expect(r.result.exitCode == 0, "\(r.result.stderr)")
        #expect(r.object["timezone"] as? String == "America/New_York")
        #expect(r.object["from"] as? String == "2026-03-03" && r.object["through"] as? String == "2026-03-03")
        let slots = try #require(r.object["slots"] as? [[String: Any]])
        let lines = slots.map { s -> String in
            let doctor = s["doctor"] as? [String: Any] ?? [:]
            return "\(s["start"] ?? "")–\(s["end"] ?? "") \(doctor["name"] ?? "") \(doctor["specialization"] ?? "")"
        }
        // Ana's 09:00 is Pia's: Ben has it; at 09:30 both, Ana first by name
        #expect(
            lines == [
                "2026-03-03T09:00:00-05:00–2026-03-03T09:30:00-05:00 Dr ben@clinic.test Cardiology",
                "2026-03-03T09:30:00-05:00–2026-03-03T10:00:00-05:00 Dr ana@clinic.test Cardiology",
                "2026-03-03T09:30:00-05:00–2026-03-03T10:00:00-05:00 Dr ben@clinic.test Cardiology",
            ])
        #expect(slots.allSatisfy { ($0["doctor"] as? [String: Any])?["id"] is Int })
    }

    @Test func textInLocalTimeForOneDoctorAsAPatient() throws {
        let cli = try clinic()
        let r = try cli.run("slots", "--next", "--doctor", RefusalTable.Person.ana.email, "--from", "2026-03-03", "--limit", "2", "--as", "quin@clinic.test")
        #expect(r.exitCode == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(
            lines == [
                "DATE DAY TIME DOCTOR SPECIALIZATION",
                "2026-03-03 tue 09:30-10:00 Dr ana@clinic.test Cardiology",
                "2026-03-03 tue 10:00-10:30 Dr ana@clinic.test Cardiology",
            ])
        // Without --from: from today (Monday 2 March, 07:00), any doctor
        let any = try cli.json("slots", "--next", "--limit", "1")
        #expect((any.object["slots"] as? [[String: Any]])?.first?["start"] as? String == "2026-03-02T09:00:00-05:00")
    }

    @Test func nothingWithinTheHorizonIsSaidNotFailed() throws {
        let cli = try clinic()
        let add = try cli.run(
            "user", "add", "--role", "doctor", "--name", "Dr Away", "--email", "away@clinic.test", "--phone", "+15550200009",
            "--specialization", "Dermatology", "--hours", "mon-fri 09:00-10:00", "--password", "doctor-pass")
        #expect(add.exitCode == 0, "\(add.stderr)")
        let off = try cli.run("user", "time-off", "away@clinic.test", "--from", "2026-03-01", "--to", "2026-06-30")
        #expect(off.exitCode == 0, "\(off.stderr)")
        let text = try cli.run("slots", "--next", "--specialization", "Dermatology")
        #expect(text.exitCode == 0 && text.stdout == "no free slot from 2026-03-02 through 2026-04-30 (60 days searched)\n")
        let json = try cli.json("slots", "--next", "--specialization", "Dermatology")
        #expect((json.object["slots"] as? [Any])?.isEmpty == true && json.object["through"] as? String == "2026-04-30")
    }

    @Test func refusals() throws {
        let cli = try clinic()
        func expect(_ code: String, exit: Int32, _ arguments: [String], message: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try cli.run(arguments)
            #expect(r.exitCode == exit, "\(arguments): \(r.stderr)", sourceLocation: sourceLocation)
            #expect(r.stderr.hasPrefix("clinic: \(code): " + (message ?? "")), "\(arguments): \(r.stderr)", sourceLocation: sourceLocation)
            let j = try cli.run(arguments + ["--json"])
            let object = (try? JSONSerialization.jsonObject(with: Data(j.stdout.utf8))) as? [String: Any]
            #expect((object?["error"] as? [String: Any])?["code"] as? String == code, "\(j.stdout)", sourceLocation: sourceLocation)
            #expect(j.exitCode == exit, sourceLocation: sourceLocation)
        }
        try expect("invalid_input", exit: 2, ["slots", "--next", "--date", "2026-03-03"], message: "--next searches day by day from --from")
        try expect("invalid_input", exit: 2, ["slots"], message: "give --doctor and --date for a doctor's day, or --next")
        try expect("invalid_input", exit: 2, ["slots", "--doctor", "ana@clinic.test", "--date", "2026-03-03", "--limit", "3"])
        try expect("invalid_input", exit: 2, ["slots", "--next", "--specialization", "Cardiology", "--doctor", "ana@clinic.test"])
        try expect("invalid_input", exit: 2, ["slots", "--next", "--limit", "0"], message: "--limit must be 1–100")
        try expect("invalid_input", exit: 2, ["slots", "--next", "--limit", "many"])
        try expect("invalid_input", exit: 2, ["slots", "--next", "--from", "2026-02-30"])
        try expect("invalid_input", exit: 2, ["slots", "--next", "--from", "2031-01-01"], message: "bookings open at most two years ahead")
        try expect(
            "not_found", exit: 1, ["slots", "--next", "--specialization", "Astrology"],
            message: "no active doctor has the specialization 'Astrology'; known: Cardiology")
        try expect("not_found", exit: 1, ["slots", "--next", "--doctor", "pia@clinic.test"])
        try expect("not_found", exit: 1, ["slots", "--next", "--as", "nobody@clinic.test"])
    }
}

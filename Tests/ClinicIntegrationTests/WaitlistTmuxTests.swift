import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The waitlist's screens under tmux with the real binary at 80×24: the desk
/// opens Dr Ana's waitlist from the board (`l`), adds Quin through the
/// patient search with a reason in Cyrillic and emoji, offers a slot by hand
/// (`o`); then Pia joins at the kiosk from Ana's day (`w`). The database, read
/// through `clinic waitlist list --json`, has both in line and the offer.
@Suite("Waitlist under tmux", .serialized)
struct WaitlistTmuxTests {
    @Test func theDeskAddsAndOffersThenAPatientJoinsAtTheKiosk() throws {
        let cli = try CLIClinic()
        _ = try RefusalTable.prepare(cli)  // Ana and Ben (cardiology), Pia and Quin, the desk; Mon 2 Mar 07:00
        var env = cli.environment
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"

        // The desk: l on the board, a, the search, the days, Enter; then o
        let t = try TmuxSession([ClinicBinary.path, "tui"], environment: env, width: 80, height: 24)
        try t.waitFor("Staff sign-in")
        try t.type(RefusalTable.Person.desk.email); try t.press("Tab"); try t.type(RefusalTable.Person.desk.password); try t.press("Enter")
        try t.waitFor("Today")
        try t.press("l"); try t.waitFor("No one is waiting for Dr ana@clinic.test")
        try t.waitFor("a add  o offer")
        try t.press("a"); try t.waitFor("Waitlist for Dr ana@clinic.test: pick the patient.")
        try t.type("quin"); try t.waitFor("Patient quin@clinic.test")
        try t.press("Enter"); try t.waitFor("Days as YYYY-MM-DD")
        try t.waitFor("2026-03-16")
        try t.press("Tab"); try t.press("Tab"); try t.type("Контроль 🩺")
        try t.press("Enter")
        try t.waitFor("Patient quin@clinic.test is number 1 in line for Dr ana@clinic.test.")
        try t.waitFor("Reason: Контроль 🩺")
        try t.press("o")
        let offered = try t.waitFor("open until 07:15")
        let listed = try cli.json("waitlist", "list", "--doctor", RefusalTable.Person.ana.email).object
        let entries = try #require(listed["entries"] as? [[String: Any]])
        let offer = try #require(entries.first?["offer"] as? [String: Any])
        let code = try #require(offer["code"] as? String)
        #expect(offered.contains("Offer \(code) texted: Dr ana@clinic.test, Mon 2 Mar 09:00, open until 07:15"), "\(offered)")
        #expect(entries.count == 1 && entries[0]["position"] as? Int == 1 && entries[0]["reason"] as? String == "Контроль 🩺")
        #expect((entries[0]["patient"] as? [String: Any])?["name"] as? String == "Patient quin@clinic.test")
        #expect(offer["start"] as? String == "2026-03-02T09:00:00-05:00", "\(offer)")
        let log = try cli.run("sms", "log")
        #expect(log.stdout.contains("waitlist_offer  +15550100002"), "quin is texted: \(log.stdout)")
        try t.press("q"); try t.waitFor("[exited 0]")

        // The kiosk: Pia on Ana's day presses w, keeps the days, Enter
        let k = try TmuxSession([ClinicBinary.path, "kiosk"], environment: env, width: 80, height: 24)
        try k.waitFor("Welcome to")
        try k.press("s"); try k.waitFor("Email or phone")
        try k.type(RefusalTable.Person.pia.email); try k.press("Tab"); try k.type(RefusalTable.Person.pia.password); try k.press("Enter")
        try k.waitFor("Hello,")
        try k.press("b"); try k.waitFor("Cardiology")
        try k.press("Enter"); try k.waitFor("Dr ana@clinic.test")
        try k.press("Enter"); try k.waitFor("w tell me of an earlier visit")
        try k.press("w"); try k.waitFor("Days as YYYY-MM-DD")
        try k.press("Enter")
        try k.waitFor("You are number 2 in line for Dr ana@clinic.test.")
        try k.waitFor("reply TAKE <code> to take it.")
        let after = try #require(try cli.json("waitlist", "list", "--doctor", RefusalTable.Person.ana.email).object["entries"] as? [[String: Any]])
        #expect(after.count == 2 && after[1]["position"] as? Int == 2)
        #expect((after[1]["patient"] as? [String: Any])?["name"] as? String == "Patient pia@clinic.test")
        try k.press("Enter"); try k.press("Escape"); try k.press("Escape"); try k.press("Escape")
        try k.waitFor("Hello,")
        try k.press("w"); try k.waitFor("number 2")
        try k.press("q"); try k.waitFor("[exited 0]")
    }

    @Test func namesInEveryScriptAreTypedFoundAndLinedUpInTheWaitlist() throws {
        let cli = try CLIClinic()
        _ = try RefusalTable.prepare(cli)
        let name = "प्रिया शर्मा 🇵🇱a 👩🏽‍⚕️ 각"
        let added = try cli.run("user", "add", "--role", "patient", "--name", name, "--phone", "+15550100077")
        #expect(added.exitCode == 0, "\(added.stderr)")
        var env = cli.environment
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"
        let t = try TmuxSession([ClinicBinary.path, "tui"], environment: env, width: 80, height: 24)
        try t.waitFor("Staff sign-in")
        try t.type(RefusalTable.Person.desk.email); try t.press("Tab"); try t.type(RefusalTable.Person.desk.password); try t.press("Enter")
        try t.waitFor("Today")
        // Quin first, then the patient found by a Devanagari surname typed into the search, with a reason in four scripts
        for (search, shown, reason) in [("quin", "Patient quin@clinic.test", "Check-up"), ("शर्मा", "प्रिया शर्मा", "शर्मा 🇵🇱a 👩🏽‍⚕️ 각")] {
            try t.press("l"); try t.waitFor("Dr ana@clinic.test")
            try t.press("a"); try t.waitFor("pick the patient.")
            try t.type(search); try t.waitFor(shown)
            try t.press("Enter"); try t.waitFor("Days as YYYY-MM-DD")
            try t.press("Tab"); try t.press("Tab"); try t.type(reason)
            try t.press("Enter"); try t.waitFor("in line for Dr ana@clinic.test.")
            try t.press("Escape"); try t.waitFor("Today")
        }
        try t.press("l")
        let screen = try t.waitFor("+15550100077")
        // The phone column starts at one cell in the heading, Quin's row and the wide-named row
        let rows = screen.split(separator: "\n").map(String.init).filter { $0.contains("Phone") || $0.contains("+1555") }
        #expect(rows.count == 3, "\(screen)")
        let phone = rows.map { row in CharWidth.of(String(row[..<row.range(of: row.contains("Phone") ? "Phone" : "+1555")!.lowerBound])) }
        #expect(Set(phone).count == 1, "\(rows.joined(separator: "\n"))")
        // The selected row's reason: the ZWJ sequence in its display form (👩, as the cell-width code draws it)
        try t.press("Down")
        try t.waitFor("Reason: शर्मा 🇵🇱a 👩 각 · 0 offers so far")
        let listed = try #require(try cli.json("waitlist", "list").object["entries"] as? [[String: Any]])
        #expect(listed.map { $0["reason"] as? String } == ["Check-up", "शर्मा 🇵🇱a 👩🏽‍⚕️ 각"])
        #expect((listed.last?["patient"] as? [String: Any])?["name"] as? String == name)
        try t.press("q"); try t.waitFor("[exited 0]")
    }
}

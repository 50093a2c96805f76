import ClinicTesting
import Foundation
import Testing

/// "Earliest available" and the slot screen's `n` in a real terminal: the
/// real `clinic kiosk` and `clinic tui` under tmux on a clinic whose clock
/// reads Monday 2 March 2026, 07:00 in New York. Dr Ana Moreau and Dr Ben 김
/// are cardiologists (weekdays 09–12, 14–17); Ana's Monday 09:00 is taken.
@Suite("Earliest available under tmux", .serialized)
struct EarliestSlotTmuxTests {
    /// Typed as the reason: Devanagari, a flag, a ZWJ emoji with a skin tone, Hangul.
    static let reason = "शर्मा 🇵🇱 👩🏽‍⚕️ 각 check-up"

    func clinic() throws -> CLIClinic {
        let cli = try CLIClinic()
        for (name, email, phone) in [("Dr Ana Moreau", "ana@clinic.test", "+15550200001"), ("Dr Ben 김", "ben@clinic.test", "+15550200002")] {
            let r = try cli.run(
                "user", "add", "--role", "doctor", "--name", name, "--email", email, "--phone", phone,
                "--specialization", "Cardiology", "--hours", "mon-fri 09:00-12:00,14:00-17:00", "--password", "doctor-pass")
            guard r.exitCode == 0 else { throw CLIClinicError("adding \(name): \(r.stderr)") }
        }
        try cli.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        try cli.addPatient(email: "other@clinic.test", phone: "+15550100002")
        let desk = try cli.run(
            "user", "add", "--role", "receptionist", "--name", "Desk", "--email", "desk@clinic.test", "--phone", "+15550300001",
            "--password", "desk-pass-1")
        guard desk.exitCode == 0 else { throw CLIClinicError("adding the desk: \(desk.stderr)") }
        let booked = try cli.run(
            "book", "--doctor", "ana@clinic.test", "--patient", "other@clinic.test", "--start", "2026-03-02 09:00", "--reason", "Taken")
        guard booked.exitCode == 0 else { throw CLIClinicError("booking: \(booked.stderr)") }
        return cli
    }

    func start(_ clinic: CLIClinic, _ command: String) throws -> TmuxSession {
        var env = clinic.environment
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"
        let session = try TmuxSession([ClinicBinary.path, command], environment: env, width: 100, height: 30)
        try session.waitFor(command == "kiosk" ? "Welcome to" : "Staff sign-in")
        return session
    }

    /// The patient's visits as `appointments --json` lists them: "doctor start reason".
    func visits(_ clinic: CLIClinic, _ patient: String) throws -> [String] {
        let list = try clinic.json("appointments", "--patient", patient).object["appointments"] as? [[String: Any]] ?? []
        return list.map { a in "\((a["doctor"] as? [String: Any])?["name"] ?? "") \(a["start"] ?? "") \(a["reason"] ?? "")" }
    }

    @Test("kiosk: sign in, book, choose 'Earliest available', book it with a reason in several scripts; n finds the next free day")
    func kiosk() throws {
        let clinic = try clinic()
        let t = try start(clinic, "kiosk")
        try t.press("s"); try t.waitFor("Email or phone")
        try t.type("pia@clinic.test"); try t.press("Tab"); try t.type("patient-pass"); try t.press("Enter")
        try t.waitFor("Hello,")
        try t.press("b"); try t.waitFor("Cardiology")
        try t.press("Enter"); try t.waitFor("Earliest available (any doctor)")
        try t.press("Up"); try t.press("Enter")
        let list = try t.waitFor("Cardiology: earliest available")
        // Ana's 09:00 is taken: Ben has the first, then both at 09:30, Ana first by name
        let rows = list.split(separator: "\n").filter { $0.contains("Mon 2 Mar 2026") && $0.contains("–") }.map { String($0) }
        #expect(rows.count >= 3, "\(list)")
        #expect(rows.first?.contains("09:00–09:30   Dr Ben 김") == true, "\(list)")
        #expect(rows.dropFirst().first?.contains("09:30–10:00   Dr Ana Moreau") == true, "\(list)")
        try t.press("Enter"); try t.waitFor("Reason for the visit")
        try t.type(Self.reason); try t.press("Enter"); try t.waitFor("Press Enter to book")
        try t.press("Enter"); try t.waitFor("Your code is")
        #expect(try visits(clinic, "pia@clinic.test") == ["Dr Ben 김 2026-03-02T09:00:00-05:00 \(Self.reason)"])

        // On Ana's Monday, n jumps to her next day with a free slot
        try t.press("b"); try t.waitFor("Cardiology")
        try t.press("Enter"); try t.waitFor("Dr Ana Moreau")
        try t.press("Enter"); try t.waitFor("free of")
        try t.press("n"); try t.waitFor("Tue 3 Mar 2026")
        try t.press("Escape"); try t.press("Escape"); try t.press("Escape"); try t.waitFor("Hello,")
        try t.press("s"); try t.waitFor("Welcome to")
        try t.press("q"); try t.waitFor("[exited 0]")
    }

    @Test("desk: the card's b offers 'Earliest available' and books for the patient; on the board's n, n finds the next free day")
    func desk() throws {
        let clinic = try clinic()
        let t = try start(clinic, "tui")
        try t.type("desk@clinic.test"); try t.press("Tab"); try t.type("desk-pass-1"); try t.press("Enter")
        try t.waitFor("(today)")
        try t.press("/"); try t.waitFor("Find patient")
        try t.type("pia"); try t.waitFor("1 match")
        try t.press("Enter"); try t.waitFor("SMS:")  // the card
        try t.press("b"); try t.waitFor("Cardiology")
        try t.press("Enter"); try t.waitFor("Earliest available (any doctor)")
        try t.press("e"); try t.waitFor("Cardiology: earliest available")
        try t.press("Down"); try t.press("Enter"); try t.waitFor("For Patient pia@clinic.test")
        try t.type(Self.reason); try t.press("Enter"); try t.waitFor("Press Enter to book")
        try t.press("Enter"); try t.waitFor(": booked Mon 2 Mar 2026 09:30 with Dr Ana Moreau for Patient pia@clinic.test.")
        #expect(try visits(clinic, "pia@clinic.test") == ["Dr Ana Moreau 2026-03-02T09:30:00-05:00 \(Self.reason)"])

        // The board's n books with the selected doctor from the board's day; n on the slots goes to the next free day
        try t.press("Escape"); try t.press("Escape"); try t.waitFor("(today)")
        try t.press("n"); try t.waitFor("New visit with")
        try t.type("other"); try t.waitFor("1 match")
        try t.press("Enter"); try t.waitFor("free of")
        try t.press("n"); try t.waitFor("Tue 3 Mar 2026")
        try t.press("Enter"); try t.waitFor("Reason for the visit")
        try t.type("각 follow-up"); try t.press("Enter"); try t.waitFor("Press Enter to book")
        try t.press("Enter"); try t.waitFor(": booked Tue 3 Mar 2026 09:00 with")
        let other = try visits(clinic, "other@clinic.test")
        #expect(other.count == 2 && other.last?.contains("2026-03-03T09:00:00-05:00 각 follow-up") == true, "\(other)")
        try t.press("q"); try t.waitFor("[exited 0]")
    }
}

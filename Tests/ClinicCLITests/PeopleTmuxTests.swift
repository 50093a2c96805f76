import ClinicTesting
import Foundation
import Testing

/// People end to end under tmux with the real binary, on a clinic whose
/// clock reads Monday 2 March 2026, 07:00 in New York: the desk registers a
/// walk-in with a phone only and edits their name typing Devanagari, a flag,
/// a ZWJ emoji with a skin tone and Hangul; the kiosk signs a patient in by
/// phone and edits the profile.
@Suite("People under tmux", .serialized)
struct PeopleTmuxTests {
    static let name = "शर्मा 🇵🇱 👩🏽‍⚕️ 각"

    func start(_ clinic: CLIClinic, command: String) throws -> TmuxSession {
        var env = clinic.environment
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"
        let session = try TmuxSession([ClinicBinary.path, command], environment: env, width: 100, height: 30)
        try session.waitFor(command == "kiosk" ? "Welcome to" : "Staff sign-in")
        return session
    }

    func stored(_ clinic: CLIClinic, _ reference: String) throws -> [String: Any] {
        let accounts = try clinic.json("user", "list", "--role", "patient").object["accounts"] as? [[String: Any]] ?? []
        return accounts.first { $0["phone"] as? String == reference || $0["email"] as? String == reference } ?? [:]
    }

    @Test("the desk registers a walk-in with a phone only, then edits the name in four scripts and the date of birth")
    func deskWalkIn() throws {
        let clinic = try CLIClinic()
        let added = try clinic.run(
            "user", "add", "--role", "receptionist", "--name", "Rita Desk", "--email", "rita@clinic.test", "--phone", "+15550300001",
            "--password", "desk-password-1")
        #expect(added.exitCode == 0, "\(added.stderr)")
        let t = try start(clinic, command: "tui")
        try t.type("rita@clinic.test"); try t.press("Tab"); try t.type("desk-password-1"); try t.press("Enter")
        try t.waitFor("(today)")
        try t.press("/"); try t.waitFor("Find patient")
        try t.press("C-n"); try t.waitFor("Register a patient")
        // Name, the email left empty, a phone
        try t.type("Walk In"); try t.press("Tab"); try t.press("Tab"); try t.type("555 010 4242"); try t.press("Enter")
        let card = try t.waitFor("Registered Walk In.")
        #expect(card.contains("+15550104242 · no email") && !card.contains("is not an email"))
        // e edits: the name typed in four scripts, a date of birth
        try t.press("e"); try t.waitFor("Date of birth")
        try t.press("C-u"); try t.type(Self.name)
        try t.press("Tab"); try t.press("Tab"); try t.press("Tab"); try t.type("1990-03-03")
        try t.press("Enter")
        let saved = try t.waitFor("details.")
        #expect(saved.contains("born 1990-03-03 · age 35"))
        let account = try stored(clinic, "+15550104242")
        #expect(account["name"] as? String == Self.name && account["email"] is NSNull)
        try t.press("q"); try t.waitFor("[exited 0]")
    }

    @Test("the kiosk signs a patient without email in by phone, and the profile edits name, email and date of birth")
    func kioskByPhone() throws {
        let clinic = try CLIClinic()
        let added = try clinic.run(
            "user", "add", "--role", "patient", "--name", "Walk In", "--phone", "+15550104343", "--password", "kiosk-password-1")
        #expect(added.exitCode == 0, "\(added.stderr)")
        let t = try start(clinic, command: "kiosk")
        try t.press("s"); try t.waitFor("Email or phone")
        try t.type("(555) 010-4343"); try t.press("Tab"); try t.type("kiosk-password-1"); try t.press("Enter")
        try t.waitFor("Hello, Walk In")
        try t.press("p"); try t.waitFor("Date of birth")
        try t.press("C-u"); try t.type(Self.name)
        try t.press("Tab"); try t.press("Tab"); try t.type("walk.in@example.com")
        try t.press("Tab"); try t.type("1990-03-01"); try t.press("Enter")
        let saved = try t.waitFor("Saved.")
        #expect(saved.contains("age 36"))
        let account = try stored(clinic, "+15550104343")
        #expect(account["name"] as? String == Self.name && account["email"] as? String == "walk.in@example.com")
        try t.press("Escape"); try t.waitFor("Hello,")
        try t.press("q"); try t.waitFor("[exited 0]")
    }
}

import ClinicTesting
import Foundation
import Testing

/// The real binary in a real terminal, typed into in the scripts that once
/// crashed it, with names in every script on the board; a crash and a bad
/// TERM say one plain thing.
@Suite("Every script under tmux", .serialized)
struct ScriptsTmuxTests {
    func start(
        _ clinic: CLIClinic, _ command: String, width: Int = 80, height: Int = 24, term: String = "xterm-256color",
        extra: [String: String] = [:]
    ) throws -> TmuxSession {
        var env = clinic.environment.merging(extra) { $1 }
        env["TERM"] = term; env["LANG"] = "C.UTF-8"
        return try TmuxSession([ClinicBinary.path, command], environment: env, width: width, height: height)
    }

    func clinic() throws -> CLIClinic {
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        let desk = try clinic.run(
            "user", "add", "--role", "receptionist", "--name", "Desk", "--email", "desk@clinic.test",
            "--phone", "+15550300001", "--password", "desk-pass")
        #expect(desk.exitCode == 0, "\(desk.stderr)")
        return clinic
    }

    func patientNames(_ clinic: CLIClinic) throws -> [String] {
        let listed = try clinic.json("user", "list", "--role", "patient").object
        return (listed["accounts"] as? [[String: Any]] ?? listed["users"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    }

    @Test("kiosk sign-up takes every name that crashed it, stores each as typed, and stays up")
    func signUpCrashers() throws {
        let clinic = try clinic()
        let t = try start(clinic, "kiosk")
        try t.waitFor("Welcome to")
        for (i, name) in ScriptCorpus.crashers.enumerated() {
            try t.press("n"); try t.waitFor("create your account")
            for field in [name, "p\(i)@example.com", "555 010 77\(10 + i)", "long-enough-1", "long-enough-1"] {
                try t.type(field); try t.press("Tab")
            }
            try t.press("Enter")
            try t.waitFor("Hello,")
            try t.press("s"); try t.waitFor("Welcome to")
        }
        let stored = try patientNames(clinic)
        for name in ScriptCorpus.crashers {
            #expect(stored.contains { Array($0.unicodeScalars) == Array(name.unicodeScalars) }, "\(name) not stored as typed: \(stored)")
        }
        try t.press("q"); try t.waitFor("[exited 0]")
    }

    @Test("desk search takes the same text and the staff terminal stays up")
    func deskSearch() throws {
        let clinic = try clinic()
        let t = try start(clinic, "tui")
        try t.waitFor("Staff sign-in")
        try t.type("desk@clinic.test"); try t.press("Tab"); try t.type("desk-pass"); try t.press("Enter")
        try t.waitFor("appointments")
        try t.press("/"); try t.waitFor("Find patient")
        for name in ScriptCorpus.crashers {
            try t.type(name); try t.press("Left"); try t.press("BSpace"); try t.type("x")
            try t.waitFor("Find patient")
            try t.press("C-u")
        }
        #expect(try t.programPID() != nil)
        try t.press("Escape"); try t.press("q"); try t.waitFor("[exited 0]")
    }

    @Test("the board with names in many scripts: every code is whole on its row, at 80×24 and 120×40", arguments: [(80, 24), (120, 40)])
    func board(_ size: (Int, Int)) throws {
        let clinic = try clinic()
        let names = ["प्रिया Ó Súilleabháin", "김민준 李小龙", "محمد عَلِيّ", "Zoë 👍🏽 🇵🇱 ❤️", "क्षत्रिय さくら", "Dr İlkay शर्मा"]
        var codes: [(String, String)] = []
        for (i, name) in names.enumerated() {
            let email = "s\(i)@example.com"
            let r = try clinic.run("user", "add", "--role", "patient", "--name", name, "--email", email, "--phone", "+1555010\(4000 + i)")
            #expect(r.exitCode == 0, "\(r.stderr)")
            let time = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"][i]
            let booked = try clinic.json(
                "book", "--doctor", "ana@clinic.test", "--patient", email, "--start", "2026-03-02 \(time)",
                "--reason", "Check-up")
            let code = try #require((booked.object["appointment"] as? [String: Any])?["code"] as? String, "\(booked.result.stderr)")
            codes.append((code, time))
        }
        let t = try start(clinic, "tui", width: size.0, height: size.1)
        try t.waitFor("Staff sign-in")
        try t.type("desk@clinic.test"); try t.press("Tab"); try t.type("desk-pass"); try t.press("Enter")
        let screen = try t.waitFor(codes.last!.0)
        for (code, time) in codes {
            let row = screen.split(separator: "\n").first { $0.contains(code) }
            #expect(row?.contains(time) == true && row?.contains(code + " ") == true, "\(code) at \(time): \(screen)")
        }
    }

    @Test("a crash at the kiosk shows one plain sentence and no internals; the backtrace is in the log")
    func crash() throws {
        let clinic = try clinic()
        let t = try start(clinic, "kiosk", extra: ["CLINIC_TEST_TRAP_ON_F12": "1"])
        try t.waitFor("Welcome to")
        try t.press("F12")
        // What the program left on the screen: the test's own shell then reports the signal.
        let screen = try t.waitFor("[exited").components(separatedBy: "bash: line")[0]
        #expect(screen.contains("Something went wrong; please ask the desk."))
        for insides in [".swift", "Backtrace", "Fatal error", "/work", "0x", "Thread"] {
            #expect(!screen.contains(insides), "\(insides) shown: \(screen)")
        }
        let log = try String(contentsOfFile: clinic.directory.path("clinic.log"), encoding: .utf8)
        #expect(log.contains("crashed with signal") && log.contains("test trap"), "\(log.suffix(400))")
    }

    @Test(
        "an unknown TERM and a terminal without cursor addressing each get one clear line and a non-zero exit",
        arguments: [("foo-unknown", "does not know the terminal type TERM=foo-unknown"), ("dumb", "TERM=dumb cannot move the cursor")])
    func badTerm(_ term: (String, String)) throws {
        let clinic = try clinic()
        let t = try start(clinic, "kiosk", width: 200, term: term.0)
        let screen = try t.waitFor("[exited")
        #expect(screen.contains(term.1) && screen.contains("[exited 2]"), "\(screen)")
    }

    @Test("a long paste goes into the field at once, cut at its limit; the kiosk answers the next key at once")
    func longPaste() throws {
        let clinic = try clinic()
        let t = try start(clinic, "kiosk")
        try t.waitFor("Welcome to")
        try t.press("n"); try t.waitFor("create your account")
        try t.paste(String(repeating: "Ana María शर्मा ", count: 412))  // 6,592 characters
        try t.press("Tab"); try t.type("still-here@example.com")
        try t.waitFor("still-here@example.com", timeout: 3)
    }
}

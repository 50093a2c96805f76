import ClinicTesting
import Foundation
import Testing

/// The real `clinic kiosk` in a real terminal (tmux), on a clinic whose clock
/// reads Monday 2 March 2026, 07:00 in New York.
@Suite("Kiosk end to end under tmux", .serialized)
struct KioskTmuxTests {
    static let sizes: [(Int, Int, String)] = [(80, 24, "xterm-256color"), (120, 40, "vt100")]

    func start(
        _ clinic: CLIClinic, width: Int = 80, height: Int = 24, term: String = "xterm-256color",
        command: String = "kiosk"
    ) throws -> TmuxSession {
        var env = clinic.environment
        env["TERM"] = term; env["LANG"] = "C.UTF-8"
        let session = try TmuxSession([ClinicBinary.path, command], environment: env, width: width, height: height)
        try session.waitFor(command == "kiosk" ? "Welcome to" : "Staff sign-in")
        return session
    }

    func clinicWithDoctor() throws -> CLIClinic {
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        return clinic
    }

    @Test("sign up, sign out, sign in, book, see it, cancel it, sign out, quit", arguments: 0..<2)
    func fullFlow(_ index: Int) throws {
        let (width, height, term) = Self.sizes[index]
        let clinic = try clinicWithDoctor()
        let t = try start(clinic, width: width, height: height, term: term)
        try t.press("n"); try t.waitFor("create your account")
        for field in ["Aiko Tanaka", "aiko@example.com", "555 010 7788", "long-enough-1", "long-enough-1"] {
            try t.type(field); try t.press("Tab")
        }
        try t.press("Enter")
        try t.waitFor("Hello, Aiko Tanaka")
        try t.press("s"); try t.waitFor("Welcome to")
        try t.press("s"); try t.waitFor("Email or phone")
        try t.type("aiko@example.com"); try t.press("Tab"); try t.type("long-enough-1"); try t.press("Enter")
        try t.waitFor("Hello, Aiko Tanaka")
        try t.press("b"); try t.waitFor("Cardiology")
        try t.press("Enter"); try t.waitFor("Dr ana@clinic.test")
        try t.press("Enter"); try t.waitFor("09:00–09:30")
        try t.press("Enter"); try t.waitFor("Reason for the visit")
        try t.type("Palpitations"); try t.press("Enter"); try t.waitFor("Press Enter to book")
        try t.press("Enter")
        let home = try t.waitFor("Your code is")
        let code = try #require(home.firstMatch(of: /Your code is ([A-Z0-9]{6})/)).1
        try t.press("a"); try t.waitFor(String(code))
        try t.press("x"); try t.waitFor("Press x again")
        try t.press("x"); try t.waitFor("Cancelled \(code).")
        let listed = try clinic.json("appointments", "--patient", "aiko@example.com").object
        let rows = listed["appointments"] as? [[String: Any]] ?? []
        #expect(rows.count == 1 && rows.first?["status"] as? String == "cancelled")
        try t.press("Escape"); try t.waitFor("Hello, Aiko")
        try t.press("s"); try t.waitFor("Welcome to")
        try t.press("q"); try t.waitFor("[exited 0]")
    }

    /// One wrong sign-in at the kiosk's sign-in form: types the password, sends it, and waits
    /// until the answer is shown (the kiosk clears the password field then). Returns the seconds it took.
    @discardableResult
    func failSignIn(_ t: TmuxSession, _ password: String = "wrong-password") throws -> Double {
        let dots = String(repeating: "•", count: password.count)
        try t.type(password); try t.waitFor(dots)
        let sent = ProcessInfo.processInfo.systemUptime
        try t.press("Enter")
        try t.waitUntil("the answer", timeout: 20) { !$0.contains(dots) && $0.contains("That did not sign you in.") }
        return ProcessInfo.processInfo.systemUptime - sent
    }

    @Test("five wrong passwords lock the patient's kiosk sign-in (same answer, slower each time); the desk unlocks it")
    func lockout() throws {
        let clinic = try clinicWithDoctor()
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        let t = try start(clinic)
        try t.press("s"); try t.waitFor("Email or phone")
        try t.type("pia@clinic.test"); try t.press("Tab")
        let waits = try (1...5).map { _ in try failSignIn(t) }
        #expect(waits[4] >= 3.5, "the fifth answer is held back 4 s: \(waits)")
        let listed = try clinic.json("user", "list", "--role", "patient").object["accounts"] as? [[String: Any]] ?? []
        #expect(listed.first?["kiosk_locked"] as? Bool == true && listed.first?["locked"] as? Bool == false, "\(listed)")
        // When the desk unlocks her, the right password lets her in at once
        let unlocked = try clinic.run("user", "unlock", "pia@clinic.test")
        #expect(unlocked.exitCode == 0 && unlocked.stdout.contains("unlocked pia@clinic.test"), "\(unlocked.stderr)")
        try t.type("patient-pass"); try t.press("Enter")
        try t.waitFor("Hello,")
    }

    @Test("five wrong passwords for a staff email at the kiosk, then the right one: the kiosk says the same; the staff terminal lets them in")
    func staffEmailAtTheKiosk() throws {
        let clinic = try clinicWithDoctor()
        let t = try start(clinic)
        try t.press("s"); try t.waitFor("Email or phone")
        try t.type("ana@clinic.test"); try t.press("Tab")
        for _ in 1...5 { try failSignIn(t) }
        try failSignIn(t, "doctor-pass")
        #expect(try !t.capture().contains("staff"))
        let staff = try start(clinic, command: "tui")
        try staff.type("ana@clinic.test"); try staff.press("Tab"); try staff.type("doctor-pass"); try staff.press("Enter")
        try staff.waitFor("(today)")
        try staff.press("q"); try staff.waitFor("[exited 0]")
    }

    func signedInAtSlots(_ clinic: CLIClinic, width: Int = 80, height: Int = 24) throws -> TmuxSession {
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        try clinic.addPatient(email: "other@clinic.test", phone: "+15550100002")
        let t = try start(clinic, width: width, height: height)
        try t.press("s"); try t.waitFor("Email or phone")
        try t.type("pia@clinic.test"); try t.press("Tab"); try t.type("patient-pass"); try t.press("Enter")
        try t.waitFor("Hello,")
        try t.press("b"); try t.waitFor("Cardiology")
        try t.press("Enter"); try t.waitFor("Dr ana@clinic.test")
        try t.press("Enter"); try t.waitFor("12 free of 12")
        return t
    }

    @Test("resizing mid-flow repaints at the new size and the flow goes on")
    func resize() throws {
        let clinic = try clinicWithDoctor()
        let t = try signedInAtSlots(clinic)
        try t.resize(width: 120, height: 40)
        try t.waitUntil("a 40-line frame") { s in
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 40 && lines[39].contains("?/F1") && s.contains("09:00–09:30")
        }
        try t.resize(width: 80, height: 24)
        try t.waitUntil("a 24-line frame") { s in
            let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            // at 80 columns the slot screen's own keys fill the footer and ? ends it as "more"
            return lines.count >= 24 && lines[23].contains("?/F1") && s.contains("12 free of 12")
        }
        try t.press("Enter"); try t.waitFor("Reason for the visit")
    }

    @Test("another process books the slot being looked at: the screen shows it within a second, booking it says just taken")
    func liveRefreshAndJustTaken() throws {
        let clinic = try clinicWithDoctor()
        let t = try signedInAtSlots(clinic)
        let r = try clinic.run(
            "book", "--doctor", "ana@clinic.test", "--patient", "other@clinic.test",
            "--start", "2026-03-02 09:00", "--reason", "Elsewhere")
        #expect(r.exitCode == 0, "\(r.stderr)")
        // the screen looks every 500 ms; the bound leaves room for a loaded CI machine
        let started = ProcessInfo.processInfo.systemUptime
        try t.waitFor("09:00–09:30    taken", timeout: 5)
        let seconds = ProcessInfo.processInfo.systemUptime - started
        #expect(seconds < 2.5, "took \(seconds) s after the booking committed")
        try t.press("Down"); try t.press("Enter"); try t.waitFor("Reason for the visit")
        try t.type("Check-up"); try t.press("Enter"); try t.waitFor("Press Enter to book")
        let r2 = try clinic.run(
            "book", "--doctor", "ana@clinic.test", "--patient", "other@clinic.test",
            "--start", "2026-03-02 09:30", "--reason", "Elsewhere")
        #expect(r2.exitCode == 0, "\(r2.stderr)")
        try t.press("Enter")
        try t.waitFor("That slot was just taken by someone else")
        try t.waitFor("09:30–10:00    taken")
    }

    @Test("Ctrl-C, Ctrl-Z and Ctrl-\\ leave the kiosk running; SIGTERM and SIGHUP end it cleanly")
    func signals() throws {
        let clinic = try clinicWithDoctor()
        let t = try start(clinic)
        try t.press("C-c"); try t.press("C-z"); try t.press("C-\\")
        try t.press("n"); try t.waitFor("create your account")
        #expect(try !t.capture().contains("[exited"))
        let pid = try #require(try t.programPID())
        kill(pid, SIGTERM)
        try t.waitFor("[exited 0]")
        let t2 = try start(clinic)
        let pid2 = try #require(try t2.programPID())
        kill(pid2, SIGHUP)
        try t2.waitFor("[exited 0]")
    }

    @Test("the staff terminal routes a doctor to their day")
    func staffTerminal() throws {
        let clinic = try clinicWithDoctor()
        let t = try start(clinic, command: "tui")
        try t.type("ana@clinic.test"); try t.press("Tab"); try t.type("doctor-pass"); try t.press("Enter")
        // The doctor's own day (its title), not the desk's board, which also says "(today)"
        let screen = try t.waitFor("My day")
        #expect(!screen.contains("Today's board"))
        try t.press("q"); try t.waitFor("[exited 0]")
    }

    @Test("Home and End move in a field, as tmux sends them (ESC [1~ / ESC [4~ while TERM says xterm), without leaving the form")
    func homeAndEndInAField() throws {
        let t = try start(try clinicWithDoctor(), term: "xterm-256color")
        try t.press("s"); try t.waitFor("Email or phone")
        try t.type("abc"); try t.press("Home"); try t.type("X"); try t.press("End"); try t.type("Y")
        let screen = try t.waitFor("XabcY")
        #expect(screen.contains("Email or phone"), "still on the sign-in form: \(screen)")
    }

    @Test("The theme's colours reach the terminal: 256 colours, the 8-colour fallback, none under NO_COLOR")
    func colours() throws {
        let clinic = try clinicWithDoctor()
        // The title bar: fg 231 on bg 25 in 256 colours, white on blue in 8 (default.theme)
        let rich = try start(clinic, term: "xterm-256color").captureWithAttributes()
        #expect(rich.contains("38;5;231") && rich.contains("48;5;25"), "\(rich.debugDescription.prefix(400))")
        let eight = try start(clinic, term: "xterm").captureWithAttributes()
        #expect(eight.contains("\u{1B}[37m") || eight.contains(";37m") || eight.contains("[37;"), "\(eight.debugDescription.prefix(400))")
        #expect(eight.contains("44m") && !eight.contains("38;5;"))
        clinic.environment["NO_COLOR"] = "1"
        let none = try start(clinic, term: "xterm-256color").captureWithAttributes()
        #expect(
            !none.contains("38;5;") && !none.contains("44m") && (none.contains("\u{1B}[1;7m") || none.contains("\u{1B}[7m")),
            "\(none.debugDescription.prefix(400))")
    }

    @Test("clinic demo without a terminal only prints; a bad theme is a clear error")
    func demoAndTheme() throws {
        let clinic = try CLIClinic()
        let r = try clinic.run("demo", "--db", clinic.directory.path("demo.sqlite"))
        #expect(r.exitCode == 0 && r.stdout.contains("Demo sign-ins"))
        let dir = clinic.directory
        try "normal fg=1\nbogus fg=2\n".write(toFile: dir.path("bad.theme"), atomically: true, encoding: .utf8)
        let bad = try clinic.run("kiosk", "--theme", dir.path("bad.theme"))
        #expect(bad.exitCode != 0 && bad.stderr.contains("bad.theme:2: unknown role 'bogus'"))
        let noTTY = try clinic.run("kiosk")
        #expect(noTTY.exitCode != 0 && noTTY.stderr.contains("needs a terminal"))
    }
}

import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The staff terminal end to end: the real `clinic tui` under tmux on a seeded
/// clinic (clock pinned to Mon 2 Mar 2026, 07:00 New York), other processes
/// changing the same database.
@Suite("Staff screens end to end under tmux", .serialized)
struct StaffTmuxTests {
    /// A seeded clinic plus a known doctor (Dr Ana Test, weekdays 09–12) and patient (Zoë Testperson).
    func seededClinic() throws -> (CLIClinic, [String: String]) {
        let clinic = try CLIClinic()
        let seed = try clinic.run(
            "seed", "--doctors", "3", "--patients", "30", "--appointments", "90", "--random-seed", "7",
            "--out", clinic.directory.url.path)
        #expect(seed.exitCode == 0, "\(seed.stderr)")
        let data = try Data(contentsOf: clinic.directory.url.appendingPathComponent("credentials_doctors.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        var passwords: [String: String] = [:]
        for account in object?["accounts"] as? [[String: Any]] ?? [] {
            if let role = account["role"] as? String, let pw = account["password"] as? String, let email = account["email"] as? String,
                passwords[role] == nil
            {
                passwords[role] = pw; passwords[role + "-email"] = email
            }
        }
        try clinic.addDoctor(email: "ana.test@clinic.test", phone: "+15550200991", hours: "mon-fri 09:00-12:00")
        let r = try clinic.run(
            "user", "add", "--role", "patient", "--name", "Zoë Testperson", "--email", "zoe.test@clinic.test",
            "--phone", "+15550100991", "--password", "patient-pass")
        #expect(r.exitCode == 0, "\(r.stderr)")
        return (clinic, passwords)
    }

    func start(_ clinic: CLIClinic, _ command: String = "tui", env extra: [String: String] = [:]) throws -> TmuxSession {
        var env = clinic.environment.merging(extra) { $1 }
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"
        let t = try TmuxSession([ClinicBinary.path, command], environment: env, width: 100, height: 30)
        try t.waitFor(command == "tui" ? "Staff sign-in" : "Welcome to")
        return t
    }

    func signIn(_ t: TmuxSession, _ login: String, _ password: String) throws {
        try t.type(login); try t.press("Tab"); try t.type(password); try t.press("Enter")
    }

    /// From the patient card: `b`, Cardiology, Dr ana.test (the seed may add doctors and specializations).
    func chooseDoctor(_ t: TmuxSession) throws {
        try t.press("b"); try t.waitFor("Which kind of doctor")
        try moveTo("▸Cardiology", t)
        try t.press("Enter"); try t.waitFor("Dr ana.test@clinic.test")
        try moveTo("▸Dr ana.test", t)
        try t.press("Enter")
    }

    /// Moves the selection until `marker` (the selected row) shows, waiting for each
    /// press to repaint. A capture taken mid-paint can miss the marker and send one
    /// Down too many, so at the end of the list it turns round and walks back Up.
    func moveTo(_ marker: String, _ t: TmuxSession) throws {
        _ = try t.waitFor("▸")
        var key = "Down"
        for _ in 0..<60 {
            let screen = try t.capture()
            if screen.contains(marker) { return }
            try t.press(key)
            do { _ = try t.waitUntil("the selection to move", timeout: 2) { $0 != screen } } catch { key = key == "Down" ? "Up" : "Down" }
        }
        _ = try t.waitFor(marker)
    }

    func appointments(_ clinic: CLIClinic) throws -> [[String: Any]] {
        try clinic.json("appointments", "--patient", "zoe.test@clinic.test").object["appointments"] as? [[String: Any]] ?? []
    }

    @Test("receptionist: finds a patient, books for them, moves the visit, checks them in, cancels another with a reason")
    func receptionist() throws {
        let (clinic, pw) = try seededClinic()
        let t = try start(clinic)
        try signIn(t, try #require(pw["receptionist-email"]), try #require(pw["receptionist"]))
        try t.waitFor("(today)")
        try t.press("/"); try t.waitFor("Find patient")
        try t.type("zoe testp"); try t.waitFor("1 match")
        try t.press("Enter"); try t.waitFor("0 upcoming")
        // book: specialization → doctor → slot → reason → confirm
        try chooseDoctor(t)
        try t.waitFor("Mon 2 Mar 2026")
        try t.press("Enter"); try t.waitFor("For Zoë Testperson")
        try t.type("Palpitations"); try t.press("Enter"); try t.waitFor("Press Enter to book")
        try t.press("Enter")
        // the code leads the notice, whole at 80 columns: the desk reads it out
        let board = try t.waitFor("for Zoë Testperson.")
        let code = String(try #require(board.firstMatch(of: /Code ([A-Z0-9]{6}): booked/)).1)
        try t.waitFor(code)  // on today's board
        // move it from the card to the next free slot
        try t.waitFor("1 upcoming")  // booking from the card comes back to it (its keys are live: `e` edits)
        try t.press("r"); try t.waitFor("this visit")
        try t.press("Enter"); try t.waitFor("Moved \(code) to Mon 2 Mar 2026 09:30.")
        // check in
        try t.press("c"); try t.waitFor("Checked in \(code).")
        var rows = try appointments(clinic)
        #expect(rows.count == 1 && rows.first?["status"] as? String == "checked_in")
        #expect((rows.first?["start"] as? String)?.contains("09:30") == true)
        // book a second visit and cancel it with a reason
        try chooseDoctor(t)
        try t.waitFor("Mon 2 Mar 2026"); try t.press("]"); try t.waitFor("Tue 3 Mar 2026")
        try t.press("Enter"); try t.waitFor("For Zoë"); try t.type("Follow-up"); try t.press("Enter"); try t.press("Enter")
        let second = try t.waitFor("Code")
        let code2 = String(try #require(second.firstMatch(of: /Code ([A-Z0-9]{6})/)).1)
        try t.waitFor("2 upcoming")
        try t.press("Down"); try t.press("x"); try t.waitFor("Enter cancels the visit")
        try t.type("Patient called to cancel"); try t.press("Enter")
        try t.waitFor("Cancelled \(code2) (Patient called to cancel).")
        rows = try appointments(clinic)
        #expect(rows.first { $0["code"] as? String == code2 }?["status"] as? String == "cancelled")
        try t.press("q"); try t.waitFor("[exited 0]")
    }

    @Test("doctor: the day updates without a key press when the patient confirms by SMS (clinic sms simulate → clinic serve)")
    func doctorLive() throws {
        let (clinic, _) = try seededClinic()
        let booked = try clinic.json(
            "book", "--doctor", "ana.test@clinic.test", "--patient", "zoe.test@clinic.test",
            "--start", "2026-03-02 10:00", "--reason", "Chest pain")
        let code = try #require(
            (booked.object["appointment"] as? [String: Any])?["code"] as? String ?? booked.object["code"] as? String,
            "\(booked.result.stdout) \(booked.result.stderr)")
        let port = HTTPProbe.freePort()
        // serve runs on the real clock shifted to the pinned instant (CLINIC_NOW would stop its scheduler's time)
        var env = clinic.environment
        env["CLINIC_NOW"] = nil
        env["CLINIC_CLOCK_OFFSET"] = String(TestClinic.instant("2026-03-02T12:00:00Z").timeIntervalSince1970 - SystemClock().now().timeIntervalSince1970)
        env["CLINIC_LISTEN"] = "127.0.0.1:\(port)"
        let serve = try ClinicBinary.start(["serve"], environment: env)
        defer { signalProcess(serve, SIGTERM); _ = serve.wait() }
        let t = try start(clinic)
        try signIn(t, "ana.test@clinic.test", "doctor-pass")
        try t.waitFor("Chest pain")
        #expect(try t.capture().contains("scheduled"))
        var reply = try ClinicBinary.run(["sms", "simulate", "--from", "+15550100991", "--body", "CONFIRM \(code)"], environment: env)
        for _ in 0..<50 where reply.exitCode != 0 {  // the listener may still be starting
            SystemClock.pause(seconds: 0.1)
            reply = try ClinicBinary.run(["sms", "simulate", "--from", "+15550100991", "--body", "CONFIRM \(code)"], environment: env)
        }
        #expect(reply.exitCode == 0 && reply.stdout.contains("confirmed"), "\(reply.stderr)")
        try t.waitUntil("the confirmation on screen", timeout: 5) { $0.contains("confirmed") && $0.contains("Chest pain") }
        try t.press("q"); try t.waitFor("[exited 0]")
    }

    @Test("admin: adds a doctor with hours; the new doctor's slots appear in the kiosk")
    func adminAddsDoctor() throws {
        let (clinic, pw) = try seededClinic()
        let t = try start(clinic)
        try signIn(t, try #require(pw["admin-email"]), try #require(pw["admin"]))
        try t.waitFor("Staff accounts")
        try t.press("Enter"); try t.waitFor("reset password")
        try t.press("n"); try t.waitFor("Weekly hours")
        try t.press("Tab"); try t.type("Dr Lin Wu"); try t.press("Tab"); try t.type("lin.wu@clinic.test")
        try t.press("Tab"); try t.type("+15550209999"); try t.press("Tab"); try t.type("long-enough-1")
        try t.press("Tab"); try t.type("Zz Neurology"); try t.press("Tab"); try t.press("Tab")
        try t.press("C-u"); try t.type("mon-fri 13:00-15:00"); try t.press("Enter")
        try t.waitFor("Added Dr Lin Wu (doctor).")
        try t.press("q"); try t.waitFor("[exited 0]")
        let k = try start(clinic, "kiosk")
        try k.press("s"); try k.waitFor("Email or phone")
        try signIn(k, "zoe.test@clinic.test", "patient-pass"); try k.waitFor("Hello,")
        try k.press("b"); try k.waitFor("Zz Neurology")
        try moveTo("▸Zz Neurology", k)
        try k.press("Enter"); try k.waitFor("Dr Lin Wu")
        try k.press("Enter"); try k.waitFor("13:00–13:30")
        try k.waitFor("4 free of 4")
        try k.press("q"); try k.waitFor("[exited 0]")
    }
}

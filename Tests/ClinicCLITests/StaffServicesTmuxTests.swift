import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The staff TUI and `clinic demo` run the background services in-process,
/// say so in the status line, keep every log line off the screen, and stop
/// cleanly (the lease is given back) when the person quits.
@Suite("Staff TUI and demo services under tmux", .serialized)
struct StaffServicesTmuxTests {
    /// Log lines that must never reach the terminal.
    static let logWords = ["lease acquired", "scheduler started", "info clinic", "webhook listening", "tick", "sms sent"]

    func session(
        _ clinic: CLIClinic, _ arguments: [String], width: Int = 120, height: Int = 30,
        extra: [String: String] = [:]
    ) throws -> TmuxSession {
        var env = clinic.environment.merging(extra) { $1 }
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"; env["CLINIC_SCHEDULER_TICK_SECONDS"] = "0.2"
        return try TmuxSession([ClinicBinary.path] + arguments, environment: env, width: width, height: height)
    }

    func lease(_ clinic: CLIClinic) throws -> SchedulerLease? {
        try ClinicStore(database: clinic.database.location, clock: ManualClock(TestClinic.instant("2026-03-02T15:00:00Z"))).schedulerLease()
    }

    @Test("clinic tui runs the scheduler under the lease: the lease names it, a due reminder is sent, logs go to clinic.log")
    func staffRunsScheduler() throws {
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        let booked = try clinic.run(
            "book", "--doctor", "ana@clinic.test", "--patient", "pia@clinic.test",
            "--start", "2026-03-03 09:00", "--reason", "Check-up")
        #expect(booked.exitCode == 0, "\(booked.stderr)")
        // Three hours (the reminder lead) before the 14:00 UTC visit have passed: the reminder is due.
        let t = try session(clinic, ["tui"], extra: ["CLINIC_NOW": "2026-03-03T12:00:00Z"])
        let screen = try t.waitFor("scheduler running here · sms outbox")
        #expect(screen.contains("Staff sign-in"))
        let pid = try #require(try t.programPID())
        let holder = try #require(try lease(clinic)?.holder)
        #expect(holder.contains(":\(pid):"), "lease holder \(holder), tui pid \(pid)")
        #expect(
            try Eventually.wait(timeout: 10) {
                let messages = try clinic.json("sms", "log").object["messages"] as? [[String: Any]] ?? []
                return messages.contains { $0["kind"] as? String == "reminder" && $0["state"] as? String == "sent" }
            })
        let after = try t.capture()
        for word in Self.logWords { #expect(!after.contains(word), "log text '\(word)' on the screen:\n\(after)") }
        let log = try String(contentsOfFile: clinic.directory.path("clinic.log"), encoding: .utf8)
        #expect(log.contains("scheduler lease acquired"))
        try t.press("C-q"); try t.waitFor("[exited 0]")
        #expect(try lease(clinic) == nil, "a clean exit gives the lease back")
    }

    @Test(
        "SIGTERM, SIGINT or SIGHUP to clinic tui while it runs the scheduler: the terminal is restored, exit 0, the lease is given back",
        arguments: [SIGTERM, SIGINT, SIGHUP])
    func signalEndsTheTUICleanly(signal: Int32) throws {
        let clinic = try CLIClinic()
        let t = try session(clinic, ["tui"])
        try t.waitFor("scheduler running here · sms outbox")
        let pid = try #require(try t.programPID())
        #expect(try lease(clinic)?.holder.contains(":\(pid):") == true)
        // Ctrl-C typed is a key in raw mode, not a signal: the terminal stays.
        try t.press("C-c"); try t.type("still.here@clinic.test")
        try t.waitFor("still.here@clinic.test")
        #expect(try !t.capture().contains("[exited"))
        kill(pid, signal)
        let screen = try t.waitFor("[exited 0]")
        #expect(!screen.contains("Staff sign-in"), "the terminal is restored (curses' screen is gone):\n\(screen)")
        #expect(try lease(clinic) == nil, "a signalled exit gives the lease back")
        let log = try String(contentsOfFile: clinic.directory.path("clinic.log"), encoding: .utf8)
        #expect(log.contains("scheduler stopped"))
    }

    @Test("CLINIC_LOG_LEVEL is honoured by the TUI's log file: warning keeps the info lines out, debug lets debug lines in")
    func logLevel() throws {
        let clinic = try CLIClinic()
        let quiet = try session(clinic, ["tui"], extra: ["CLINIC_LOG_LEVEL": "warning"])
        try quiet.waitFor("scheduler running here")
        try quiet.press("C-q"); try quiet.waitFor("[exited 0]")
        let logPath = clinic.directory.path("clinic.log")
        let afterWarning = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        #expect(!afterWarning.contains("scheduler started") && !afterWarning.contains("lease acquired"), "\(afterWarning)")
        let chatty = try session(clinic, ["tui"], extra: ["CLINIC_LOG_LEVEL": "debug"])
        try chatty.waitFor("scheduler running here")
        try chatty.press("C-q"); try chatty.waitFor("[exited 0]")
        let afterDebug = try String(contentsOfFile: logPath, encoding: .utf8)
        #expect(afterDebug.contains("info clinic.tui: scheduler started"))
        #expect(afterDebug.contains("debug clinic.tui:"), "\(afterDebug)")
    }

    @Test("scheduler = external: the TUI runs none and reports who does")
    func external() throws {
        let clinic = try CLIClinic()
        try "scheduler = \"external\"\n".write(toFile: clinic.directory.path("clinic.toml"), atomically: true, encoding: .utf8)
        let t = try session(clinic, ["tui", "--config", clinic.directory.path("clinic.toml")])
        try t.waitFor("scheduler off · sms outbox")
        #expect(try lease(clinic) == nil)
        try t.press("C-q"); try t.waitFor("[exited 0]")
    }

    @Test("clinic demo runs the listener and the scheduler; a second demo on a taken port still opens and says so; SIGTERM ends the first cleanly")
    func demo() async throws {
        let clinic = try CLIClinic()
        let port = HTTPProbe.freePort()
        let db = clinic.directory.path("demo.sqlite")
        let listen = ["CLINIC_LISTEN": "127.0.0.1:\(port)"]
        let first = try session(clinic, ["demo", "--db", db], width: 140, extra: listen)
        try first.waitFor("scheduler running here · sms outbox · webhook 127.0.0.1:\(port)", timeout: 20)
        #expect(try first.capture().contains("ana.moreau@demo.clinic"), "demo sign-ins on the sign-in screen")
        let health = await HTTPProbe.send(port: port, HTTPProbe.request("GET", "/healthz"))
        #expect(health.status == 200)
        let second = try session(clinic, ["demo", "--db", db], width: 140, extra: listen)
        try second.waitFor("scheduler running elsewhere · sms outbox · webhook off: 127.0.0.1:\(port) in use", timeout: 20)
        for screen in [try first.capture(), try second.capture()] {
            for word in Self.logWords { #expect(!screen.contains(word), "log text '\(word)' on the screen:\n\(screen)") }
        }
        let log = try String(contentsOfFile: clinic.directory.path("clinic.log"), encoding: .utf8)
        #expect(log.contains("webhook listener not started"))
        // SIGTERM ends the first demo as quitting would: the lease goes to the second, the port is closed.
        kill(try #require(try first.programPID()), SIGTERM)
        try first.waitFor("[exited 0]")
        #expect(await HTTPProbe.send(port: port, HTTPProbe.request("GET", "/healthz"), timeout: 2).status != 200)
        try second.waitFor("scheduler running here", timeout: 10)
        try second.press("C-q"); try second.waitFor("[exited 0]")
    }
}

import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The kiosk as an sshd `ForceCommand` over a real ssh session on loopback:
/// a patient books and quits, the session ends, and no shell is reachable.
/// CI installs openssh-server (scripts/install-deps): without sshd this fails.
@Suite("Kiosk over ssh", .serialized, .timeLimit(.minutes(2)))
struct KioskSSHTests {
    /// Whether `text` is a line of its own (a command's output), not part of an echoed command.
    static func printed(_ text: String, in screen: String) -> Bool {
        screen.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == text }
    }

    func server(_ clinic: CLIClinic) throws -> SSHServer {
        try #require(
            FileManager.default.isExecutableFile(atPath: SSHServer.daemonPath),
            "sshd is missing: install openssh-server (scripts/install-deps)")
        let binary = URL(fileURLWithPath: ClinicBinary.path).standardizedFileURL.path
        return try SSHServer(
            forceCommand: "\(binary) kiosk \(clinic.database.arguments.joined(separator: " "))",
            environment: ["LANG": "C.UTF-8", "CLINIC_NOW": "2026-03-02T12:00:00Z"])
    }

    func ssh(_ server: SSHServer, _ clinic: CLIClinic, remote: String? = nil) throws -> TmuxSession {
        let env = ["PATH": "/usr/bin:/bin", "HOME": clinic.directory.url.path, "TERM": "xterm-256color", "LANG": "C.UTF-8"]
        return try TmuxSession(server.clientCommand(remote), environment: env, width: 80, height: 24)
    }

    @Test("over ssh without LANG the kiosk takes Devanagari and emoji; a crash ends the session with one plain sentence")
    func crashOverSSH() throws {
        let clinic = try CLIClinic()
        try #require(
            FileManager.default.isExecutableFile(atPath: SSHServer.daemonPath),
            "sshd is missing: install openssh-server (scripts/install-deps)")
        let binary = URL(fileURLWithPath: ClinicBinary.path).standardizedFileURL.path
        let sshd = try SSHServer(
            forceCommand: "\(binary) kiosk \(clinic.database.arguments.joined(separator: " "))",
            environment: ["CLINIC_NOW": "2026-03-02T12:00:00Z", "CLINIC_TEST_TRAP_ON_F12": "1"])
        defer { sshd.stop() }
        let t = try ssh(sshd, clinic)
        try t.waitFor("Welcome to", timeout: 20)
        try t.press("n"); try t.waitFor("create your account")
        try t.type("शर्मा 👩🏽‍⚕️ 🇵🇱a"); try t.press("Left"); try t.press("BSpace")
        try t.waitFor("शर्मा")
        try t.press("F12")
        let end = try t.waitUntil("the ssh client to exit", timeout: 15) { $0.contains("[exited") }
        #expect(end.contains("Something went wrong; please ask the desk."), "\(end)")
        for insides in [".swift", "Backtrace", "Fatal error", "0x0", "Thread "] {
            #expect(!end.contains(insides), "\(insides) shown over ssh: \(end)")
        }
    }

    @Test("ssh gets the kiosk: sign in, book a slot, q ends the session; shell input never runs")
    func bookOverSSH() throws {
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        let sshd = try server(clinic)
        defer { sshd.stop() }
        let t = try ssh(sshd, clinic)
        try t.waitFor("Welcome to", timeout: 20)
        // Job control and shell input go nowhere: the kiosk is the only program.
        try t.press("C-c"); try t.press("C-z"); try t.press("C-\\")
        try t.type("echo SHELL_REACHED"); try t.press("Enter")
        let signIn = try t.waitFor("Email or phone")
        #expect(!signIn.contains("SHELL_REACHED"))
        try t.type("pia@clinic.test"); try t.press("Tab"); try t.type("patient-pass"); try t.press("Enter")
        try t.waitFor("Hello,")
        try t.press("b"); try t.waitFor("Cardiology")
        try t.press("Enter"); try t.waitFor("Dr ana@clinic.test")
        try t.press("Enter"); try t.waitFor("09:00–09:30")
        try t.press("Enter"); try t.waitFor("Reason for the visit")
        try t.type("Over ssh"); try t.press("Enter"); try t.waitFor("Press Enter to book")
        try t.press("Enter")
        let home = try t.waitFor("Your code is")
        let code = String(try #require(home.firstMatch(of: /Your code is ([A-Z0-9]{6})/)).1)
        try t.press("q")
        let end = try t.waitFor("[exited 0]", timeout: 10)
        #expect(try t.programPID() == nil, "the ssh client has exited")
        try t.type("echo SHELL_REACHED"); try t.press("Enter")
        SystemClock.pause(seconds: 0.3)
        // Typed after the end, the line is only echoed by the pane; nothing runs it and prints its output.
        let after = try t.capture()
        #expect(!end.contains("SHELL_REACHED"))
        #expect(!Self.printed("SHELL_REACHED", in: after), "\(after)")
        let listed = try clinic.json("appointments", "--patient", "pia@clinic.test").object
        let rows = listed["appointments"] as? [[String: Any]] ?? []
        #expect(rows.count == 1 && rows.first?["code"] as? String == code && rows.first?["reason"] as? String == "Over ssh")
    }

    @Test("a command given to ssh still gets the kiosk, not a shell")
    func remoteCommandIsIgnored() throws {
        let clinic = try CLIClinic()
        try clinic.addDoctor(email: "ana@clinic.test", phone: "+15550200001")
        let sshd = try server(clinic)
        defer { sshd.stop() }
        let t = try ssh(sshd, clinic, remote: "echo SHELL_REACHED; exec /bin/sh")
        let screen = try t.waitFor("Welcome to", timeout: 20)
        #expect(!screen.contains("SHELL_REACHED"))
        try t.press("q")
        let end = try t.waitFor("[exited 0]", timeout: 10)
        #expect(!Self.printed("SHELL_REACHED", in: end))
        #expect(sshd.log.contains("Accepted publickey"))
    }
}

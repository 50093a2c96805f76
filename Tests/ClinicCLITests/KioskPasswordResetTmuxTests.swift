import ClinicTesting
import Foundation
import GRDB
import Testing

/// "Forgot password" in the real `clinic kiosk` under tmux: a patient asks by
/// phone (typed in the national form), reads the code off their phone (here:
/// the outbox, which `clinic sms log` shows blanked), gets one wrong, then
/// sets a new password in Hangul and emoji and signs in with it.
@Suite("Kiosk password reset under tmux", .serialized)
struct KioskPasswordResetTmuxTests {
    /// The code the patient's phone would receive, read from the database file.
    static func code(_ clinic: CLIClinic) throws -> String {
        let queue = try clinic.database.open()
        defer { try? queue.close() }
        return try #require(
            try queue.read { db in
                try String.fetchOne(db, sql: "SELECT substr(body, 1, 6) FROM sms_outbox WHERE kind = 'password_reset' ORDER BY id DESC")
            })
    }

    @Test("phone → the one sentence → a wrong code → the right one with a new password in Hangul and emoji → sign in")
    func resetAndSignIn() throws {
        // Given a patient with a phone at the kiosk's welcome
        let clinic = try CLIClinic()
        try clinic.addPatient(email: "pia@clinic.test", phone: "+15550100001")
        var env = clinic.environment
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"
        let t = try TmuxSession([ClinicBinary.path, "kiosk"], environment: env, width: 80, height: 24)
        try t.waitFor("Forgot password")
        // When they ask for a code by phone
        try t.press("f"); try t.waitFor("Forgot your password?")
        try t.type("555 010 0001"); try t.press("Enter")
        try t.waitFor("have texted a 6-digit code")
        let code = try Self.code(clinic)
        let log = try clinic.run("sms", "log", "--json")
        #expect(log.exitCode == 0 && log.stdout.contains("password_reset") && !log.stdout.contains(code), "\(log.stdout)")
        // And type a wrong code with the new password twice
        let password = "새 비밀번호 🔑🙂"
        try t.type(TestClinic.wrongCode(code)); try t.press("Enter")
        try t.type(password); try t.press("Enter")
        try t.type(password); try t.press("Enter")
        try t.waitFor("That code did not work")
        // Then the right code sets it, and the kiosk is back on the sign-in
        try t.type(code); try t.press("Enter")
        try t.waitFor("Your new password is set: sign in with it.")
        #expect(try !t.capture().contains("비밀번호"), "passwords are never shown")
        try t.type("+15550100001"); try t.press("Tab"); try t.type(password); try t.press("Enter")
        try t.waitFor("Hello, Patient pia@clinic.test")
        try t.press("s"); try t.waitFor("Welcome to")
        try t.press("q"); try t.waitFor("[exited 0]")
    }
}

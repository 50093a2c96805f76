import ClinicCore
import Foundation

/// A clinic database driven through the real `clinic` binary: each call is a
/// separate process on the same SQLite file, with a pinned clock
/// (`CLINIC_NOW`) and a cheap password cost.
public final class CLIClinic: @unchecked Sendable {
    public let directory: TemporaryDirectory
    /// The environment every call gets (tests may add to it).
    public var environment: [String: String]

    /// The clinic's database, on the run's engine (see `TestDatabase`).
    public let database: TestDatabase
    public var databasePath: String { database.path }

    public init(timeZone: String = "America/New_York", now: String = "2026-03-02T12:00:00Z") throws {
        directory = try TemporaryDirectory(prefix: "clinic-cli")
        database = try TestDatabase(in: directory)
        environment = database.environment.merging([
            "CLINIC_TIMEZONE": timeZone,
            "CLINIC_NOW": now,
            "CLINIC_PASSWORD_ITERATIONS": "1000",
            "HOME": directory.url.path,
        ]) { a, _ in a }
    }

    /// Runs `clinic args…` in the clinic's folder.
    @discardableResult
    public func run(_ arguments: String..., stdin: String? = nil) throws -> ProcessResult {
        try run(arguments, stdin: stdin)
    }

    /// Runs `clinic args…` in the clinic's folder (under `umask`, when given).
    @discardableResult
    public func run(_ arguments: [String], stdin: String? = nil, umask: String? = nil) throws -> ProcessResult {
        try ClinicBinary.start(arguments, environment: environment, stdin: stdin, umask: umask).wait()
    }

    /// Runs and decodes stdout as a JSON object.
    public func json(_ arguments: String...) throws -> (result: ProcessResult, object: [String: Any]) {
        let result = try run(arguments + ["--json"])
        let object = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        return (result, object)
    }

    /// Adds a doctor (cardiology, weekdays 09–12 and 14–17 unless told otherwise).
    public func addDoctor(email: String, phone: String, hours: String = "mon-fri 09:00-12:00,14:00-17:00") throws {
        let r = try run(
            "user", "add", "--role", "doctor", "--name", "Dr \(email)", "--email", email, "--phone", phone,
            "--specialization", "Cardiology", "--hours", hours, "--password", "doctor-pass")
        guard r.exitCode == 0 else { throw CLIClinicError("adding doctor failed: \(r.stderr)") }
    }

    /// Adds a patient with a password.
    public func addPatient(email: String, phone: String) throws {
        let r = try run(
            "user", "add", "--role", "patient", "--name", "Patient \(email)", "--email", email,
            "--phone", phone, "--password", "patient-pass")
        guard r.exitCode == 0 else { throw CLIClinicError("adding patient failed: \(r.stderr)") }
    }
}

/// A set-up step through the binary that failed: the test fails with the reason
/// (a precondition would end the whole test run).
public struct CLIClinicError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

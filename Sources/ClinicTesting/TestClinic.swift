import ClinicCore
import Foundation

/// A real clinic database in a temporary folder, a manual clock, and helpers
/// to create the people a test needs. Password hashing uses the lowest cost so
/// tests stay fast (the cost is stored with each hash, so this changes nothing else).
public final class TestClinic: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public let clock: ManualClock
    public let store: ClinicStore
    /// The clinic's database, on the run's engine (see `TestDatabase`).
    public let database: TestDatabase
    /// The database file's path (for other processes; SQLite).
    public var databasePath: String { database.path }

    /// A clinic in `timeZone` whose clock reads `now`.
    public init(timeZone: String = "America/New_York", now: Date = TestClinic.instant("2026-03-02T12:00:00Z")) throws {
        directory = try TemporaryDirectory()
        clock = ManualClock(now)
        database = try TestDatabase(in: directory)
        store = try ClinicStore(
            database: database.location, clock: clock,
            hasher: PasswordHasher(iterations: 1_000),
            settings: .init(name: "Test Clinic", timeZone: ClinicTimeZone(identifier: timeZone)), filesFolder: directory.url.path)
    }

    /// Parses an ISO 8601 instant or stops the test.
    public static func instant(_ text: String) -> Date {
        guard let date = ISO8601Parsing.parse(text) else { preconditionFailure("bad instant \(text)") }
        return date
    }

    /// Unix seconds of an ISO 8601 instant.
    public static func seconds(_ text: String) -> Int64 { Int64(instant(text).timeIntervalSince1970) }

    private var counter = 0
    private func nextNumber() -> Int { counter += 1; return counter }

    /// Adds a doctor with weekly hours (hours syntax) and slot length.
    @discardableResult
    public func addDoctor(
        name: String? = nil, hours: String = "mon-fri 09:00-12:00,14:00-17:00",
        slotMinutes: Int = 30, specialization: String = "General practice"
    ) throws -> Account {
        let n = nextNumber()
        return try store.createAccount(
            NewAccount(
                role: .doctor, name: name ?? "Dr Test \(n)", email: "doctor\(n)@clinic.test",
                phone: "+1555020\(String(format: "%04d", n))", password: "doctor-password",
                specialization: specialization, slotMinutes: slotMinutes, hours: HoursSpecParser.parse(hours)), by: .shell)
    }

    /// Adds a patient.
    @discardableResult
    public func addPatient(name: String? = nil) throws -> Account {
        let n = nextNumber()
        return try store.createAccount(
            NewAccount(
                role: .patient, name: name ?? "Patient \(n)", email: "patient\(n)@clinic.test",
                phone: "+1555010\(String(format: "%04d", n))", password: "patient-password"), by: .shell)
    }

    /// Adds a staff account of another role.
    @discardableResult
    public func addStaff(_ role: Role) throws -> Account {
        let n = nextNumber()
        return try store.createAccount(
            NewAccount(
                role: role, name: "\(role.rawValue.capitalized) \(n)", email: "\(role.rawValue)\(n)@clinic.test",
                phone: "+1555030\(String(format: "%04d", n))", password: "staff-password"), by: .shell)
    }

    /// The instant of a wall-clock time in the clinic's zone (the earlier one if repeated).
    public func local(_ date: String, _ time: String) throws -> Int64 {
        let tz = try store.settings().timeZone
        guard let d = LocalDate(date), let t = LocalTime(time), let first = tz.instants(of: d, minute: t.minutes).first else {
            preconditionFailure("no such local time \(date) \(time)")
        }
        return first
    }

    /// Books as the shell admin.
    @discardableResult
    public func book(doctor: Account, patient: Account, at start: Int64, reason: String = "Check-up") throws -> Appointment {
        try store.book(BookingRequest(doctorID: doctor.id, patientID: patient.id, start: start, reason: reason), by: .shell)
    }
}

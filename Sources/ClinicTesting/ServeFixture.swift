import ClinicCore
import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// A clinic database with a batch of reminders falling due, a fake Twilio,
/// and `clinic serve` processes pointed at both. The processes run on the
/// real clock shifted by `CLINIC_CLOCK_OFFSET` so that "now" for them is
/// Tue 3 Mar 2026 08:59 New York, one minute after the first reminder fell due.
public final class ServeFixture: @unchecked Sendable {
    public let directory: TemporaryDirectory
    public let twilio: FakeTwilioServer
    /// The codes of the booked appointments, by start.
    public private(set) var codes: [String] = []
    /// Seconds added to the real clock by every process of the fixture.
    public let offset: Double
    /// A store on the same file whose clock agrees with the serve processes'.
    public let store: ClinicStore
    /// The doctor (Tuesdays 09:00–17:00, 10-minute slots) and the patient every visit is for.
    public let doctorID: Int64, patientID: Int64

    /// The clinic's database, on the run's engine (see `TestDatabase`).
    public let database: TestDatabase
    public var databasePath: String { database.path }

    /// Books `count` 10-minute appointments from 09:00 on Tue 3 Mar 2026 (New York).
    public init(appointments count: Int = 18) throws {
        directory = try TemporaryDirectory(prefix: "clinic-serve")
        twilio = try FakeTwilioServer()
        database = try TestDatabase(in: directory)
        let zone = ClinicTimeZone(identifier: "America/New_York")!
        let setup = try ClinicStore(
            database: database.location, clock: ManualClock(TestClinicInstant.parse("2026-03-02T12:00:00Z")),
            hasher: PasswordHasher(iterations: 1_000),
            settings: .init(
                name: "Serve Clinic", timeZone: zone, reminderLeadMinutes: 180, noShowGraceMinutes: 15,
                maxActiveVisits: 0))  // one patient holds every visit here: no limit of visits to come
        let doctor = try setup.createAccount(
            NewAccount(
                role: .doctor, name: "Dr Ana Moreau", email: "ana@clinic.test",
                phone: "+15550200001", specialization: "Cardiology", slotMinutes: 10,
                hours: HoursSpecParser.parse("tue 09:00-17:00")), by: .shell)
        let patient = try setup.createAccount(
            NewAccount(
                role: .patient, name: "José Álvarez", email: "jose@clinic.test",
                phone: "+15550100001"), by: .shell)
        doctorID = doctor.id; patientID = patient.id
        let first = TestClinicInstant.seconds("2026-03-03T14:00:00Z")  // 09:00 EST
        for i in 0..<count {
            let a = try setup.book(
                BookingRequest(
                    doctorID: doctor.id, patientID: patient.id, start: first + Int64(i) * 600,
                    reason: "Visit \(i)"), by: .shell)
            codes.append(a.code)
        }
        let virtualNow = TestClinicInstant.seconds("2026-03-03T13:59:00Z")
        offset = Double(virtualNow) - SystemClock().now().timeIntervalSince1970
        store = try ClinicStore(database: database.location, clock: OffsetClock(offset: offset))
    }

    /// The environment of a `clinic serve` process: Twilio pointed at the fake,
    /// fast ticks, a short lease and send timeout.
    public func environment(lease: Int = 2, timeout: Double = 1) -> [String: String] {
        database.environment.merging([
            "CLINIC_CLOCK_OFFSET": String(offset), "HOME": directory.url.path,
            "TWILIO_ACCOUNT_SID": "AC00000000000000000000000000000002", "TWILIO_AUTH_TOKEN": "serve-token",
            "TWILIO_FROM": "+15550009999", "TWILIO_API_BASE": twilio.baseURL,
            "CLINIC_SCHEDULER_TICK_SECONDS": "0.2", "CLINIC_SCHEDULER_LEASE_SECONDS": String(lease),
            "CLINIC_SMS_TIMEOUT_SECONDS": String(timeout), "CLINIC_SMS_RETRY_BASE_SECONDS": "1",
            // Every serve process gets its own free port for the webhook listener.
            "CLINIC_LISTEN": "127.0.0.1:0",
        ]) { a, _ in a }
    }

    /// Starts `clinic serve`.
    public func startServe(lease: Int = 2, timeout: Double = 1) throws -> RunningProcess {
        try ClinicBinary.start(["serve"], environment: environment(lease: lease, timeout: timeout))
    }

    /// Every outbox message, oldest first.
    public func messages() throws -> [OutboxMessage] { try store.smsLog(SMSLogFilter(limit: 10_000)).reversed() }

    /// The outbox messages of one kind, oldest first.
    public func messages(_ kind: OutboxMessage.Kind) throws -> [OutboxMessage] { try messages().filter { $0.kind == kind } }
}

/// Sends a signal to a running child.
public func signalProcess(_ process: RunningProcess, _ number: Int32) { _ = kill(process.pid, number) }

/// ISO 8601 parsing for fixtures (stops the test on a bad literal).
enum TestClinicInstant {
    static func parse(_ text: String) -> Date { TestClinic.instant(text) }
    static func seconds(_ text: String) -> Int64 { TestClinic.seconds(text) }
}

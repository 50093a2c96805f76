import ClinicCore
import Foundation

/// A fresh clinic database populated through the store's own API, as the
/// application would: a receptionist, doctors with hours, patients without passwords.
struct BenchClinic {
    let store: ClinicStore
    let clock: ManualClock
    let timeZone: ClinicTimeZone
    let receptionist: Account
    let doctors: [Account]
    let patients: [Account]
    /// The store's checkpointer, running as in the terminals and `serve` (SQLite).
    let checkpoints: BackgroundCheckpoints

    /// The zone of every benchmark clinic (DST included, like a real one).
    static let zoneID = "America/New_York"

    /// Deletes whatever is at `path` and creates a clinic there.
    /// - Parameters:
    ///   - hours: hours spec of each doctor (by index) and slot length in minutes.
    ///   - maxActiveVisits: the booking limit per patient; high enough that the
    ///     benchmark's bookings are never refused by it, while the check still runs (0: none).
    static func create(
        path: String, now: Date, doctors: Int, patients: Int, maxActiveVisits: Int = 100, postgresURL: String? = nil,
        hours: (Int) -> (spec: String, slotMinutes: Int)
    ) throws -> BenchClinic {
        if postgresURL == nil { BenchFiles.removeDatabase(path) }
        guard let zone = ClinicTimeZone(identifier: zoneID) else { throw BenchError("unknown zone \(zoneID)") }
        let clock = ManualClock(now)
        let store = try ClinicStore(
            database: postgresURL.map { .postgres(conninfo: $0) } ?? .sqlite(path: path), clock: clock, hasher: PasswordHasher(iterations: 1_000),
            settings: .init(name: "Bench Clinic", timeZone: zone, maxActiveVisits: maxActiveVisits), longRunning: true)
        let checkpoints = BackgroundCheckpoints(store.checkpointer)
        let receptionist = try store.createAccount(
            NewAccount(
                role: .receptionist, name: "Front Desk", email: "desk@bench.test", phone: "+15559000000"), by: .shell)
        var doctorAccounts: [Account] = []
        for i in 0..<doctors {
            let (spec, minutes) = hours(i)
            doctorAccounts.append(
                try store.createAccount(
                    NewAccount(
                        role: .doctor, name: "Dr Bench \(i + 1)", email: "doctor\(i + 1)@bench.test",
                        phone: "+1555800\(String(format: "%04d", i + 1))", specialization: "General practice",
                        slotMinutes: minutes, hours: HoursSpecParser.parse(spec)), by: .shell))
        }
        var patientAccounts: [Account] = []
        patientAccounts.reserveCapacity(patients)
        for i in 0..<patients {
            patientAccounts.append(
                try store.createAccount(
                    NewAccount(
                        role: .patient, name: "Patient \(i + 1)", email: "patient\(i + 1)@bench.test",
                        phone: "+1556\(String(format: "%07d", i + 1))"), by: .shell))
        }
        return BenchClinic(
            store: store, clock: clock, timeZone: zone, receptionist: receptionist,
            doctors: doctorAccounts, patients: patientAccounts, checkpoints: checkpoints)
    }

    /// The desk's actor (sees every code, may book for anyone).
    var desk: Actor { .account(receptionist.id, .receptionist, via: .tui) }

    /// Midnight of `date` in the benchmark zone, as a `Date`.
    static func midnight(_ date: LocalDate) -> Date {
        let zone = ClinicTimeZone(identifier: zoneID)!
        return Date(timeIntervalSince1970: TimeInterval(zone.startOfDay(date)))
    }
}

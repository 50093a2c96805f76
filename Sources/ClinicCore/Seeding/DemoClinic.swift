import Foundation

/// A small built-in clinic for `clinic demo`: a few doctors with different
/// hours, the desk, an admin, patients, and some bookings in the coming days.
public enum DemoClinic {
    /// A demo sign-in shown on screen.
    public struct SignIn: Sendable, Equatable {
        public let role: Role
        public let login: String
        public let password: String
        public init(role: Role, login: String, password: String) {
            self.role = role; self.login = login; self.password = password
        }
    }

    /// Demo accounts' shared password.
    public static let password = "demo-pass-2026"

    /// Fills an empty store; returns the sign-ins. Does nothing (and returns
    /// the sign-ins) if the clinic already has accounts.
    @discardableResult
    public static func fill(_ store: ClinicStore) throws -> [SignIn] {
        let signIns: [SignIn] = [
            SignIn(role: .admin, login: "admin@demo.clinic", password: password),
            SignIn(role: .receptionist, login: "desk@demo.clinic", password: password),
            SignIn(role: .doctor, login: "ana.moreau@demo.clinic", password: password),
            SignIn(role: .patient, login: "pia.kowalska@demo.clinic", password: password),
        ]
        guard try store.accounts().isEmpty else { return signIns }
        try store.createAccount(
            NewAccount(
                role: .admin, name: "Alex Admin", email: "admin@demo.clinic",
                phone: "+15550109001", password: password), by: .shell)
        try store.createAccount(
            NewAccount(
                role: .receptionist, name: "Rita Desk", email: "desk@demo.clinic",
                phone: "+15550109002", password: password), by: .shell)
        let doctors = try [
            ("Dr Ana Moreau", "ana.moreau", "Cardiology", "mon-fri 09:00-12:00,14:00-17:00"),
            ("Dr Kenji Watanabe", "kenji.watanabe", "Dermatology", "mon-wed 08:00-12:00; sat 09:00-12:00"),
            ("Dr Søren Ølgaard", "soren.olgaard", "General practice", "mon-fri 13:00-19:00"),
        ].enumerated().map { i, d in
            try store.createAccount(
                NewAccount(
                    role: .doctor, name: d.0, email: "\(d.1)@demo.clinic",
                    phone: "+1555010800\(i + 1)", password: password,
                    specialization: d.2, hours: HoursSpecParser.parse(d.3)), by: .shell)
        }
        let patients = try [
            ("Pia Kowalska", "pia.kowalska"), ("José Álvarez", "jose.alvarez"),
            ("Aiko Tanaka", "aiko.tanaka"), ("Oluwaseun Adeyemi", "seun.adeyemi"),
        ]
        .enumerated().map { i, p in
            try store.createAccount(
                NewAccount(
                    role: .patient, name: p.0, email: "\(p.1)@demo.clinic",
                    phone: "+1555010000\(i + 1)", password: password), by: .shell)
        }
        try bookSome(store, doctors: doctors, patients: patients)
        return signIns
    }

    /// Books the first free slots of the next days, one patient after
    /// another, each below the clinic's limit of visits to come (so the
    /// booking the demo suggests is not refused by it). They send no booking
    /// notices: the demo's SMS log starts empty.
    private static func bookSome(_ store: ClinicStore, doctors: [Account], patients: [Account]) throws {
        let settings = try store.settings()
        let zone = settings.timeZone
        let today = zone.local(store.clock.now()).date
        let reasons = ["Annual check-up", "Follow-up", "Skin rash", "Blood pressure review", "Back pain"]
        let most = settings.maxActiveVisits == 0 ? Int.max : settings.maxActiveVisits - 1
        var n = 0
        for offset in 0..<5 {
            for doctor in doctors {
                let slots = try store.slots(doctorID: doctor.id, on: today.adding(days: offset), viewer: .shell)
                for entry in slots.entries.prefix(2) where entry.free && n < most * patients.count {
                    let patient = patients[n % patients.count]
                    let request = BookingRequest(
                        doctorID: doctor.id, patientID: patient.id, start: entry.slot.start,
                        reason: reasons[n % reasons.count])
                    // No booking notices: these visits stand for bookings made before the demo.
                    let now = store.nowSeconds
                    _ = try? store.pool.write { db in try store.book(request, by: .shell, now: now, notify: false, db) }
                    n += 1
                }
            }
        }
    }
}

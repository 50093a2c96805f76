/// Builds a `SeedPlan`: people from the word lists, doctors with a mix of
/// hours, and appointments on real slots with no conflict for a doctor or a
/// patient. Deterministic for a given seed, clock reading and time zone.
struct SeedPlanner {
    let options: SeedOptions
    let vocabulary: SeedVocabulary
    let zone: ClinicTimeZone
    let now: Int64
    var rng: SplitMix64
    let progress: SeedProgress?

    /// Weekly-hour templates: morning, afternoon, full day, split day, with Saturdays.
    static let hourTemplates = [
        "mon-fri 08:00-12:00",
        "mon-fri 13:00-18:00",
        "mon-fri 09:00-17:00",
        "mon-fri 08:30-12:00,14:00-18:30",
        "mon-thu 09:00-17:00; sat 09:00-13:00",
        "tue-sat 10:00-13:00,14:00-19:00",
    ]
    static let slotLengths = [30, 30, 20, 30]

    init(options: SeedOptions, vocabulary: SeedVocabulary, zone: ClinicTimeZone, now: Int64, progress: SeedProgress?) {
        self.options = options; self.vocabulary = vocabulary; self.zone = zone; self.now = now
        self.rng = SplitMix64(seed: options.randomSeed); self.progress = progress
    }

    mutating func plan() throws -> SeedPlan {
        var plan = SeedPlan()
        let pastCount = Int((Double(options.appointments) * SeedOptions.pastShare).rounded())
        let futureCount = options.appointments - pastCount
        let book = try SlotBook(zone: zone, now: now, templates: Self.hourTemplates.map(HoursSpecParser.parse), lengths: Array(Set(Self.slotLengths)))

        // Doctors: as many as asked, more if the appointments would not fit their slots.
        var profiles: [(template: Int, length: Int)] = []
        var pastCapacity = 0, futureCapacity = 0
        while profiles.count < options.doctors
            || Double(pastCapacity) * 0.85 < Double(pastCount) || Double(futureCapacity) * 0.85 < Double(futureCount)
        {
            let p = (template: profiles.count % Self.hourTemplates.count, length: rng.pick(Self.slotLengths))
            profiles.append(p)
            pastCapacity += book.past(p.template, p.length).count
            futureCapacity += book.future(p.template, p.length).count
        }
        if profiles.count > options.doctors {
            plan.notes.append(
                "\(options.appointments) appointments do not fit \(options.doctors) doctors' slots in the past "
                    + "\(SeedOptions.pastDays) days and next \(SeedOptions.futureDays) days: seeded \(profiles.count) doctors")
        }
        var nextID: Int64 = 1
        plan.staff = [
            person(&nextID, .admin, "Alex", "Admin", email: "admin@clinic.example", password: true),
            person(&nextID, .receptionist, "Rita", "Desk", email: "desk@clinic.example", password: true),
        ]
        var doctorNames: Set<String> = []
        for (i, p) in profiles.enumerated() {
            let spec = vocabulary.specializations[i % vocabulary.specializations.count]
            // Two doctors with one name cannot be told apart at the desk: draw again (the names allow far more pairs than doctors).
            var (first, last) = (rng.pick(vocabulary.firstNames), rng.pick(vocabulary.lastNames))
            for _ in 0..<1_000 where doctorNames.contains("\(first.0) \(last.0)") {
                (first, last) = (rng.pick(vocabulary.firstNames), rng.pick(vocabulary.lastNames))
            }
            doctorNames.insert("\(first.0) \(last.0)")
            let doctor = SeedPlan.Person(
                id: nextID, role: .doctor, name: "Dr \(first.0) \(last.0)",
                email: "dr.\(first.1).\(last.1).\(i + 1)@clinic.example".lowercased(), phone: Self.phone(staff: nextID),
                password: i < options.doctors ? password() : nil)
            nextID += 1
            plan.doctors.append(.init(person: doctor, specialization: spec, slotMinutes: p.length, hours: book.templates[p.template]))
        }
        let today = zone.local(now).date
        for i in 0..<options.patients {
            let (first, last) = (rng.pick(vocabulary.firstNames), rng.pick(vocabulary.lastNames))
            // One patient in twenty is a walk-in with a phone only (never the first: it gets a password to sign in with).
            let email = i % 20 == 19 ? nil : "\(first.1).\(last.1).\(i + 1)@mail.example".lowercased()
            plan.patients.append(
                SeedPlan.Person(
                    id: nextID, role: .patient, name: "\(first.0) \(last.0)", email: email, phone: Self.phone(patient: i),
                    password: i == 0 ? password() : nil))
            plan.patientDetails.append(
                .init(
                    birthDate: today.adding(days: -(366 + rng.below(95 * 365))), gender: rng.pick(["female", "male", "female", "male", "non-binary"]),
                    notes: rng.chance(0.1) ? rng.pick(["Allergic to penicillin", "Prefers morning visits", "Needs an interpreter", "Wheelchair user"]) : ""))
            nextID += 1
            if i % 10_000 == 0 { progress?("patients", i, options.patients) }
        }
        plan.visits = try visits(
            plan.doctors, profiles: profiles, book: book, patients: plan.patients,
            pastCount: pastCount, futureCount: futureCount, notes: &plan.notes)
        return plan
    }

    /// Patients' phones: +1 555 01x xxxx (area code 555 is unassigned: fiction).
    static func phone(patient i: Int) -> String { "+1555" + pad(100_000 + i, 7) }
    /// Staff phones: +1 555 9xx xxxx.
    static func phone(staff id: Int64) -> String { "+1555" + pad(9_000_000 + Int(id), 7) }

    private mutating func person(_ id: inout Int64, _ role: Role, _ first: String, _ last: String, email: String, password: Bool) -> SeedPlan.Person {
        defer { id += 1 }
        return SeedPlan.Person(
            id: id, role: role, name: "\(first) \(last)", email: email, phone: Self.phone(staff: id),
            password: password ? self.password() : nil)
    }

    private mutating func password() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        return String((0..<14).map { _ in rng.pick(alphabet) })
    }
}

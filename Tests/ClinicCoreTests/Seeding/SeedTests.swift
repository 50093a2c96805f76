@testable import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// `ClinicStore.seed`: a realistic clinic that keeps every rule, the same for the same seed.
@Suite struct SeedTests {
    private func seeded(_ options: SeedOptions = SeedOptions(), zone: String = "America/New_York") throws -> (TestClinic, SeedOutcome) {
        let clinic = try TestClinic(timeZone: zone, now: TestClinic.instant("2026-11-25T15:00:00Z"))
        return (clinic, try clinic.store.seed(options))
    }

    @Test func defaultSeedKeepsEveryRuleAndMinimum() throws {
        // Given the default sizes
        let (clinic, outcome) = try seeded()
        let report = outcome.report

        // Then the report's own validation passes and the counts are as asked
        #expect(report.validation.ok)
        #expect(report.accounts_by_role == ["admin": 1, "receptionist": 1, "doctor": 10, "patient": 100])
        #expect(report.appointments == 500)
        #expect(report.past == 350 && report.future == 150)
        #expect(report.doctors.allSatisfy { $0.appointments >= 20 })
        #expect(Set(report.doctors.map(\.specialization)).count == 10, "distinct specializations")
        #expect(Set(report.doctors.map(\.hours)).count >= 4, "a mix of hours")
        #expect(report.doctors.contains { $0.hours.contains(",") }, "some split days")

        // And an independent check over the rows agrees
        let now = Int64(clinic.clock.now().timeIntervalSince1970)
        let all = try clinic.store.appointments(AppointmentFilter(limit: 10_000))
        #expect(all.count == 500)
        for a in all {
            if a.start < now {
                #expect(a.status.isFinal, "past \(a.code) is \(a.status)")
            } else {
                #expect(a.status == .scheduled || a.status == .confirmed)
            }
            #expect(a.start >= now - 182 * 86_400 && a.start <= now + 30 * 86_400)
        }
        var calculators: [Int64: SlotCalculator] = [:]
        for a in all {
            let calc =
                try calculators[a.doctor.id]
                ?? SlotCalculator(
                    timeZone: clinic.store.settings().timeZone, hours: clinic.store.hours(doctorID: a.doctor.id),
                    slotMinutes: clinic.store.doctorProfile(a.doctor.id).slotMinutes)
            calculators[a.doctor.id] = calc
            #expect(calc.place(a.start) == .slot(Slot(start: a.start, end: a.end)), "\(a.code) is on a slot")
        }
        let live = all.filter { $0.status != .cancelled }
        for patient in Set(live.map(\.patient.id)) {
            let mine = live.filter { $0.patient.id == patient }.sorted { $0.start < $1.start }
            for (x, y) in zip(mine, mine.dropFirst()) { #expect(y.start >= x.end, "patient \(patient) double-booked") }
        }
        #expect(Set(all.map(\.code)).count == all.count)
        // Foreign keys are not checked while seeding SQLite (the plan's ids are its own): prove they hold
        // (PostgreSQL checks them as the rows are copied in)
        if !TestDatabase.isPostgres {
            let violations = try clinic.store.reader.read { db in try StoreRow.fetchAll(db, sql: "PRAGMA foreign_key_check") }
            #expect(violations.isEmpty)
        }
        // Past appointments carry their audit rows: created, then their final move
        let done = try #require(all.first { $0.status == .completed })
        #expect(try clinic.store.events(code: done.code).map(\.to) == [.scheduled, .completed])
    }

    @Test func namesAreRealisticAndUnicode() throws {
        let (clinic, _) = try seeded()
        let patients = try clinic.store.accounts(role: .patient)
        #expect(patients.contains { $0.name.unicodeScalars.contains { !$0.isASCII } })
        // One patient in twenty is a walk-in with a phone only; the emails there are unique and ASCII
        let emails = patients.compactMap(\.email)
        #expect(patients.count - emails.count == patients.count / 20)
        #expect(Set(emails).count == emails.count && emails.allSatisfy { $0.allSatisfy(\.isASCII) })
        #expect(patients.allSatisfy { $0.phone!.hasPrefix("+155501") })
        // Each has a date of birth (1–95 years before the clinic's date), the age computed from it
        let today = try clinic.store.settings().timeZone.local(Int64(clinic.clock.now().timeIntervalSince1970)).date
        let ages = try patients.map { try #require(try clinic.store.patientProfile(accountID: $0.id, viewer: .shell).age(on: today)) }
        #expect(ages.allSatisfy { (1...95).contains($0) } && Set(ages).count > 10)
    }

    @Test func noTwoDoctorsShareAName() throws {
        // 400 doctors draw from ~11,000 name pairs: without redrawing, a clash is all but certain (birthday bound)
        let (clinic, _) = try seeded(SeedOptions(doctors: 400, patients: 50, appointments: 400))
        let doctors = try clinic.store.accounts(role: .doctor)
        #expect(doctors.count == 400)
        #expect(Set(doctors.map(\.name)).count == doctors.count)
    }

    @Test func onlyStaffAndTheDemoPatientGetPasswords() throws {
        let (clinic, outcome) = try seeded()
        let withPassword = try clinic.store.accounts().filter(\.hasPassword)
        #expect(withPassword.count == 2 + 10 + 1)
        // The credentials sign in
        let doctor = try #require(outcome.credentials.first { $0.role == "doctor" })
        let account = try clinic.store.signIn(login: doctor.email, password: try #require(doctor.password))
        #expect(account.role == .doctor)
        // A patient without a password cannot, and is told why
        let other = try #require(try clinic.store.accounts(role: .patient).first { !$0.hasPassword })
        #expect(throws: ClinicError.self) { try clinic.store.signIn(login: other.email!, password: "anything-at-all") }
    }

    @Test func theSameSeedGivesTheSameClinic() throws {
        func fingerprint(_ c: TestClinic) throws -> [String] {
            try c.store.appointments(AppointmentFilter(limit: 10_000)).map {
                "\($0.code) \($0.doctor.name) \($0.patient.name) \($0.start) \($0.status) \($0.reason)"
            } + c.store.accounts().map { "\($0.name) \($0.email ?? "-") \($0.phone ?? "-")" }
        }
        let (a, _) = try seeded(SeedOptions(randomSeed: 42))
        let (b, _) = try seeded(SeedOptions(randomSeed: 42))
        let (c, _) = try seeded(SeedOptions(randomSeed: 43))
        #expect(try fingerprint(a) == fingerprint(b))
        #expect(try fingerprint(a) != fingerprint(c))
    }

    @Test func refusesToSeedOverDataUnlessReplacing() throws {
        let (clinic, _) = try seeded(SeedOptions(doctors: 2, patients: 10, appointments: 40))
        #expect(throws: ClinicError(.invalidInput, "this database already has accounts; pass --replace to remove all its data and seed anew")) {
            try clinic.store.seed(SeedOptions())
        }
        let again = try clinic.store.seed(SeedOptions(doctors: 3, patients: 20, appointments: 60, replace: true))
        #expect(again.removed == ClinicContents(patients: 10, doctors: 2, staff: 2, appointments: 40))
        #expect(again.removed?.description == "10 patients, 2 doctors, 2 staff accounts and 40 appointments")
        #expect(again.report.appointments == 60)
        #expect(again.report.validation.ok)
    }

    @Test func fewAppointmentsPerDoctorAreSaidInTheReport() throws {
        let (_, few) = try seeded(SeedOptions(doctors: 5, patients: 40, appointments: 50))
        #expect(few.report.validation.ok)
        #expect(few.report.notes.contains { $0.contains("each doctor gets at least 10, not the usual 20") }, "\(few.report.notes)")
        let (_, enough) = try seeded(SeedOptions(doctors: 2, patients: 40, appointments: 60))
        #expect(!enough.report.notes.contains { $0.contains("not the usual") })
    }

    @Test func addsDoctorsWhenTheAppointmentsDoNotFit() throws {
        let (_, outcome) = try seeded(SeedOptions(doctors: 1, patients: 300, appointments: 3_000))
        #expect(outcome.report.doctors.count > 1)
        #expect(outcome.report.notes.contains { $0.contains("do not fit") })
        #expect(outcome.report.validation.ok)
        #expect(outcome.report.appointments == 3_000)
    }

    @Test func validationCatchesABrokenDatabase() throws {
        // Given a seeded clinic, when a row is forced onto a non-slot time behind the rules' back
        let (clinic, outcome) = try seeded(SeedOptions(doctors: 2, patients: 10, appointments: 40))
        try clinic.store.pool.write { db in
            try db.execute(sql: "UPDATE appointment SET start_at = start_at + 60, end_at = end_at + 60 WHERE id = 1")
        }
        // Then the validator reports it
        let report = try SeedValidator(store: clinic.store, plan: SeedPlan(), options: SeedOptions(doctors: 2, patients: 10, appointments: 40)).report()
        #expect(outcome.report.validation.ok)
        #expect(report.validation.off_slot_appointments == 1)
        #expect(!report.validation.ok)
    }

    @Test func splitMixIsTheReferenceSequence() {
        // SplitMix64 with seed 0: first outputs from the reference implementation
        var rng = SplitMix64(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}

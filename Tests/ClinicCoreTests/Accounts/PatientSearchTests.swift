@_spi(Tooling) import ClinicCore
import ClinicTesting
import GRDB
import Testing

@Suite struct PatientSearchTests {
    func clinic() throws -> (TestClinic, [Account]) {
        let c = try TestClinic()
        let people = try ["Zoë Lefèvre", "Ana Moreau", "Anaïs Dubois", "Omar Haddad"].map { try c.addPatient(name: $0) }
        try c.addDoctor(name: "Dr Zoe Doctor")
        return (c, people)
    }

    @Test func accentAndCaseInsensitiveByNameOnlyPatients() throws {
        let (c, people) = try clinic()
        #expect(try c.store.searchPatients("zoe").map(\.id) == [people[0].id])
        #expect(try c.store.searchPatients("LEFEVRE").map(\.id) == [people[0].id])
        #expect(try c.store.searchPatients("anais").map(\.id) == [people[2].id])
    }

    @Test func everyWordMustMatchAndPrefixMatchesComeFirst() throws {
        let (c, people) = try clinic()
        #expect(try c.store.searchPatients("ana mor").map(\.id) == [people[1].id])
        // "ana" starts Ana Moreau and Anaïs Dubois; "Omar Haddad" has "ad" but not "ana"
        #expect(try c.store.searchPatients("ana").map(\.id) == [people[1].id, people[2].id])
        #expect(try c.store.searchPatients("had").map(\.id) == [people[3].id])
        // one or two characters match the start of a name only (the index needs three)
        #expect(try c.store.searchPatients("ad").isEmpty)
        #expect(try c.store.searchPatients("an").map(\.id) == [people[1].id, people[2].id])
        #expect(try c.store.searchPatients("ZO").map(\.id) == [people[0].id])
        #expect(try c.store.searchPatients("an m").map(\.id) == [people[1].id])
        // a short word beside a longer one is checked on the names the index found
        #expect(try c.store.searchPatients("moreau a").map(\.id) == [people[1].id])
        #expect(try c.store.searchPatients("o haddad").map(\.id) == [people[3].id])
        #expect(try c.store.searchPatients("x haddad").isEmpty)
    }

    @Test func emailAndPhoneDigitsMatch() throws {
        let (c, people) = try clinic()
        #expect(try c.store.searchPatients(people[3].email!).map(\.id) == [people[3].id])
        let tail = String(people[2].phone!.suffix(4))
        #expect(try c.store.searchPatients("(555) 010-" + tail).map(\.id) == [people[2].id])
    }

    @Test func anEmptyQueryListsPatientsUpToTheLimit() throws {
        let (c, _) = try clinic()
        #expect(try c.store.searchPatients("", limit: 2).count == 2)
        #expect(try c.store.searchPatients("nobody-like-this").isEmpty)
    }

    @Test func nonLatinNamesAndMiddleOfWordMatches() throws {
        let c = try TestClinic()
        let ivan = try c.addPatient(name: "Иван Петров"), eleni = try c.addPatient(name: "Ελένη Παπαδοπούλου")
        #expect(try c.store.searchPatients("иван").map(\.id) == [ivan.id])
        #expect(try c.store.searchPatients("ПЕТР").map(\.id) == [ivan.id])
        #expect(try c.store.searchPatients("παπαδο").map(\.id) == [eleni.id])
        #expect(try c.store.searchPatients("etrov").isEmpty)  // no transliteration
        // A Devanagari surname of two characters (five code points) is found in the middle of a name
        let priya = try c.addPatient(name: "प्रिया शर्मा"), layla = try c.addPatient(name: "ليلى حداد")
        #expect(try c.store.searchPatients("शर्मा").map(\.id) == [priya.id])
        #expect(try c.store.searchPatients("حداد").map(\.id) == [layla.id])
    }

    @Test func theIndexFollowsNameAndPhoneChanges() throws {
        let (c, people) = try clinic()
        _ = try c.store.editAccount(people[0].id, AccountEdit(name: "Zoé Martin", phone: "+15557770123"), by: .shell)
        #expect(try c.store.searchPatients("lefevre").isEmpty)
        #expect(try c.store.searchPatients("martin").map(\.id) == [people[0].id])
        #expect(try c.store.searchPatients("555 777 0123").map(\.id) == [people[0].id])
        #expect(try c.store.searchPatients("+1 555 777").map(\.id) == [people[0].id])
        #expect(try c.store.searchPatients(people[0].phone!).isEmpty)
    }

    @Test(.enabled(if: !TestDatabase.isPostgres, "SQLite's migrations")) func aDatabaseFromBeforeTheIndexIsFilledWhenOpened() throws {
        let (c, people) = try clinic()
        try c.store.writer.write { db in
            try db.execute(sql: "DROP TABLE patient_search; DELETE FROM grdb_migrations WHERE identifier = 'v4-patient-search'")
        }
        let reopened = try ClinicStore(database: c.database.location, clock: c.clock, hasher: PasswordHasher(iterations: 1_000))
        #expect(try reopened.searchPatients("anais").map(\.id) == [people[2].id])
        #expect(try reopened.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patient_search") } == 4)
    }

    @Test func manyMatchesAreCountedUpToTheCapAndSaySo() throws {
        let c = try TestClinic()
        let zoes = try (0..<6).map { try c.addPatient(name: "Zoë Number\($0)") }
        let capped = try c.store.patientSearch("zoe", limit: 2, candidates: 4)
        #expect(capped.patients.count == 2 && capped.matches == 4 && capped.moreThanCounted)
        let all = try c.store.patientSearch("zoe", limit: 10)
        #expect(all.patients.map(\.id) == zoes.map(\.id) && all.matches == 6 && !all.moreThanCounted)
        let one = try c.store.patientSearch(zoes[3].email!, limit: 10)
        #expect(one.patients.map(\.id) == [zoes[3].id] && one.matches == 1)
    }

    @Test func aSeededClinicIsSearchableAndReplacingItReplacesTheIndex() throws {
        let c = try TestClinic()
        _ = try c.store.seed(SeedOptions(doctors: 2, patients: 300, appointments: 10))
        let patients = try c.store.accounts(role: .patient)
        for p in patients.prefix(20) {
            #expect(try c.store.searchPatients(p.name, limit: 300).contains { $0.id == p.id }, "\(p.name)")
        }
        _ = try c.store.seed(SeedOptions(doctors: 2, patients: 20, appointments: 10, randomSeed: 9, replace: true))
        #expect(try c.store.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM patient_search") } == 20)
        #expect(try c.store.searchPatients(patients[0].name).allSatisfy { $0.role == .patient })
    }
}

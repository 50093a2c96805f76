import ClinicCore
import ClinicTesting
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
        #expect(try c.store.searchPatients("ad").map(\.id) == [people[3].id])
    }

    @Test func emailAndPhoneDigitsMatch() throws {
        let (c, people) = try clinic()
        #expect(try c.store.searchPatients(people[3].email).map(\.id) == [people[3].id])
        let tail = String(people[2].phone.suffix(4))
        #expect(try c.store.searchPatients("(555) 010-" + tail).map(\.id) == [people[2].id])
    }

    @Test func anEmptyQueryListsPatientsUpToTheLimit() throws {
        let (c, _) = try clinic()
        #expect(try c.store.searchPatients("", limit: 2).count == 2)
        #expect(try c.store.searchPatients("nobody-like-this").isEmpty)
    }
}

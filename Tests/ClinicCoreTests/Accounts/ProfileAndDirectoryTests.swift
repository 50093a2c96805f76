import ClinicCore
import ClinicTesting
import Testing

@Suite("Patient profile and doctor directory")
struct ProfileAndDirectoryTests {
    @Test("a patient edits their own profile; the rules are the core's")
    func ownProfile() throws {
        let clinic = try TestClinic()
        let patient = try clinic.addPatient(), other = try clinic.addPatient()
        let me = Actor.account(patient.id, .patient, via: .kiosk)
        let updated = try clinic.store.editAccount(
            patient.id, AccountEdit(name: " Ana Ruiz ", phone: "555 010 9999", gender: "f", legacyAge: 30), by: me)
        #expect(updated.name == "Ana Ruiz" && updated.phone == "+15550109999")
        #expect(try clinic.store.patientProfile(accountID: patient.id, viewer: me) == PatientProfile(age: 30, gender: "f"))
        #expect(throws: ClinicError.self) { try clinic.store.editAccount(other.id, AccountEdit(name: "X"), by: me) }
        #expect(throws: ClinicError(.invalidInput, "age must be 0–150", field: .age)) {
            try clinic.store.editAccount(patient.id, AccountEdit(legacyAge: 151), by: me)
        }
        #expect(throws: ClinicError(.conflict, ClinicStore.selfServiceContactRefusal)) {
            try clinic.store.editAccount(patient.id, AccountEdit(phone: other.phone), by: me)
        }
        #expect(throws: ClinicError.self) { try clinic.store.patientProfile(accountID: other.id, viewer: me) }
    }

    @Test("bookable doctors are the active ones, by specialization")
    func directory() throws {
        let clinic = try TestClinic()
        let a = try clinic.addDoctor(name: "Dr B", specialization: "Neurology")
        _ = try clinic.addDoctor(name: "Dr A", specialization: "Cardiology")
        let gone = try clinic.addDoctor(name: "Dr C", specialization: "Cardiology")
        try clinic.store.deactivate(accountID: gone.id, by: .shell)
        let list = try clinic.store.bookableDoctors()
        #expect(list.map(\.name) == ["Dr A", "Dr B"])
        #expect(list[1].id == a.id && list[1].slotMinutes == 30)
    }

    @Test("the change watcher sees another connection's commit, once")
    func changeWatcher() throws {
        let clinic = try TestClinic()
        let watcher = try ChangeWatcher(store: clinic.store)
        #expect(try !watcher.changed())
        let other = try ClinicStore(database: clinic.database.location, clock: clinic.clock, hasher: PasswordHasher(iterations: 1000))
        try other.createAccount(NewAccount(role: .patient, name: "P", email: "p@x.test", phone: "+15550101234"), by: nil)
        #expect(try watcher.changed())
        #expect(try !watcher.changed())
    }
}

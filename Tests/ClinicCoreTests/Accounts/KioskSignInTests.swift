import ClinicCore
import ClinicTesting
import Testing

/// Kiosk sign-in (issue 11, item 3): one answer for every refusal, one KDF run
/// for every attempt, and a lock that only a patient's kiosk sign-in can get.
@Suite("ClinicStore.kioskSignIn")
struct KioskSignInTests {
    let clinic: TestClinic
    let counter = KDFCounter()
    let store: ClinicStore
    let patient: Account, doctor: Account, walkIn: Account

    init() throws {
        // Given a patient with a password, a doctor, and a walk-in patient with none, seen through a counting store
        clinic = try TestClinic()
        patient = try clinic.addPatient()
        doctor = try clinic.addDoctor()
        walkIn = try clinic.store.createAccount(
            NewAccount(
                role: .patient, name: "Walk In", email: "walk@clinic.test",
                phone: "+15550109999"), by: .shell)
        store = try clinic.store(counting: counter)
        _ = counter.take()
    }

    /// The error a kiosk sign-in is refused with (nil: it signed in).
    func kiosk(_ login: String, _ password: String) -> ClinicError? {
        do { _ = try store.kioskSignIn(login: login, password: password); return nil } catch { return error as? ClinicError }
    }

    @Test("Unknown, staff (right or wrong password), no password, wrong password, inactive: one answer, one KDF run at one cost")
    func oneAnswer() throws {
        let inactive = try clinic.addPatient()
        try clinic.store.deactivate(accountID: inactive.id, by: .shell)
        let attempts: [(String, String)] = [
            ("nobody@clinic.test", "patient-password"), (doctor.email!, "wrong-password"), (doctor.email!, "doctor-password"),
            (walkIn.email!, "patient-password"), (patient.email!, "wrong-password"), (inactive.email!, "patient-password"),
            (doctor.phone!, "doctor-password"), ("+15559999999", "whatever-1"),
        ]
        for (login, password) in attempts {
            // When each is tried at the kiosk
            let error = try #require(kiosk(login, password), "\(login) signed in")
            // Then each is the same refusal, after exactly one KDF run at the clinic's cost
            #expect(error == ClinicError(.unauthorized, KioskSignInPolicy.refusal), "\(login)")
            #expect(counter.take() == [1_000], "\(login)")
        }
        // And the patient with the right password gets in, through the same single KDF run
        #expect(kiosk(patient.email!, "patient-password") == nil)
        #expect(counter.take() == [1_000])
    }

    @Test("Five kiosk failures for a staff email: nothing is counted, and the staff terminal still lets them in")
    func staffNeverLocked() throws {
        for _ in 1...7 { _ = kiosk(doctor.email!, "wrong-password") }
        let after = try clinic.store.account(matching: doctor.email!)
        #expect(after.failedLogins == 0 && after.lockedUntil == nil && after.kioskFailedLogins == 0 && after.kioskLockedUntil == nil)
        #expect(try clinic.store.signIn(login: doctor.email!, password: "doctor-password").id == doctor.id)
    }

    @Test("Five kiosk failures lock a patient at the kiosk only, for 15 minutes, with the same answer even to the right password")
    func patientKioskLock() throws {
        for _ in 1...4 { _ = kiosk(patient.email!, "wrong-password") }
        #expect(try clinic.store.account(matching: patient.email!).kioskFailedLogins == 4)
        _ = kiosk(patient.email!, "wrong-password")
        // Then the right password gets the one answer (still one KDF run), by email and by phone
        _ = counter.take()
        #expect(kiosk(patient.email!, "patient-password") == ClinicError(.unauthorized, KioskSignInPolicy.refusal))
        #expect(kiosk(patient.phone!, "patient-password") != nil)
        #expect(counter.take() == [1_000, 1_000])
        // And the staff terminal's counter and lock are untouched
        let locked = try clinic.store.account(matching: patient.email!)
        #expect(locked.failedLogins == 0 && locked.lockedUntil == nil)
        #expect(locked.kioskLockedUntil == TestClinic.seconds("2026-03-02T12:15:00Z"))  // the clinic's clock reads 12:00Z
        // And 15 minutes later it opens again, and a success clears the count
        clinic.clock.advance(by: 15 * 60 - 1)
        #expect(kiosk(patient.email!, "patient-password") != nil)
        clinic.clock.advance(by: 1)
        #expect(kiosk(patient.email!, "patient-password") == nil)
        #expect(try clinic.store.account(matching: patient.email!).kioskLockedUntil == nil)
    }

    @Test("The desk unlocks a patient locked at the kiosk at once; setting a password does too; a doctor may not")
    func deskUnlocks() throws {
        let desk = try clinic.addStaff(.receptionist)
        for _ in 1...5 { _ = kiosk(patient.email!, "wrong-password") }
        #expect(kiosk(patient.email!, "patient-password") != nil)
        #expect(refusal { try clinic.store.unlock(accountID: patient.id, by: clinic.actor(doctor)) } == .forbidden)
        #expect(refusal { try clinic.store.unlock(accountID: doctor.id, by: clinic.actor(desk)) } == .forbidden)
        let unlocked = try clinic.store.unlock(accountID: patient.id, by: clinic.actor(desk))
        #expect(unlocked.kioskLockedUntil == nil && unlocked.kioskFailedLogins == 0)
        #expect(kiosk(patient.email!, "patient-password") == nil)
        // When locked again, a new password from the desk also opens it
        for _ in 1...5 { _ = kiosk(patient.email!, "wrong-password") }
        try clinic.store.setPassword(accountID: patient.id, to: "new-password-1", by: clinic.actor(desk))
        #expect(kiosk(patient.email!, "new-password-1") == nil)
        // And an admin may unlock a staff account (its staff-terminal lock)
        for _ in 1...5 { _ = try? clinic.store.signIn(login: doctor.email!, password: "wrong-password") }
        #expect(refusal { try clinic.store.signIn(login: doctor.email!, password: "doctor-password") } == .lockedOut)
        try clinic.store.unlock(accountID: doctor.id, by: .shell)
        #expect(try clinic.store.signIn(login: doctor.email!, password: "doctor-password").id == doctor.id)
    }

    @Test("A lock from the staff terminal does not keep a patient out of the kiosk")
    func staffLockIsSeparate() throws {
        for _ in 1...5 { _ = try? clinic.store.signIn(login: patient.email!, password: "wrong-password") }
        #expect(refusal { try clinic.store.signIn(login: patient.email!, password: "patient-password") } == .lockedOut)
        #expect(kiosk(patient.email!, "patient-password") == nil)
    }
}

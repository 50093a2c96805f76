import ClinicCore
import ClinicTesting
import Testing

/// Kiosk sign-up: details another account has get one sentence naming neither it nor the detail.
@Suite("ClinicStore.kioskSignUp")
struct KioskSignUpTests {
    @Test("A used email and a used phone (of a patient or of staff) give the same refusal, under no field")
    func collisions() throws {
        // Given a patient and a doctor
        let clinic = try TestClinic()
        let patient = try clinic.addPatient(), doctor = try clinic.addDoctor()
        func signUp(_ email: String, _ phone: String) -> ClinicError? {
            do { try clinic.store.kioskSignUp(name: "New Person", email: email, phone: phone, password: "password-1"); return nil } catch {
                return error as? ClinicError
            }
        }
        // When someone signs up with details each already has
        let refusals = [
            signUp(patient.email!, "+15550188888"), signUp("new@clinic.test", patient.phone!),
            signUp(doctor.email!.uppercased(), "+15550188889"), signUp("new2@clinic.test", doctor.phone!),
            signUp(patient.email!, doctor.phone!),
        ]
        // Then every one is the same sentence with no field, and no account was made
        for refusal in refusals {
            #expect(refusal?.message == KioskSignInPolicy.signUpRefusal && refusal?.field == nil, "\(String(describing: refusal))")
        }
        #expect(Set(refusals.map { $0?.code }).count == 1)
        #expect(try clinic.store.accounts().count == 2)
        // And fresh details still sign up
        #expect(signUp("new@clinic.test", "+15550188888") == nil)
    }

    @Test("What was typed wrong is still said under its field, even when the other detail is in use")
    func inputErrorsFirst() throws {
        let clinic = try TestClinic()
        let patient = try clinic.addPatient()
        do {
            try clinic.store.kioskSignUp(name: "New Person", email: "not-an-email", phone: patient.phone, password: "password-1")
            Issue.record("signed up")
        } catch let error as ClinicError {
            #expect(error.field == .email && error.message.contains("is not an email address"))
        }
    }
}

import ClinicCore
import ClinicTesting
import Testing

/// DESIGN §3: DOCTOR / PATIENT is an email, an E.164 phone or a numeric id.
@Suite("ClinicStore.account(matching:)")
struct AccountLookupTests {
    @Test("Email, E.164 phone, phone as typed, and numeric id all find the account")
    func findsByEachReference() throws {
        // Given a patient
        let clinic = try TestClinic()
        let ann = try clinic.store.createAccount(
            NewAccount(
                role: .patient, name: "Ann", email: "ann@example.com",
                phone: "+15550100042", password: "ann-secret-1"), by: nil)
        // Then every kind of reference finds her
        for reference in [
            "ann@example.com", "ANN@example.com", "+15550100042", "+1 555 010 0042", "(555) 010-0042",
            String(ann.id), " \(ann.id) ",
        ] {
            #expect(try clinic.store.account(matching: reference).id == ann.id, "\(reference)")
        }
    }

    @Test("Unknown references are not_found")
    func unknown() throws {
        let clinic = try TestClinic()
        _ = try clinic.addPatient()
        for reference in ["nobody@example.com", "+15559999999", "9999", "", "Ann"] {
            #expect(refusal { try clinic.store.account(matching: reference) } == .notFound, "\(reference)")
        }
    }
}

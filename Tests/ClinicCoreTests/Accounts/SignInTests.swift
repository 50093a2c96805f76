import ClinicCore
import ClinicTesting
import Testing

/// Accounts: sign-in by email or phone; five wrong passwords lock for 15 minutes.
@Suite("ClinicStore.signIn")
struct SignInTests {
    let clinic: TestClinic
    let ann: Account
    static let password = "ann-secret-1"

    init() throws {
        // Given a patient with a password, phone +1 555 010 0042
        clinic = try TestClinic()
        ann = try clinic.store.createAccount(
            NewAccount(
                role: .patient, name: "Ann", email: "ann@example.com",
                phone: "+15550100042", password: Self.password), by: nil)
    }

    func signIn(_ login: String, _ password: String = SignInTests.password) -> ClinicError.Code? {
        refusal { try clinic.store.signIn(login: login, password: password) }
    }

    func failedLogins() throws -> Int { try clinic.store.account(matching: ann.email!).failedLogins }

    @Test("By email, in any case and with spaces around")
    func byEmail() throws {
        #expect(try clinic.store.signIn(login: "ann@example.com", password: Self.password).id == ann.id)
        #expect(signIn("  ANN@Example.com ") == nil)
    }

    @Test("By phone, as E.164 or as typed", arguments: ["+15550100042", "+1 555 010 0042", "(555) 010-0042", "555-010-0042", "5550100042"])
    func byPhone(_ login: String) throws {
        #expect(try clinic.store.signIn(login: login, password: Self.password).id == ann.id)
    }

    @Test("Wrong password, unknown login and a numeric id are all just unauthorized")
    func unauthorized() throws {
        #expect(signIn("ann@example.com", "wrong-password") == .unauthorized)
        #expect(signIn("nobody@example.com") == .unauthorized)
        #expect(signIn("+15559999999") == .unauthorized)
        #expect(signIn(String(ann.id)) == .unauthorized)
        #expect(try failedLogins() == 1)
    }

    @Test("Five wrong passwords lock the account, even against the right password, for 15 minutes")
    func lockout() throws {
        // When four wrong passwords are tried, then each is unauthorized
        for _ in 1...4 { #expect(signIn("ann@example.com", "wrong-password") == .unauthorized) }
        // And the fifth locks the account
        #expect(signIn("ann@example.com", "wrong-password") == .lockedOut)
        // Then the right password is refused, by email and by phone, until 15 minutes have passed
        #expect(signIn("ann@example.com") == .lockedOut)
        #expect(signIn("+15550100042") == .lockedOut)
        clinic.clock.advance(by: 15 * 60 - 1)
        #expect(signIn("ann@example.com") == .lockedOut)
        clinic.clock.advance(by: 1)
        // And after 15 minutes (on the manual clock) it opens again
        #expect(signIn("ann@example.com") == nil)
        #expect(try clinic.store.account(matching: ann.email!).lockedUntil == nil)
    }

    @Test("A success resets the count of wrong passwords")
    func successResets() throws {
        // Given four wrong passwords, then a right one
        for _ in 1...4 { _ = signIn("ann@example.com", "wrong-password") }
        #expect(try failedLogins() == 4)
        #expect(signIn("ann@example.com") == nil)
        #expect(try failedLogins() == 0)
        // When four more wrong ones follow, then the account is still not locked
        for _ in 1...4 { #expect(signIn("ann@example.com", "wrong-password") == .unauthorized) }
        #expect(signIn("ann@example.com") == nil)
    }

    @Test("A deactivated account cannot sign in, with the right password")
    func deactivated() throws {
        try clinic.store.deactivate(accountID: ann.id, by: .shell)
        #expect(signIn("ann@example.com") == .unauthorized)
        #expect(signIn("+15550100042") == .unauthorized)
    }

    @Test("An account without a password cannot sign in until one is set")
    func noPasswordYet() throws {
        // Given a seeded patient without a password
        let bob = try clinic.store.createAccount(
            NewAccount(
                role: .patient, name: "Bob", email: "bob@example.com",
                phone: "+15550100043"), by: .shell)
        #expect(signIn("bob@example.com", "anything-at-all") == .unauthorized)
        // When the admin sets one, then it works; setting a password also clears a lockout
        try clinic.store.setPassword(accountID: bob.id, to: "bob-secret-1", by: .shell)
        #expect(signIn("bob@example.com", "bob-secret-1") == nil)
        for _ in 1...5 { _ = signIn("ann@example.com", "wrong-password") }
        try clinic.store.setPassword(accountID: ann.id, to: "ann-secret-2", by: clinic.actor(ann, via: .kiosk))
        #expect(signIn("ann@example.com") == .unauthorized)
        #expect(signIn("ann@example.com", "ann-secret-2") == nil)
    }

    @Test("The desk may set a patient's password (a walk-in for the kiosk), not a colleague's; a doctor may set neither")
    func whoSetsWhosePassword() throws {
        let desk = try clinic.addStaff(.receptionist), doctor = try clinic.addDoctor()
        let walkIn = try clinic.store.createAccount(
            NewAccount(
                role: .patient, name: "Walk In", email: "walk@example.com",
                phone: "+15550100044"), by: .shell)
        try clinic.store.setPassword(accountID: walkIn.id, to: "walk-secret-1", by: clinic.actor(desk))
        #expect(signIn("walk@example.com", "walk-secret-1") == nil)
        #expect(refusal { try clinic.store.setPassword(accountID: doctor.id, to: "taken-over-1", by: clinic.actor(desk)) } == .forbidden)
        #expect(refusal { try clinic.store.setPassword(accountID: walkIn.id, to: "taken-over-1", by: clinic.actor(doctor)) } == .forbidden)
        #expect(signIn("walk@example.com", "walk-secret-1") == nil)
    }
}

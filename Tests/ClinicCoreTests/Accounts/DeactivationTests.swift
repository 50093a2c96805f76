import ClinicCore
import ClinicTesting
import Testing

/// Deactivating never locks the clinic out: not your own account, not the
/// last active admin; an inactive account can be activated again.
@Suite("Deactivating and activating accounts")
struct DeactivationTests {
    @Test("An admin cannot deactivate themselves, nor the only active admin; with a second admin the first may go")
    func neverLocksTheClinicOut() throws {
        let clinic = try TestClinic()
        let first = try clinic.addStaff(.admin)
        #expect(refusal { try clinic.store.deactivate(accountID: first.id, by: clinic.actor(first)) } == .invalidInput)
        #expect(refusal { try clinic.store.deactivate(accountID: first.id, by: .shell) } == .conflict)  // the only admin
        #expect(try clinic.store.account(matching: first.email!).active)
        let second = try clinic.addStaff(.admin)
        #expect(try clinic.store.deactivate(accountID: first.id, by: clinic.actor(second)).active == false)
        #expect(refusal { try clinic.store.deactivate(accountID: second.id, by: .shell) } == .conflict)  // now the only one
        #expect(try clinic.store.activate(accountID: first.id, by: clinic.actor(second)).active)
        #expect(refusal { try clinic.store.activate(accountID: first.id, by: clinic.actor(try clinic.addStaff(.receptionist))) } == .forbidden)
    }
}

import ClinicCore
import Testing

/// The kiosk's sign-in policy is a value: each decision is one line.
@Suite("KioskSignInPolicy")
struct KioskSignInPolicyTests {
    let policy = KioskSignInPolicy.standard

    @Test("A session's answers wait longer after each failure: two free, then 1, 2, 4 … seconds, at most 30")
    func growingDelay() {
        #expect((1...9).map(policy.delay(afterFailures:)) == [0, 0, 1, 2, 4, 8, 16, 30, 30])
        #expect(policy.delay(afterFailures: 0) == 0)
        #expect(policy.delay(afterFailures: 10_000) == 30)
    }

    @Test("The fifth failure of an account locks kiosk sign-in for 15 minutes and starts the count again")
    func lockAfterFive() {
        #expect(policy.afterFailure(count: 0, now: 100) == (1, nil))
        #expect(policy.afterFailure(count: 3, now: 100) == (4, nil))
        #expect(policy.afterFailure(count: 4, now: 100) == (0, 100 + 15 * 60))
    }

    @Test("A lock holds until its instant, not at it")
    func lockedUntil() {
        #expect(!policy.isLocked(until: nil, now: 100))
        #expect(policy.isLocked(until: 101, now: 100))
        #expect(!policy.isLocked(until: 100, now: 100))
    }

    @Test("A session counts its failures and forgets them once someone signs in")
    func session() {
        var session = KioskSession()
        #expect([session.recordFailure(), session.recordFailure(), session.recordFailure()] == [0, 0, 1])
        session.recordSuccess()
        #expect(session.failures == 0 && session.recordFailure() == 0)
    }

    @Test("The refusals fit the kiosk's 80 columns and name no account, role or field")
    func sentences() {
        #expect(KioskSignInPolicy.signUpRefusal.count <= 74)
        for text in [KioskSignInPolicy.refusal, KioskSignInPolicy.signUpRefusal] {
            for word in ["staff", "exists", "in use", "already", "password is set", "locked", "phone is", "email is"] {
                #expect(!text.lowercased().contains(word), "\(text) says \(word)")
            }
        }
    }
}

/// How the kiosk treats failed sign-ins (DESIGN §2 "Accounts"): pure
/// decisions, no I/O. A stranger at the kiosk can neither learn whether an
/// account exists nor lock someone out for long:
/// - every refusal is one sentence (`refusal`), whatever the reason;
/// - each failure of a kiosk session holds the next answer back a little
///   longer (`delay(afterFailures:)`), whatever account was tried;
/// - only a patient account counts failures at the kiosk, on its own counter:
///   after `failuresBeforeLock` it cannot sign in *at the kiosk* for
///   `lockSeconds` (the staff terminal's lock is another counter, and a staff
///   account is never counted or locked from the kiosk); the desk lifts it.
public struct KioskSignInPolicy: Sendable, Equatable {
    /// Failures of one patient account at the kiosk before kiosk sign-in locks for it.
    public var failuresBeforeLock: Int
    /// How long that lock lasts, unless the desk unlocks sooner.
    public var lockSeconds: Int64
    /// Failures in a session answered without delay (typos happen).
    public var freeFailures: Int
    /// The longest an answer is held back.
    public var maxDelaySeconds: Double

    public init(failuresBeforeLock: Int = 5, lockSeconds: Int64 = 15 * 60, freeFailures: Int = 2, maxDelaySeconds: Double = 30) {
        self.failuresBeforeLock = failuresBeforeLock; self.lockSeconds = lockSeconds
        self.freeFailures = freeFailures; self.maxDelaySeconds = maxDelaySeconds
    }

    /// The policy the kiosk runs.
    public static let standard = KioskSignInPolicy()

    /// The one answer to every refused kiosk sign-in: unknown account, wrong
    /// password, no password set, a staff account (right password or not), an
    /// inactive account, a kiosk lock.
    public static let refusal = "That did not sign you in. Check the email or phone and the password and try again, or ask the desk for help."

    /// The one answer to a sign-up whose email or phone some account already
    /// has: it names neither the account nor which of the two it was.
    /// (One line at 80 columns.)
    public static let signUpRefusal = "We cannot create an account with these details here: please ask the desk."

    /// Seconds to hold back the answer to the `failures`-th failure of one
    /// kiosk session: none for the first `freeFailures`, then 1, 2, 4, 8 … up
    /// to `maxDelaySeconds`.
    public func delay(afterFailures failures: Int) -> Double {
        let slowed = failures - freeFailures
        guard slowed > 0 else { return 0 }
        guard slowed <= 30 else { return maxDelaySeconds }
        return min(maxDelaySeconds, Double(1 << (slowed - 1)))
    }

    /// Whether kiosk sign-in is locked at `now` for an account locked `until` then.
    public func isLocked(until: Int64?, now: Int64) -> Bool {
        guard let until else { return false }
        return until > now
    }

    /// An account's kiosk counter after one more failure at `now`: the new
    /// count, and the lock to set once the count reaches the limit (the count
    /// starts again from zero then).
    public func afterFailure(count: Int, now: Int64) -> (count: Int, lockedUntil: Int64?) {
        let next = count + 1
        return next >= failuresBeforeLock ? (0, now + lockSeconds) : (next, nil)
    }
}

/// One kiosk session's failed sign-ins (and sign-ups that collided): the
/// count that makes `KioskSignInPolicy.delay(afterFailures:)` grow. It
/// belongs to the session, not to an account, so it tells nothing about any.
public struct KioskSession: Sendable, Equatable {
    /// Failures since the session began or last signed someone in.
    public private(set) var failures = 0
    public let policy: KioskSignInPolicy
    /// Names this session to the password reset's rate limit: `kiosk:ssh:`
    /// and the ssh client's address when the kiosk runs over ssh (so
    /// reconnecting gives no fresh allowance), else `kiosk:` and random hex.
    /// A requester may ask for a few codes an hour, whatever it names.
    public let requester: String

    public init(policy: KioskSignInPolicy = .standard, clientAddress: String? = nil) {
        self.policy = policy
        if let address = clientAddress, !address.isEmpty {
            requester = "kiosk:ssh:" + address
        } else {
            requester = "kiosk:" + OpenSSL.randomBytes(8).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        }
    }

    /// Counts a failure; returns how many seconds to hold its answer back.
    public mutating func recordFailure() -> Double {
        failures += 1
        return policy.delay(afterFailures: failures)
    }

    /// Someone signed in: the next person starts afresh.
    public mutating func recordSuccess() { failures = 0 }
}

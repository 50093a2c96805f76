import GRDB

extension ClinicStore {
    /// Signs a patient in at the kiosk. Every refusal is `unauthorized` with
    /// the one sentence `KioskSignInPolicy.refusal`, and every attempt runs the
    /// password KDF exactly once, so neither the answer nor its timing says
    /// whether the account exists, is staff, has a password or is locked here.
    ///
    /// Only an active patient's own password is ever checked; a staff
    /// account's is not, and its counters are never touched (staff cannot be
    /// locked from the kiosk). A patient's failures count on the kiosk's own
    /// counter and lock kiosk sign-in only (`policy`), never the staff terminal.
    public func kioskSignIn(login: String, password: String, policy: KioskSignInPolicy = .standard) throws -> Account {
        try selfServiceSignIn(login: login, password: password, roles: [.patient], policy: policy)
    }

    /// Sign-in where the person is not known yet (the kiosk, the HTTP API):
    /// only an active account of one of `roles` has its password checked, on
    /// the self-service counter and lock, which never lock the staff terminal.
    /// Every refusal is the one sentence, whatever the reason, and costs one KDF.
    public func selfServiceSignIn(
        login: String, password: String, roles: Set<Role>, policy: KioskSignInPolicy = .standard
    ) throws -> Account {
        let now = nowSeconds
        let found = try pool.read { db -> (Account, String?)? in
            guard let account = try? self.account(login: login, db) else { return nil }
            let hash = try String?.fetchOne(db, sql: "SELECT password_hash FROM account WHERE id = ?", arguments: [account.id]) ?? nil
            return (account, hash)
        }
        let checked = found.flatMap { account, hash -> (Account, String)? in
            guard roles.contains(account.role), account.active, let hash,
                !policy.isLocked(until: account.kioskLockedUntil, now: now)
            else { return nil }
            return (account, hash)
        }
        guard let (account, hash) = checked else {
            _ = hasher.check(password, against: nil)  // the same cost as a real check
            throw ClinicError(.unauthorized, KioskSignInPolicy.refusal)
        }
        guard hasher.check(password, against: hash) else {
            try recordKioskFailure(accountID: account.id, policy: policy, now: now)
            throw ClinicError(.unauthorized, KioskSignInPolicy.refusal)
        }
        if account.kioskFailedLogins != 0 || account.kioskLockedUntil != nil {
            try pool.write { db in
                try db.execute(
                    sql: "UPDATE account SET kiosk_failed_logins = 0, kiosk_locked_until = NULL WHERE id = ?",
                    arguments: [account.id])
            }
        }
        var signedIn = account
        signedIn.kioskFailedLogins = 0; signedIn.kioskLockedUntil = nil
        return signedIn
    }

    /// Whether a kiosk session signed in as `account` may go on: the account
    /// is still active, has the same role, and its password has not changed
    /// since (a reset by code or by the desk bumps the token epoch, which ends
    /// every session and API token of the account).
    public func isStillSignedIn(_ account: Account) throws -> Bool {
        let current = try pool.read { db in try Self.account(id: account.id, db) }
        guard let current else { return false }
        return current.active && current.role == account.role && current.tokenEpoch == account.tokenEpoch
    }

    /// One more failure on the account's kiosk counter, locking kiosk sign-in when the policy says so.
    private func recordKioskFailure(accountID: Int64, policy: KioskSignInPolicy, now: Int64) throws {
        try pool.write { db in
            let count = try Int.fetchOne(db, sql: "SELECT kiosk_failed_logins FROM account WHERE id = ?", arguments: [accountID]) ?? 0
            let next = policy.afterFailure(count: count, now: now)
            try db.execute(
                sql: "UPDATE account SET kiosk_failed_logins = ?, kiosk_locked_until = COALESCE(?, kiosk_locked_until) WHERE id = ?",
                arguments: [next.count, next.lockedUntil, accountID])
        }
    }
}

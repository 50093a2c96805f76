import GRDB

/// What asking for a reset code may answer. Neither case says anything about
/// the account the login names.
public enum PasswordResetRequest: Sendable, Equatable {
    /// `PasswordResetPolicy.answer`, to every request within the requester's limit.
    case answered
    /// The requester asked too often this hour (`PasswordResetPolicy.requesterRefusal`).
    case requesterLimited
}

extension ClinicStore {
    /// "Forgot password", first step: when `login` (an email or a phone) is
    /// an active patient's with a phone, and the account has had fewer than
    /// `codesPerHourPerAccount` codes this hour, a new 6-digit code goes by
    /// SMS (through the outbox, dropped unsent after its 10 minutes) and is
    /// kept hashed; it replaces any earlier code. Every other case — unknown,
    /// staff, inactive, no phone, the account's limit reached — is answered
    /// the same and costs the same: one KDF (the code is hashed whether or
    /// not it is sent) and one row for the requester's limit.
    ///
    /// `requester` names who asks (`kiosk:<session>`, `api:<address>`): it may
    /// ask `requestsPerHourPerRequester` times an hour, whatever it names.
    public func requestPasswordReset(
        login: String, requester: String, policy: PasswordResetPolicy = .standard
    ) throws -> PasswordResetRequest {
        let code = PasswordResetPolicy.newCode()
        let hash = hasher.hash(code)  // outside the write lock, on every path
        let now = nowSeconds
        return try pool.write { db in
            try db.execute(sql: "DELETE FROM password_reset WHERE created_at < ?", arguments: [now - 86_400])
            let asked =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM password_reset WHERE requester = ? AND created_at > ?",
                    arguments: [requester, now - 3600]) ?? 0
            guard asked < policy.requestsPerHourPerRequester else { return .requesterLimited }
            let target = (try? self.account(login: login, db)).flatMap { $0.role == .patient && $0.active ? $0 : nil }
            var codeHash: String?
            var outboxID: Int64?
            if let target, let phone = target.phone {
                let codes =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM password_reset WHERE account_id = ? AND code_hash IS NOT NULL AND created_at > ?",
                        arguments: [target.id, now - 3600]) ?? 0
                let clinicWide =
                    try Int.fetchOne(
                        db, sql: "SELECT COUNT(*) FROM password_reset WHERE code_hash IS NOT NULL AND created_at > ?", arguments: [now - 3600]) ?? 0
                if codes < policy.codesPerHourPerAccount, clinicWide < policy.codesPerHourClinicWide {
                    let body = PasswordResetPolicy.smsBody(code: code, clinic: try settings(db).name)
                    try Self.enqueue(
                        NewOutboxMessage(
                            to: phone, body: body, kind: .passwordReset, recipient: .patient, expiresAt: now + policy.codeSeconds),
                        now: now, db)
                    outboxID = try db.lastInsertedRowID
                    codeHash = hash
                }
            }
            try db.execute(
                sql: """
                    INSERT INTO password_reset (requester, account_id, code_hash, created_at, expires_at, outbox_id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [requester, target?.id, codeHash, now, now + policy.codeSeconds, outboxID])
            return .answered
        }
    }

    /// "Forgot password", second step: the account's newest code, within its
    /// 10 minutes and its tries, sets `newPassword` (the rules of every
    /// password), clears the sign-in locks, revokes every API token and kiosk
    /// session of the account (its token epoch), spends the code, and is
    /// written to the account's audit trail. Each guess is counted before it
    /// is checked, so racing guesses cannot exceed the tries.
    ///
    /// A password the rules refuse is `invalid_input` (field `password`),
    /// before any code is looked at. Every other refusal is `unauthorized`
    /// with `PasswordResetPolicy.codeRefusal` and costs one KDF: a wrong,
    /// expired, spent or replaced code, too many tries, an unknown, staff or
    /// inactive account.
    public func resetPassword(
        login: String, code: String, newPassword: String, via: Actor.Via, policy: PasswordResetPolicy = .standard
    ) throws {
        try PasswordHasher.validate(newPassword)
        let refused = ClinicError(.unauthorized, PasswordResetPolicy.codeRefusal)
        let typed = code.trimmingCharacters(in: .whitespaces)
        let now = nowSeconds
        let candidate = try pool.write { db -> (id: Int64, hash: String)? in
            guard PasswordResetPolicy.looksLikeCode(typed), let account = try? self.account(login: login, db),
                account.role == .patient, account.active,
                let row = try StoreRow.fetchOne(
                    db,
                    sql: """
                        SELECT id, code_hash, expires_at, tries, used_at FROM password_reset
                        WHERE account_id = ? AND code_hash IS NOT NULL ORDER BY id DESC LIMIT 1
                        """, arguments: [account.id]),
                (row["used_at"] as Int64?) == nil, now < row["expires_at"] as Int64, (row["tries"] as Int) < policy.maxTries
            else { return nil }
            try db.execute(sql: "UPDATE password_reset SET tries = tries + 1 WHERE id = ?", arguments: [row["id"] as Int64])
            return (row["id"], row["code_hash"])
        }
        guard hasher.check(typed, against: candidate?.hash), let candidate else { throw refused }
        let hash = hasher.hash(newPassword)  // outside the write lock: it takes ~0.2 s
        try pool.write { db in
            try db.execute(
                sql: "UPDATE password_reset SET used_at = ? WHERE id = ? AND used_at IS NULL", arguments: [now, candidate.id])
            guard db.changesCount == 1,
                let accountID = try Int64.fetchOne(db, sql: "SELECT account_id FROM password_reset WHERE id = ?", arguments: [candidate.id])
            else { throw refused }
            try db.execute(
                sql: """
                    UPDATE account SET password_hash = ?, failed_logins = 0, locked_until = NULL, kiosk_failed_logins = 0,
                    kiosk_locked_until = NULL WHERE id = ? AND role = 'patient' AND active = 1
                    """, arguments: [hash, accountID])
            guard db.changesCount == 1 else { throw refused }
            try Self.revokeAPITokens(accountID: accountID, now: now, db)
            try db.execute(
                sql: """
                    INSERT INTO account_event (account_id, at, actor_id, actor_role, via, fields, summary)
                    VALUES (?, ?, ?, 'patient', ?, 'password', 'password reset with a code sent by SMS')
                    """, arguments: [accountID, now, accountID, via.rawValue])
        }
    }
}

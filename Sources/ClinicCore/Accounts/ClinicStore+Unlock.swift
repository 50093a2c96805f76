import GRDB

extension ClinicStore {
    /// Lifts every sign-in lock on an account and forgets its failed attempts:
    /// the staff terminal's and the kiosk's. An admin may unlock anyone; the
    /// desk a patient (a patient a stranger locked out of the kiosk).
    @discardableResult
    public func unlock(accountID: Int64, by actor: Actor) throws -> Account {
        try pool.write { db in
            guard let target = try Self.account(id: accountID, db) else {
                throw ClinicError(.notFound, "no account with id \(accountID)")
            }
            try Policy.decide(.unlock, by: actor, facts: AccountFacts(target)).enforce()
            try db.execute(
                sql: """
                    UPDATE account SET failed_logins = 0, locked_until = NULL, kiosk_failed_logins = 0, kiosk_locked_until = NULL
                    WHERE id = ?
                    """, arguments: [accountID])
            return try Self.account(id: accountID, db)!
        }
    }
}

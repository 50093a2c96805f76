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
            guard actor.role == .admin || (actor.role == .receptionist && target.role == .patient) else {
                throw ClinicError(.forbidden, "only an admin may unlock an account (the desk may unlock a patient's)")
            }
            try db.execute(sql: """
                UPDATE account SET failed_logins = 0, locked_until = NULL, kiosk_failed_logins = 0, kiosk_locked_until = NULL
                WHERE id = ?
                """, arguments: [accountID])
            return try Self.account(id: accountID, db)!
        }
    }
}

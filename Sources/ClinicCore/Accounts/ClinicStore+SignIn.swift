import Foundation
import GRDB

extension ClinicStore {
    /// Failed attempts before the account locks.
    public static let maxFailedSignIns = 5
    /// How long a lockout lasts.
    public static let lockoutSeconds: Int64 = 15 * 60

    /// Checks an email-or-phone and a password at the staff terminal. Five
    /// wrong passwords lock the account for 15 minutes (`locked_out`); anything
    /// else wrong is `unauthorized` without saying which part was wrong. The
    /// kiosk signs in through `kioskSignIn`, with its own counter and lock.
    public func signIn(login: String, password: String) throws -> Account {
        let refused = ClinicError(.unauthorized, "wrong email / phone or password")
        let found = try pool.read { db -> (Account, String?)? in
            guard let account = try? self.account(login: login, db) else { return nil }
            let hash = try String?.fetchOne(db, sql: "SELECT password_hash FROM account WHERE id = ?", arguments: [account.id]) ?? nil
            return (account, hash)
        }
        guard let (account, storedHash) = found, account.active else {
            _ = hasher.check(password, against: nil)  // same cost as a real check
            throw refused
        }
        let now = nowSeconds
        if let until = account.lockedUntil, until > now {
            throw Self.lockedError(until: until, now: now)
        }
        guard let storedHash else {
            throw ClinicError(.unauthorized, "no password is set for this account yet: ask the desk to set one")
        }
        if hasher.check(password, against: storedHash) {
            try pool.write { db in
                try db.execute(sql: "UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = ?", arguments: [account.id])
            }
            return account
        }
        let lockedUntil: Int64? = try pool.write { db in
            try db.execute(sql: "UPDATE account SET failed_logins = failed_logins + 1 WHERE id = ?", arguments: [account.id])
            let failures = try Int.fetchOne(db, sql: "SELECT failed_logins FROM account WHERE id = ?", arguments: [account.id]) ?? 0
            guard failures >= Self.maxFailedSignIns else { return nil }
            let until = now + Self.lockoutSeconds
            try db.execute(sql: "UPDATE account SET failed_logins = 0, locked_until = ? WHERE id = ?", arguments: [until, account.id])
            return until
        }
        if let lockedUntil { throw Self.lockedError(until: lockedUntil, now: now) }
        throw refused
    }

    private static func lockedError(until: Int64, now: Int64) -> ClinicError {
        let minutes = max(1, (until - now + 59) / 60)
        return ClinicError(.lockedOut, "too many wrong passwords: try again in \(minutes) minute\(minutes == 1 ? "" : "s") or ask the desk")
    }
}

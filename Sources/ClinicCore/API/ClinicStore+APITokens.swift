import Foundation
import GRDB

/// What a successful API sign-in or refresh hands out.
public struct APITokens: Sendable, Equatable {
    public let accessToken: String
    public let refreshToken: String
    /// Seconds the access token is good for.
    public let expiresIn: Int64
}

extension ClinicStore {
    /// How long a refresh token is good for when it is not used.
    public static let refreshTokenSeconds: Int64 = 30 * 24 * 3600

    /// The clinic's API signing key: made on first use (32 random bytes),
    /// kept in the database so every `clinic serve` on it agrees, never in a file.
    public func apiSigningKey() throws -> [UInt8] {
        let now = nowSeconds
        return try pool.write { db in
            try db.execute(
                sql: "INSERT INTO api_signing_key (id, key, created_at) VALUES (1, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [Data(OpenSSL.randomBytes(32)), now])
            return Array(try Data.fetchOne(db, sql: "SELECT key FROM api_signing_key WHERE id = 1")!)
        }
    }

    /// A new access token and a refresh token starting a new family.
    public func issueAPITokens(for account: Account, key: [UInt8]) throws -> APITokens {
        let now = nowSeconds
        let refresh = Self.newRefreshToken()
        try pool.write { db in
            try Self.insertRefreshToken(refresh, accountID: account.id, family: Self.newFamily(), now: now, db)
        }
        return APITokens(
            accessToken: AccessToken(accountID: account.id, role: account.role, epoch: account.tokenEpoch, issuedAt: now).signed(with: key),
            refreshToken: refresh, expiresIn: AccessToken.lifetimeSeconds)
    }

    /// Trades a refresh token for a new pair (the old one is spent). A token
    /// used a second time means it leaked: its whole family is revoked and the
    /// answer is `unauthorized`, as for an unknown, expired or revoked one.
    public func refreshAPITokens(_ token: String, key: [UInt8]) throws -> (APITokens, Account) {
        let now = nowSeconds
        let refused = ClinicError(.unauthorized, "the refresh token is not valid: sign in again")
        let hash = Data(OpenSSL.sha256(Array(token.utf8)))
        let outcome: Result<(APITokens, Account), ClinicError> = try pool.write { db in
            guard token.utf8.count <= 128,
                let row = try StoreRow.fetchOne(
                    db,
                    sql: """
                        SELECT id, account_id, family, expires_at, used_at, revoked_at FROM api_refresh_token
                        WHERE token_hash = ?
                        """, arguments: [hash])
            else { return .failure(refused) }
            let family: String = row["family"]
            if row["used_at"] as Int64? != nil || row["revoked_at"] as Int64? != nil {
                try db.execute(
                    sql: "UPDATE api_refresh_token SET revoked_at = COALESCE(revoked_at, ?) WHERE family = ?",
                    arguments: [now, family])
                return .failure(refused)
            }
            guard now < row["expires_at"] as Int64, let account = try Self.account(id: row["account_id"], db), account.active
            else { return .failure(refused) }
            try db.execute(sql: "UPDATE api_refresh_token SET used_at = ? WHERE id = ?", arguments: [now, row["id"] as Int64])
            let next = Self.newRefreshToken()
            try Self.insertRefreshToken(next, accountID: account.id, family: family, now: now, db)
            let access = AccessToken(accountID: account.id, role: account.role, epoch: account.tokenEpoch, issuedAt: now)
            return .success((APITokens(accessToken: access.signed(with: key), refreshToken: next, expiresIn: AccessToken.lifetimeSeconds), account))
        }
        return try outcome.get()
    }

    /// Signs out: the refresh token's family is revoked (an unknown token is
    /// not an error, so the answer says nothing about it).
    public func revokeAPIRefreshToken(_ token: String) throws {
        let now = nowSeconds
        let hash = Data(OpenSSL.sha256(Array(token.utf8)))
        try pool.write { db in
            try db.execute(
                sql: """
                    UPDATE api_refresh_token SET revoked_at = COALESCE(revoked_at, ?)
                    WHERE family = (SELECT family FROM api_refresh_token WHERE token_hash = ?)
                    """, arguments: [now, hash])
        }
    }

    /// The account an access token speaks for, if it still may: it exists, is
    /// active, has the token's role and the token's epoch. Anything else is
    /// `unauthorized` with one sentence.
    public func apiAccount(for token: AccessToken) throws -> Account {
        let account = try pool.read { db in try Self.account(id: token.accountID, db) }
        guard let account, account.active, account.role == token.role, account.tokenEpoch == token.epoch else {
            throw ClinicError(.unauthorized, "the access token is not valid: sign in again")
        }
        return account
    }

    /// Every token of the account stops working: access tokens by the epoch,
    /// refresh tokens by revocation. Inside the caller's write.
    static func revokeAPITokens(accountID: Int64, now: Int64, _ db: StoreConnection) throws {
        try db.execute(sql: "UPDATE account SET token_epoch = token_epoch + 1 WHERE id = ?", arguments: [accountID])
        try db.execute(
            sql: "UPDATE api_refresh_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
            arguments: [now, accountID])
    }

    private static func newRefreshToken() -> String { Base64URL.encode(OpenSSL.randomBytes(32)) }
    private static func newFamily() -> String { Base64URL.encode(OpenSSL.randomBytes(12)) }

    private static func insertRefreshToken(_ token: String, accountID: Int64, family: String, now: Int64, _ db: StoreConnection) throws {
        try db.execute(
            sql: """
                INSERT INTO api_refresh_token (account_id, family, token_hash, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)
                """, arguments: [accountID, family, Data(OpenSSL.sha256(Array(token.utf8))), now, now + refreshTokenSeconds])
    }
}

import Foundation
import GRDB

/// An account's photo as stored.
public struct AccountPhoto: Sendable, Equatable {
    /// `image/jpeg` or `image/png`, from the bytes themselves.
    public let contentType: String
    public let bytes: [UInt8]
    /// The unguessable id it is served at (`/api/v1/photos/<id>`): the URL
    /// says nothing about the account, and a wrong id says nothing either.
    public let publicID: String
}

extension ClinicStore {
    /// The largest photo accepted.
    public static let maxPhotoBytes = 2 * 1024 * 1024

    /// The image type of `bytes` by their magic numbers (nil: neither JPEG nor PNG).
    public static func photoType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        return nil
    }

    /// Sets the photo of `accountID` (its owner or the desk, as for a profile): a
    /// JPEG or PNG of at most 2 MiB, its type read from its bytes. A new photo
    /// gets a new id, so the old URL stops showing anything.
    @discardableResult
    public func setPhoto(accountID: Int64, bytes: [UInt8], by actor: Actor) throws -> AccountPhoto {
        try Policy.decide(.updateProfile, by: actor, facts: AccountFacts(id: accountID, role: nil)).enforce()
        guard bytes.count <= Self.maxPhotoBytes else { throw ClinicError(.invalidInput, "the photo is larger than 2 MiB") }
        guard let type = Self.photoType(bytes) else { throw ClinicError(.invalidInput, "the photo must be a JPEG or PNG image") }
        let photo = AccountPhoto(contentType: type, bytes: bytes, publicID: Base64URL.encode(OpenSSL.randomBytes(18)))
        let now = nowSeconds
        try pool.write { db in
            guard try Self.account(id: accountID, db) != nil else { throw ClinicError(.notFound, "no account with id \(accountID)") }
            try db.execute(
                sql: """
                    INSERT INTO account_photo (account_id, public_id, content_type, bytes, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (account_id) DO UPDATE SET public_id = excluded.public_id, content_type = excluded.content_type,
                        bytes = excluded.bytes, updated_at = excluded.updated_at
                    """, arguments: [accountID, photo.publicID, type, Data(bytes), now])
        }
        return photo
    }

    /// The id an account's photo is served at, if it has one.
    public func photoID(accountID: Int64) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT public_id FROM account_photo WHERE account_id = ?", arguments: [accountID]) }
    }

    /// The photo served at `publicID` (`not_found` for any other).
    public func photo(publicID: String) throws -> AccountPhoto {
        guard publicID.utf8.count <= 64,
            let row = try pool.read({ db in
                try StoreRow.fetchOne(db, sql: "SELECT content_type, bytes FROM account_photo WHERE public_id = ?", arguments: [publicID])
            })
        else { throw ClinicError(.notFound, "no such photo") }
        return AccountPhoto(contentType: row["content_type"], bytes: Array(row["bytes"] as Data), publicID: publicID)
    }
}

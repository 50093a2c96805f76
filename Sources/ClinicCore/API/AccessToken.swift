import Foundation

/// An API access token: a JWT signed with HS256 under the clinic's key,
/// carrying the account, its role and its token epoch (a password change or
/// deactivation bumps the epoch, so every token issued before stops working).
/// Pure: the key and the time come from the caller.
public struct AccessToken: Sendable, Equatable {
    /// How long an access token is good for.
    public static let lifetimeSeconds: Int64 = 15 * 60

    public let accountID: Int64
    public let role: Role
    public let epoch: Int64
    public let issuedAt: Int64
    public let expiresAt: Int64

    /// Why a token was not accepted (all answered as 401 `unauthorized`).
    public enum Rejection: Error, Equatable, Sendable {
        case malformed, badSignature, expired, wrongType
    }

    /// A token issued at `issuedAt`, good for `lifetimeSeconds` unless `expiresAt` says otherwise.
    public init(accountID: Int64, role: Role, epoch: Int64, issuedAt: Int64, expiresAt: Int64? = nil) {
        self.accountID = accountID; self.role = role; self.epoch = epoch
        self.issuedAt = issuedAt; self.expiresAt = expiresAt ?? issuedAt + Self.lifetimeSeconds
    }

    private static let header = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    private struct Claims: Codable {
        let sub: String
        let role: String
        let ep: Int64
        let iat: Int64
        let exp: Int64
        let typ: String
    }

    /// The compact JWT: header.claims.signature.
    public func signed(with key: [UInt8]) -> String {
        let claims = Claims(sub: String(accountID), role: role.rawValue, ep: epoch, iat: issuedAt, exp: expiresAt, typ: "access")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let body = Self.header + "." + Base64URL.encode(try! encoder.encode(claims))
        return body + "." + Base64URL.encode(OpenSSL.hmacSHA256(key: key, data: Array(body.utf8)))
    }

    /// Checks the signature (constant time), the algorithm and the expiry at `now`.
    public static func verify(_ token: String, key: [UInt8], now: Int64) throws(Rejection) -> AccessToken {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= 2048, parts.count == 3, let signature = Base64URL.decode(parts[2]),
            let claimBytes = Base64URL.decode(parts[1])
        else { throw .malformed }
        let expected = OpenSSL.hmacSHA256(key: key, data: Array((parts[0] + "." + parts[1]).utf8))
        guard OpenSSL.constantTimeEqual(signature, expected) else { throw .badSignature }
        // Only one header is ever issued; anything else (another alg, "none") is refused as it stands.
        guard parts[0] == Self.header else { throw .malformed }
        guard let claims = try? JSONDecoder().decode(Claims.self, from: Data(claimBytes)), let id = Int64(claims.sub),
            let role = Role(rawValue: claims.role)
        else { throw .malformed }
        guard claims.typ == "access" else { throw .wrongType }
        guard now < claims.exp, claims.iat <= now + 60 else { throw .expired }
        return AccessToken(accountID: id, role: role, epoch: claims.ep, issuedAt: claims.iat, expiresAt: claims.exp)
    }
}

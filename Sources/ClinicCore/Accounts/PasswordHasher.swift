import Foundation

/// PBKDF2-HMAC-SHA256 password hashing through OpenSSL. The stored form
/// carries its parameters (`pbkdf2-sha256$600000$<salt b64>$<hash b64>`), so
/// the cost can rise later without breaking old hashes.
public struct PasswordHasher: Sendable {
    /// Interactive sign-in cost: ≈ 190 ms on this class of machine.
    public static let interactiveIterations = 600_000

    public let iterations: Int

    public init(iterations: Int = PasswordHasher.interactiveIterations) {
        self.iterations = max(1_000, iterations)
    }

    /// Why a password is refused.
    public static func validate(_ password: String) throws {
        guard password.count >= 8 else {
            throw ClinicError(.invalidInput, "the password must have at least 8 characters", field: .password)
        }
        guard password.utf8.count <= 1024 else {
            throw ClinicError(.invalidInput, "the password is too long (1024 bytes at most)", field: .password)
        }
    }

    /// A new salted hash of `password`.
    public func hash(_ password: String) -> String {
        let salt = OpenSSL.randomBytes(16)
        let key = Self.derive(password, salt: salt, iterations: iterations)
        return "pbkdf2-sha256$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(key).base64EncodedString())"
    }

    /// Whether `password` matches a stored hash (constant-time compare).
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$")
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let iterations = Int(parts[1]),
              (1_000...10_000_000).contains(iterations),
              let salt = Data(base64Encoded: String(parts[2])),
              let expected = Data(base64Encoded: String(parts[3])), expected.count == 32 else { return false }
        let key = derive(password, salt: [UInt8](salt), iterations: iterations)
        return OpenSSL.constantTimeEqual(key, [UInt8](expected))
    }

    static func derive(_ password: String, salt: [UInt8], iterations: Int) -> [UInt8] {
        OpenSSL.pbkdf2SHA256(password, salt: salt, iterations: iterations)
    }
}

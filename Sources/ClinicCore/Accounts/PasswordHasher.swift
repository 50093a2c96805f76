import COpenSSL
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
            throw ClinicError(.invalidInput, "the password must have at least 8 characters")
        }
        guard password.utf8.count <= 1024 else {
            throw ClinicError(.invalidInput, "the password is too long (1024 bytes at most)")
        }
    }

    /// A new salted hash of `password`.
    public func hash(_ password: String) -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        guard clinic_random_bytes(&salt, Int32(salt.count)) == 1 else {
            fatalError("OpenSSL could not produce random bytes")
        }
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
        return key.withUnsafeBytes { a in
            expected.withUnsafeBytes { b in clinic_memcmp_const(a.baseAddress, b.baseAddress, 32) == 0 }
        }
    }

    static func derive(_ password: String, salt: [UInt8], iterations: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let bytes = Array(password.utf8).map { CChar(bitPattern: $0) } + [0]
        let ok = clinic_pbkdf2_sha256(bytes, Int32(bytes.count - 1), salt, Int32(salt.count), Int32(iterations), &out, 32)
        precondition(ok == 1, "PBKDF2 failed")
        return out
    }
}

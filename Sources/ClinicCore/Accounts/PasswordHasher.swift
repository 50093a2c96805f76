import Foundation

/// PBKDF2-HMAC-SHA256 password hashing through OpenSSL. The stored form
/// carries its parameters (`pbkdf2-sha256$600000$<salt b64>$<hash b64>`), so
/// the cost can rise later without breaking old hashes.
public struct PasswordHasher: Sendable {
    /// Interactive sign-in cost: ≈ 190 ms on this class of machine.
    public static let interactiveIterations = 600_000

    public let iterations: Int
    /// Told the iteration count of every KDF evaluation this hasher runs (tests
    /// count them: sign-in answers that must take equally long run it equally often).
    let observer: (@Sendable (Int) -> Void)?

    public init(iterations: Int = PasswordHasher.interactiveIterations, observer: (@Sendable (Int) -> Void)? = nil) {
        self.iterations = max(1_000, iterations)
        self.observer = observer
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
        let key = derive(password, salt: salt, iterations: iterations)
        return "pbkdf2-sha256$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(key).base64EncodedString())"
    }

    /// Whether `password` matches a stored hash (constant-time compare).
    public static func verify(_ password: String, against stored: String) -> Bool {
        guard let parsed = Parsed(stored) else { return false }
        let key = OpenSSL.pbkdf2SHA256(password, salt: parsed.salt, iterations: parsed.iterations)
        return OpenSSL.constantTimeEqual(key, parsed.key)
    }

    /// Whether `password` matches `stored`, running the KDF exactly once
    /// whatever `stored` is: with no usable hash (an unknown account, none set
    /// yet, an account this surface does not let in) it runs against a dummy
    /// hash at this hasher's cost and answers false, so a refusal takes as long
    /// as a real wrong password and its timing tells nothing.
    public func check(_ password: String, against stored: String?) -> Bool {
        guard let stored, let parsed = Parsed(stored) else {
            let dummy = Parsed.dummy(iterations: iterations)
            _ = OpenSSL.constantTimeEqual(derive(password, salt: dummy.salt, iterations: dummy.iterations), dummy.key)
            return false
        }
        return OpenSSL.constantTimeEqual(derive(password, salt: parsed.salt, iterations: parsed.iterations), parsed.key)
    }

    private func derive(_ password: String, salt: [UInt8], iterations: Int) -> [UInt8] {
        observer?(iterations)
        return OpenSSL.pbkdf2SHA256(password, salt: salt, iterations: iterations)
    }

    /// A stored hash taken apart.
    private struct Parsed {
        let iterations: Int
        let salt: [UInt8]
        let key: [UInt8]

        init?(_ stored: String) {
            let parts = stored.split(separator: "$")
            guard parts.count == 4, parts[0] == "pbkdf2-sha256", let iterations = Int(parts[1]),
                (1_000...10_000_000).contains(iterations),
                let salt = Data(base64Encoded: String(parts[2])),
                let key = Data(base64Encoded: String(parts[3])), key.count == 32
            else { return nil }
            self.init(iterations: iterations, salt: [UInt8](salt), key: [UInt8](key))
        }

        private init(iterations: Int, salt: [UInt8], key: [UInt8]) {
            self.iterations = iterations; self.salt = salt; self.key = key
        }

        /// What a refused sign-in is checked against: no password derives to an all-zero key.
        static func dummy(iterations: Int) -> Parsed {
            Parsed(iterations: iterations, salt: Array("clinic-no-account".utf8), key: [UInt8](repeating: 0, count: 32))
        }
    }
}

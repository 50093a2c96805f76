import COpenSSL
import Foundation

/// The one Swift file that imports `COpenSSL`: typed wrappers for the few
/// OpenSSL calls the core needs (password KDF, HMAC-SHA1 for Twilio
/// signatures, HMAC-SHA256 and SHA-256 for API tokens, random bytes,
/// constant-time comparison).
enum OpenSSL {
    /// PBKDF2-HMAC-SHA256 of `password` (its UTF-8 bytes) into `length` bytes.
    static func pbkdf2SHA256(_ password: String, salt: [UInt8], iterations: Int, length: Int = 32) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        let bytes = Array(password.utf8).map { CChar(bitPattern: $0) } + [0]
        let ok = clinic_pbkdf2_sha256(bytes, Int32(bytes.count - 1), salt, Int32(salt.count), Int32(iterations), &out, Int32(length))
        precondition(ok == 1, "PBKDF2 failed")
        return out
    }

    /// HMAC-SHA1 of `data` under `key` (20 bytes).
    static func hmacSHA1(key: [UInt8], data: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 20)
        let ok = key.withUnsafeBufferPointer { k in
            data.withUnsafeBufferPointer { d in
                clinic_hmac_sha1(k.baseAddress, Int32(k.count), d.baseAddress, d.count, &out)
            }
        }
        precondition(ok == 1, "HMAC-SHA1 failed")
        return out
    }

    /// HMAC-SHA256 of `data` under `key` (32 bytes).
    static func hmacSHA256(key: [UInt8], data: some ContiguousBytes) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = key.withUnsafeBufferPointer { k in
            data.withUnsafeBytes { d in
                clinic_hmac_sha256(k.baseAddress, Int32(k.count), d.baseAddress?.assumingMemoryBound(to: UInt8.self), d.count, &out)
            }
        }
        precondition(ok == 1, "HMAC-SHA256 failed")
        return out
    }

    /// SHA-256 of `data` (32 bytes).
    static func sha256(_ data: some ContiguousBytes) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = data.withUnsafeBytes { d in clinic_sha256(d.baseAddress?.assumingMemoryBound(to: UInt8.self), d.count, &out) }
        precondition(ok == 1, "SHA-256 failed")
        return out
    }

    /// `count` cryptographically random bytes.
    static func randomBytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        guard clinic_random_bytes(&out, Int32(count)) == 1 else { fatalError("OpenSSL could not produce random bytes") }
        return out
    }

    /// Whether two byte strings are equal, in time that depends only on their lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in clinic_memcmp_const(x.baseAddress, y.baseAddress, a.count) == 0 } }
    }
}

extension OpenSSL {
    /// SHA-256 over data fed in pieces (a table's rows, streamed by `clinic db copy`).
    final class SHA256Stream {
        private let context: OpaquePointer

        init() {
            guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
                fatalError("OpenSSL could not start SHA-256")
            }
            self.context = context
        }

        deinit { EVP_MD_CTX_free(context) }

        func update(_ bytes: [UInt8]) {
            let ok = bytes.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
            precondition(ok == 1, "SHA-256 failed")
        }

        /// The digest in lowercase hex; the stream is finished.
        func hexDigest() -> String {
            var out = [UInt8](repeating: 0, count: 32)
            var length: UInt32 = 0
            precondition(EVP_DigestFinal_ex(context, &out, &length) == 1 && length == 32, "SHA-256 failed")
            return out.map { String(format: "%02x", $0) }.joined()
        }
    }
}

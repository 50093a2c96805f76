import Foundation

/// Public appointment codes: 6 characters from an alphabet without the
/// look-alikes 0/O, 1/I/L, so they survive being read aloud or typed on a phone.
public enum AppointmentCode {
    /// The 31 characters codes are made of.
    public static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    /// A fresh random code (system CSPRNG): one uniform draw below 31⁶ spelled in
    /// the alphabet (one `getrandom` call per booking instead of one per character).
    @Sendable public static func random() -> String {
        var n = UInt64.random(in: 0..<codeSpace)
        var chars: [Character] = []
        chars.reserveCapacity(6)
        for _ in 0..<6 {
            chars.append(alphabet[Int(n % UInt64(alphabet.count))])
            n /= UInt64(alphabet.count)
        }
        return String(chars)
    }

    /// How many codes there are: 31⁶.
    static let codeSpace: UInt64 = 887_503_681

    /// A code drawn from `rng` (seeded generators give reproducible clinics).
    public static func make<R: RandomNumberGenerator>(using rng: inout R) -> String {
        String((0..<6).map { _ in alphabet[Int(rng.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// What someone typed as a code, upper-cased and trimmed, or the
    /// `invalid_input` refusal saying what codes look like.
    static func checked(_ text: String) throws -> String {
        guard let code = normalize(text) else {
            throw ClinicError(
                .invalidInput,
                "'\(text)' is not an appointment code: codes are 6 characters from "
                    + "\(String(alphabet)) (no I, L, O, 0 or 1)")
        }
        return code
    }

    /// Upper-cases and trims what someone typed; `nil` if it cannot be a code.
    public static func normalize(_ text: String) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 6, code.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return code
    }
}

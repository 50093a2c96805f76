/// How "Forgot password" works (issue 15), as values: no I/O. A patient with
/// a mobile phone gets a 6-digit code by SMS; using it sets a new password.
/// A stranger learns nothing about accounts from it:
/// - asking for a code always gets `answer`, whether the phone or email is
///   unknown, a staff account's, a patient's without a phone, or one that had
///   its codes for the hour;
/// - a code that does not work always gets `codeRefusal`: mistyped, expired,
///   used up, superseded by a newer one, or for no account at all.
/// Staff passwords are reset by an admin only (`clinic user passwd`, the
/// admin console), never by a code.
public struct PasswordResetPolicy: Sendable, Equatable {
    /// How long a code works.
    public var codeSeconds: Int64
    /// Guesses one code allows, right or wrong.
    public var maxTries: Int
    /// Codes an account gets per hour (more requests are answered the same and send nothing).
    public var codesPerHourPerAccount: Int
    /// Requests one requester (a kiosk session, an API client's address) may
    /// make per hour, whatever they name; more are refused openly
    /// (`requesterRefusal`): they count every request alike, so the refusal
    /// tells nothing about any account.
    public var requestsPerHourPerRequester: Int
    /// Codes the whole clinic sends per hour: past it, requests are answered
    /// the same and send nothing (someone cycling addresses cannot text every
    /// patient or collect many guesses; the desk still resets by hand).
    public var codesPerHourClinicWide: Int

    public init(
        codeSeconds: Int64 = 600, maxTries: Int = 5, codesPerHourPerAccount: Int = 3, requestsPerHourPerRequester: Int = 3,
        codesPerHourClinicWide: Int = 60
    ) {
        self.codeSeconds = codeSeconds; self.maxTries = maxTries
        self.codesPerHourPerAccount = codesPerHourPerAccount; self.requestsPerHourPerRequester = requestsPerHourPerRequester
        self.codesPerHourClinicWide = codesPerHourClinicWide
    }

    /// The rules the kiosk and the API run.
    public static let standard = PasswordResetPolicy()

    /// The one answer to every request for a code.
    public static let answer =
        "If this phone or email is on a patient's account with a mobile phone, we have texted a 6-digit code to that phone."
        + " It works for 10 minutes."

    /// The one answer to every code that does not set the password.
    public static let codeRefusal =
        "That code did not work: it may be mistyped, expired or used up. Check it, or ask for a new code."

    /// The answer once a requester has asked for too many codes this hour (it names no account).
    public static let requesterRefusal = "Too many codes were asked for from here in the last hour: please ask the desk."

    /// What the SMS says (the code first: phones offer it to fill in, and the outbox blanks exactly those 6 characters).
    static func smsBody(code: String, clinic: String) -> String {
        "\(code) is your password reset code for \(clinic). It works for 10 minutes. If you did not ask for it, ignore this text."
    }

    /// The stored form once sent, and how every listing shows it: the digits blanked.
    public static func redacted(_ body: String) -> String {
        guard body.unicodeScalars.prefix(6).allSatisfy({ ("0"..."9").contains($0) }), body.unicodeScalars.count >= 6 else {
            return body
        }
        return "••••••" + String(String.UnicodeScalarView(body.unicodeScalars.dropFirst(6)))
    }

    /// A uniformly random 6-digit code from OpenSSL's generator.
    static func newCode() -> String {
        while true {
            let bytes = OpenSSL.randomBytes(4)
            let value = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard value < 4_294_000_000 else { continue }  // 4294 × 10⁶: no digit more likely than another
            let digits = String(value % 1_000_000)
            return String(repeating: "0", count: 6 - digits.count) + digits
        }
    }

    /// Whether `text` has the form of a code (6 ASCII digits, spaces around ignored).
    static func looksLikeCode(_ text: String) -> Bool {
        text.count == 6 && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }
}

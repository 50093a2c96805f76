import Foundation

/// E.164 phone numbers: `+` and 8–15 digits, the first not 0.
public enum PhoneNumber {
    /// Normalises what people type: spaces, dashes, dots and brackets go,
    /// `00` becomes `+`, and a national number of 10 digits (not starting
    /// with the trunk prefix 0) gets `defaultCountryCode` (`1` by default).
    /// Anything else is refused, control characters with their own sentence.
    public static func normalize(_ text: String, defaultCountryCode: String = "1") throws -> String {
        try StoredText.check(text, what: "the phone number", field: .phone)
        var raw = text.trimmingCharacters(in: .whitespaces)
        guard !raw.isEmpty else { throw ClinicError(.invalidInput, "a phone number is required", field: .phone) }
        raw = String(raw.filter { !" -.()\u{00A0}".contains($0) })
        var digits: String
        if raw.hasPrefix("+") {
            digits = String(raw.dropFirst())
        } else if raw.hasPrefix("00") {
            digits = String(raw.dropFirst(2))
        } else if raw.count == 10, raw.first != "0", raw.allSatisfy({ $0.isASCII && $0.isNumber }) {
            // A leading 0 is a trunk prefix, not part of the number: refused below.
            digits = defaultCountryCode + raw
        } else {
            digits = raw
            if !(digits.count == 11 && defaultCountryCode == "1" && digits.hasPrefix("1")) {
                throw ClinicError(.invalidInput, "'\(text)' is not a phone number in E.164 form (e.g. +15550100001)", field: .phone)
            }
        }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), (8...15).contains(digits.count),
            digits.first != "0"
        else {
            throw ClinicError(.invalidInput, "'\(text)' is not a phone number in E.164 form (e.g. +15550100001)", field: .phone)
        }
        return "+" + digits
    }
}

import ClinicCore
import Testing

/// Accounts: phones are stored in E.164 (`+` and 8–15 digits, the first not 0).
@Suite("PhoneNumber.normalize")
struct PhoneNumberTests {
    @Test(
        "What people type becomes E.164",
        arguments: [
            ("+15550100001", "+15550100001"),
            ("+1 555 010 0001", "+15550100001"),
            ("+1-555-010-0001", "+15550100001"),
            ("+1 (555) 010.0001", "+15550100001"),
            ("  +44 20 7946 0958  ", "+442079460958"),
            ("0044 20 7946 0958", "+442079460958"),
            ("00 91 98765 43210", "+919876543210"),
            ("5550100001", "+15550100001"),
            ("(555) 010-0001", "+15550100001"),
            ("555-010-0001", "+15550100001"),
            ("15550100001", "+15550100001"),
            ("+12345678", "+12345678"),
            ("+123456789012345", "+123456789012345"),
        ])
    func normalizes(_ typed: String, _ expected: String) throws {
        // Given a number as typed, when normalised, then it is E.164
        #expect(try PhoneNumber.normalize(typed) == expected)
    }

    @Test("A 10-digit national number takes the configured country code")
    func defaultCountryCode() throws {
        #expect(try PhoneNumber.normalize("2079460958", defaultCountryCode: "44") == "+442079460958")
        #expect(try PhoneNumber.normalize("+1 555 010 0001", defaultCountryCode: "44") == "+15550100001")
    }

    @Test(
        "Letters, wrong lengths, a leading 0 and empty input are refused",
        arguments: [
            "", "   ", "+1555CALLNOW", "555-CALL-NOW", "+1 555 010 000a", "+1234567", "1234567",
            "+1234567890123456", "001234567890123456", "+0123456789", "00 0123 456 789", "0555010000",
            "+", "++15550100001", "+1 555 010 0001 ext 2", "555010000", "07946 095 800", "+١٥٥٥٠١٠٠٠٠١",
        ])
    func refuses(_ typed: String) {
        // Given something that is not a phone number, when normalised, then invalid_input
        #expect(refusal { try PhoneNumber.normalize(typed) } == .invalidInput)
    }

    @Test("An 11-digit number starting with 1 is a national number only for country code 1")
    func elevenDigitsNeedsCountryOne() {
        #expect(refusal { try PhoneNumber.normalize("15550100001", defaultCountryCode: "44") } == .invalidInput)
    }
}

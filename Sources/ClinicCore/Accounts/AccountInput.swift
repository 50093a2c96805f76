import Foundation

/// Validation of account fields typed by people, each through `StoredText`
/// (no control characters or text-direction controls) and then its own rule.
public enum AccountInput {
    /// A trimmed name of 1–200 characters (counted as Unicode scalars, as the
    /// schema's CHECK counts them).
    public static func name(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ClinicError(.invalidInput, "a name is required", field: .name) }
        return try StoredText.checked(name, what: "the name", field: .name, limit: 200)
    }

    /// A trimmed, lower-cased email address of plausible shape.
    public static func email(_ text: String) throws -> String {
        try StoredText.check(text, what: "the email address", field: .email)
        let email = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "," || $0 == ";" })
        else {
            throw ClinicError(.invalidInput, "'\(text)' is not an email address", field: .email)
        }
        return email
    }

    /// An email that may be left out: nil, empty or blank is none (never
    /// "'' is not an email address"); anything else must be an email.
    public static func optionalEmail(_ text: String?) throws -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try email(text)
    }

    /// A phone that may be left out: nil, empty or blank is none; anything
    /// else is normalised to E.164 (`PhoneNumber.normalize`).
    public static func optionalPhone(_ text: String?, defaultCountryCode: String) throws -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try PhoneNumber.normalize(text, defaultCountryCode: defaultCountryCode)
    }

    /// A date of birth `YYYY-MM-DD` typed by people: empty is none; it must
    /// not be after `today` (the clinic's date) nor more than 150 years before.
    public static func birthDate(_ text: String, today: LocalDate) throws -> LocalDate? {
        try StoredText.check(text, what: "the date of birth", field: .birthDate)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let date = LocalDate(trimmed) else {
            throw ClinicError(.invalidInput, "'\(text)' is not a date of birth YYYY-MM-DD", field: .birthDate)
        }
        try checkBirthDate(date, today: today)
        return date
    }

    /// A date of birth is in the past, at most 150 years ago.
    public static func checkBirthDate(_ date: LocalDate, today: LocalDate) throws {
        guard date <= today, (date.age(on: today) ?? 0) <= 150 else {
            throw ClinicError(.invalidInput, "the date of birth must be in the past, at most 150 years ago", field: .birthDate)
        }
    }

    /// A doctor's specialization: 1–100 characters on one line.
    public static func specialization(_ text: String?) throws -> String {
        let spec = try StoredText.checked(text ?? "", what: "the specialization", field: .specialization, limit: 100)
        guard !spec.isEmpty else {
            throw ClinicError(.invalidInput, "a doctor needs a specialization (1–100 characters)", field: .specialization)
        }
        return spec
    }

    /// Longest gender text accepted.
    public static let maxGenderLength = 40

    /// A patient's gender as they give it: free text on one line, at most
    /// `maxGenderLength` characters; empty is no answer (nil).
    public static func gender(_ text: String?) throws -> String? {
        guard let text else { return nil }
        let gender = try StoredText.checked(text, what: "gender", field: .gender, limit: maxGenderLength)
        return gender.isEmpty ? nil : gender
    }

    /// Notes kept on a patient's record: multi-line text of at most 2,000 characters.
    public static func patientNotes(_ text: String) throws -> String {
        try StoredText.checked(text, what: "the patient's notes", field: .notes, limit: 2_000, multiline: true)
    }
}

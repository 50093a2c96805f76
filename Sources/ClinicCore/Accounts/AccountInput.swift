import Foundation

/// Validation of account fields typed by people.
public enum AccountInput {
    /// A trimmed name of 1–200 characters without control characters
    /// (counted as Unicode scalars, as the schema's CHECK counts them).
    public static func name(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ClinicError(.invalidInput, "a name is required", field: .name) }
        guard name.unicodeScalars.count <= 200 else { throw ClinicError(.invalidInput, "the name is too long (200 characters at most)", field: .name) }
        // Control characters only: joiners and variation selectors belong to
        // names (`👩🏽‍⚕️`, Persian and Devanagari spellings).
        guard !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ClinicError(.invalidInput, "the name contains control characters", field: .name)
        }
        return name
    }

    /// A trimmed, lower-cased email address of plausible shape.
    public static func email(_ text: String) throws -> String {
        let email = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "," || $0 == ";" }) else {
            throw ClinicError(.invalidInput, "'\(text)' is not an email address", field: .email)
        }
        return email
    }
}

import Foundation
import ClinicSeedData

/// The word lists of `Seed/`.
struct SeedVocabulary {
    /// (display name, ASCII form for email addresses).
    let firstNames: [(String, String)]
    let lastNames: [(String, String)]
    let specializations: [String]
    let reasons: [String]

    static func load() throws -> SeedVocabulary {
        func pairs(_ file: String) throws -> [(String, String)] {
            try SeedData.lines(file).map { line in
                let parts = line.split(separator: "\t", maxSplits: 1)
                guard parts.count == 2 else { throw ClinicError(.internalError, "Seed/\(file).txt: '\(line)' needs a TAB and an ASCII form") }
                return (String(parts[0]), String(parts[1]).trimmingCharacters(in: .whitespaces))
            }
        }
        let v = SeedVocabulary(
            firstNames: try pairs("first_names"), lastNames: try pairs("last_names"),
            specializations: try SeedData.lines("specializations"), reasons: try SeedData.lines("reasons"))
        guard v.specializations.count >= 10, !v.firstNames.isEmpty, !v.lastNames.isEmpty, !v.reasons.isEmpty else {
            throw ClinicError(.internalError, "the Seed/ data files are incomplete")
        }
        return v
    }
}

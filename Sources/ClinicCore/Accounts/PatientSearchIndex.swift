import Foundation
import GRDB

/// The rows of the `patient_search` FTS5 trigram index (one per patient: the
/// folded name, so `zoe` finds `Zoë` anywhere in it) and how a query is looked
/// up. Emails and phones need no index of their own: their unique indexes
/// answer prefixes.
enum PatientSearchIndex {
    /// The indexed text of one patient: the name folded.
    static func text(name: String) -> String { fold(name) }

    /// Writes (or rewrites) the row of patient `id`; call in the transaction that changes the account.
    static func write(_ db: StoreConnection, id: Int64, name: String) throws {
        try db.execute(sql: "DELETE FROM patient_search WHERE rowid = ?", arguments: [id])
        try db.execute(sql: "INSERT INTO patient_search (rowid, text) VALUES (?, ?)", arguments: [id, text(name: name)])
    }

    /// Lower case without accents: what the search compares. ASCII takes the fast path.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// How a query is looked up.
    struct Lookup {
        /// LIKE patterns over the folded names for the words of three or more
        /// characters (every word must appear somewhere); empty: none.
        var names: [String] = []
        /// Shorter words the names found must also hold, checked after the index
        /// (SQLite 3.40's trigram index can crash on a short pattern beside others).
        var namesAlsoHold: [String] = []
        /// One or two characters: names that start with them (a trigram index needs three), holding the other short words.
        var namePrefix: (first: String, others: [String])?
        /// A prefix of the email (the query looks like one: `@`, `.` or a digit in one word).
        var emailPrefix: String?
        /// Prefixes of the E.164 phone (a query of digits and punctuation with three or more digits).
        var phonePrefixes: [String] = []

        var isEveryone: Bool { names.isEmpty && namePrefix == nil && emailPrefix == nil && phonePrefixes.isEmpty }
    }

    /// `%` and `_` separate words (they would be wildcards). A phone number as
    /// said (`(555) 010-0001`) is its digits after `+`, with or without the
    /// clinic's default country code.
    static func lookup(_ query: String, defaultCountryCode: String) -> Lookup {
        var lookup = Lookup()
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.filter { $0.isASCII && $0.isNumber }
        if digits.count >= 3, !trimmed.contains(where: \.isLetter), !trimmed.contains("@") {
            lookup.phonePrefixes = Array(Set(["+" + digits, "+" + defaultCountryCode + digits])).sorted()
            return lookup
        }
        if trimmed.count >= 3, !trimmed.contains(" "), trimmed.contains(where: { $0 == "@" || $0 == "." || $0.isNumber }) {
            lookup.emailPrefix = trimmed.lowercased()
        }
        let words = fold(trimmed).split { $0 == " " || $0 == "%" || $0 == "_" }.map(String.init)
        guard let first = words.first else { return lookup }
        // The trigram index counts code points, not what a reader sees: "शर्मा" is two characters but five code points.
        func indexable(_ word: String) -> Bool { word.unicodeScalars.count >= 3 }
        if !words.contains(where: indexable) {
            lookup.namePrefix = (first, Array(words.dropFirst()))
        } else {
            lookup.names = words.filter(indexable).map { "%" + $0 + "%" }
            lookup.namesAlsoHold = words.filter { !indexable($0) }
        }
        return lookup
    }
}

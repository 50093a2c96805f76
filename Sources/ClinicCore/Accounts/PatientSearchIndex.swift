import Foundation
import GRDB

/// The rows of the `patient_search` FTS5 trigram index and the queries over
/// it. What is indexed is folded (lower case, no accents) so `zoe` finds
/// `Zoë`; the phone goes in as its digits so `(555) 010-0001` finds `+15550100001`.
enum PatientSearchIndex {
    /// The indexed text of one patient.
    static func text(name: String, email: String, phone: String) -> String {
        fold(name) + " " + fold(email) + " " + phone.filter(\.isASCII).filter(\.isNumber)
    }

    /// Writes (or rewrites) the row of patient `id`; call in the transaction that changes the account.
    static func write(_ db: Database, id: Int64, name: String, email: String, phone: String) throws {
        try db.execute(sql: "DELETE FROM patient_search WHERE rowid = ?", arguments: [id])
        try db.execute(sql: "INSERT INTO patient_search (rowid, text) VALUES (?, ?)",
                       arguments: [id, text(name: name, email: email, phone: phone)])
    }

    /// Lower case without accents: what the search compares. ASCII takes the fast path.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// How a query is looked up.
    enum Lookup: Equatable {
        /// Every patient, by name.
        case everyone
        /// Names that start with the first word, of one or two characters (the
        /// index needs three), and hold the other words too.
        case namePrefix(String, others: [String])
        /// Rows of the trigram index matching every LIKE pattern.
        case anywhere([String])
    }

    /// A query of digits and punctuation with three or more digits is a phone
    /// number as said: its digits run together. Otherwise every word must
    /// appear somewhere; `%` and `_` separate words (they would be wildcards).
    /// One or two characters in all (`a`, `zo`) match the start of names only:
    /// a trigram index cannot find them, and scanning every patient per key
    /// press would not keep up at 100,000.
    static func lookup(_ query: String) -> Lookup {
        let digits = query.filter { $0.isASCII && $0.isNumber }
        if digits.count >= 3, !query.contains(where: \.isLetter), !query.contains("@") { return .anywhere(["%" + digits + "%"]) }
        let words = fold(query).split { $0 == " " || $0 == "%" || $0 == "_" }.map(String.init)
        guard let first = words.first else { return .everyone }
        if words.allSatisfy({ $0.count < 3 }) { return .namePrefix(first, others: Array(words.dropFirst())) }
        return .anywhere(words.map { "%" + $0 + "%" })
    }
}

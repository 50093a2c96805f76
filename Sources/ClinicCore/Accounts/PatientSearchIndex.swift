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

    /// The LIKE patterns a query needs: one per word (every word must match
    /// somewhere), or, for a query of digits and punctuation with three or
    /// more digits, one for the digits run together (a phone number as said).
    /// `%` and `_` separate words (they would be wildcards).
    static func patterns(_ query: String) -> [String] {
        let digits = query.filter { $0.isASCII && $0.isNumber }
        if digits.count >= 3, !query.contains(where: \.isLetter), !query.contains("@") { return ["%" + digits + "%"] }
        return fold(query).split { $0 == " " || $0 == "%" || $0 == "_" }.map { "%" + $0 + "%" }
    }
}

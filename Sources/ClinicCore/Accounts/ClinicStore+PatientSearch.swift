import Foundation
import GRDB

extension ClinicStore {
    /// Patients whose name, email or phone matches `query`, for the desk's
    /// incremental search: case- and accent-insensitive (`zoe` finds `Zoë`),
    /// every word of the query must match (`ana mor`), and digits also match
    /// the phone ignoring its punctuation (`555 010` finds `+15550100001`).
    /// Names that start with the query come first, then by name; at most `limit`.
    public func searchPatients(_ query: String, limit: Int = 50) throws -> [Account] {
        let words = Self.fold(query).split(separator: " ").map(String.init)
        let digits = query.filter(\.isNumber)
        let all = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Account.columns) FROM account WHERE role = 'patient' ORDER BY name, id")
                .map(Account.init(row:))
        }
        guard !words.isEmpty else { return Array(all.prefix(limit)) }
        var starts: [Account] = [], others: [Account] = []
        for account in all {
            let name = Self.fold(account.name)
            let text = name + " " + Self.fold(account.email)
            let phoneMatch = digits.count >= 3 && account.phone.contains(digits)
            guard phoneMatch || words.allSatisfy({ text.contains($0) }) else { continue }
            if name.hasPrefix(words[0]) { starts.append(account) } else { others.append(account) }
            if starts.count >= limit { break }
        }
        return Array((starts + others).prefix(limit))
    }

    /// Lower case without accents: what the search compares.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

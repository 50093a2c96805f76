import Foundation
import GRDB

/// Every patient with their names folded for search, read once and searched
/// per key press in memory: the desk's incremental search re-reads it only
/// when the data changes.
public struct PatientDirectory: Sendable {
    struct Entry: Sendable {
        let account: Account
        let name: String
        let text: String
    }

    let entries: [Entry]

    /// How many patients it holds.
    public var count: Int { entries.count }

    /// Patients whose name, email or phone matches `query`: case- and
    /// accent-insensitive (`zoe` finds `Zoë`), every word must match
    /// (`ana mor`), and three or more digits also match the phone ignoring its
    /// punctuation (`555 010` finds `+15550100001`). Names that start with the
    /// query come first, then by name; at most `limit`.
    public func search(_ query: String, limit: Int = 50) -> [Account] {
        let words = ClinicStore.fold(query).split(separator: " ").map(String.init)
        let digits = query.filter(\.isNumber)
        guard !words.isEmpty else { return entries.prefix(limit).map(\.account) }
        var starts: [Account] = [], others: [Account] = []
        for e in entries {
            let phoneMatch = digits.count >= 3 && e.account.phone.contains(digits)
            guard phoneMatch || words.allSatisfy({ e.text.contains($0) }) else { continue }
            if e.name.hasPrefix(words[0]) { starts.append(e.account) } else if others.count < limit { others.append(e.account) }
            if starts.count >= limit { break }
        }
        return Array((starts + others).prefix(limit))
    }
}

extension ClinicStore {
    /// Every patient, ordered by name, ready for incremental search.
    public func patientDirectory() throws -> PatientDirectory {
        let accounts = try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT \(Account.columns) FROM account WHERE role = 'patient' ORDER BY name, id")
                .map(Account.init(row:))
        }
        return PatientDirectory(entries: accounts.map { a in
            let name = Self.fold(a.name)
            return .init(account: a, name: name, text: name + " " + Self.fold(a.email))
        })
    }

    /// `patientDirectory().search(query, limit:)` in one call.
    public func searchPatients(_ query: String, limit: Int = 50) throws -> [Account] {
        try patientDirectory().search(query, limit: limit)
    }

    /// Lower case without accents: what the search compares. ASCII takes the fast path.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

import Foundation
import GRDB

/// What a patient search found.
public struct PatientSearchResult: Sendable {
    /// The patients shown: names that start with the query first, then by name
    /// (compared without case and accents).
    public let patients: [Account]
    /// How many patients match, counted up to `ClinicStore.searchCandidates`.
    public let matches: Int
    /// More than `matches` patients match (the count stopped): typing more narrows it.
    public let moreThanCounted: Bool
}

extension ClinicStore {
    /// Matching patients looked at per search at most; past it the result says "more".
    public static let searchCandidates = 2_000

    /// Patients whose name, email or phone matches `query`: case- and
    /// accent-insensitive (`zoe` finds `Zoë`), every word must appear
    /// somewhere (`ana mor`, `had` in `Haddad`), and a query of three or more
    /// digits with punctuation matches the phone's digits (`(555) 010-0001`).
    /// One or two characters match the start of a name (`zo`). Through
    /// indexes only: a key press never reads the patients that do not match.
    public func patientSearch(_ query: String, limit: Int = 50) throws -> PatientSearchResult {
        let patterns: [String]
        switch PatientSearchIndex.lookup(query) {
        case .everyone: return try patientsByName(from: "", others: [], limit: limit)
        case .namePrefix(let prefix, let others): return try patientsByName(from: prefix, others: others, limit: limit)
        case .anywhere(let p): patterns = p
        }
        return try pool.read { db in
            let filter = patterns.map { _ in "text LIKE ?" }.joined(separator: " AND ")
            // the indexed text starts with the folded name: ordering needs no account row
            let hits = try Row.fetchAll(db, sql: "SELECT rowid, text FROM patient_search WHERE \(filter) LIMIT \(Self.searchCandidates + 1)",
                                        arguments: StatementArguments(patterns))
            let first = PatientSearchIndex.fold(query).split(separator: " ").first.map(String.init) ?? ""
            let looked = hits.prefix(Self.searchCandidates).map { row -> (id: Int64, text: String, starts: Bool) in
                let text: String = row[1]
                return (row[0], text, text.hasPrefix(first))
            }
            let shown = looked.sorted { a, b in
                if a.starts != b.starts { return a.starts }
                if a.text != b.text { return a.text < b.text }
                return a.id < b.id
            }.prefix(limit).map(\.id)
            guard !shown.isEmpty else { return PatientSearchResult(patients: [], matches: 0, moreThanCounted: false) }
            let accounts = try Row.fetchAll(db, sql: """
                SELECT \(Account.columns) FROM account WHERE id IN (\(shown.map(String.init).joined(separator: ",")))
                """).map(Account.init(row:))
            let byID = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            return PatientSearchResult(patients: shown.compactMap { byID[$0] }.filter { $0.role == .patient }, matches: looked.count,
                                       moreThanCounted: hits.count > Self.searchCandidates)
        }
    }

    /// Patients whose name starts with `prefix` ("" for all) and holds `others`,
    /// by name, on the (role, name) index: the prefix capitalised, in lower and in upper case.
    private func patientsByName(from prefix: String, others: [String], limit: Int) throws -> PatientSearchResult {
        let spellings = prefix.isEmpty ? [""] : Array(Set([prefix, prefix.capitalized, prefix.lowercased(), prefix.uppercased()])).sorted()
        let accounts = try pool.read { db in
            try spellings.flatMap { start in
                try Row.fetchAll(db, sql: """
                    SELECT \(Account.columns) FROM account WHERE role = 'patient' AND name >= ? AND name < ? ORDER BY name, id LIMIT ?
                    """, arguments: [start, start + "\u{10FFFF}", others.isEmpty ? limit + 1 : Self.searchCandidates])
                    .map(Account.init(row:))
            }
        }.filter { a in others.isEmpty || others.allSatisfy { PatientSearchIndex.fold(a.name).contains($0) } }
        let sorted = accounts.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        return PatientSearchResult(patients: Array(sorted.prefix(limit)), matches: min(sorted.count, limit),
                                   moreThanCounted: sorted.count > limit)
    }

    /// `patientSearch(query, limit:).patients`.
    public func searchPatients(_ query: String, limit: Int = 50) throws -> [Account] {
        try patientSearch(query, limit: limit).patients
    }
}

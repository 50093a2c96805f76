import Foundation
import GRDB

/// What a patient search found.
public struct PatientSearchResult: Sendable {
    /// The patients shown: names that start with the query first, then by name.
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
    /// Through the `patient_search` trigram index: words of three or more
    /// characters never read the patients that do not match.
    public func patientSearch(_ query: String, limit: Int = 50) throws -> PatientSearchResult {
        let patterns = PatientSearchIndex.patterns(query)
        return try pool.read { db in
            guard !patterns.isEmpty else {
                let accounts = try Row.fetchAll(db, sql: """
                    SELECT \(Account.columns) FROM account WHERE role = 'patient' ORDER BY name, id LIMIT ?
                    """, arguments: [limit + 1]).map(Account.init(row:))
                return PatientSearchResult(patients: Array(accounts.prefix(limit)), matches: min(accounts.count, limit),
                                           moreThanCounted: accounts.count > limit)
            }
            let filter = patterns.map { _ in "text LIKE ?" }.joined(separator: " AND ")
            let ids = try Int64.fetchAll(db, sql: "SELECT rowid FROM patient_search WHERE \(filter) LIMIT \(Self.searchCandidates + 1)",
                                         arguments: StatementArguments(patterns))
            let looked = ids.prefix(Self.searchCandidates)
            guard !looked.isEmpty else { return PatientSearchResult(patients: [], matches: 0, moreThanCounted: false) }
            let accounts = try Row.fetchAll(db, sql: """
                SELECT \(Account.columns) FROM account WHERE role = 'patient' AND id IN (\(looked.map(String.init).joined(separator: ",")))
                """).map(Account.init(row:))
            let first = PatientSearchIndex.fold(query).split(separator: " ").first.map(String.init) ?? ""
            let keyed = accounts.map { (account: $0, starts: PatientSearchIndex.fold($0.name).hasPrefix(first)) }
            let sorted = keyed.sorted { a, b in
                if a.starts != b.starts { return a.starts }
                if a.account.name != b.account.name { return a.account.name < b.account.name }
                return a.account.id < b.account.id
            }
            return PatientSearchResult(patients: sorted.prefix(limit).map(\.account), matches: accounts.count,
                                       moreThanCounted: ids.count > Self.searchCandidates)
        }
    }

    /// `patientSearch(query, limit:).patients`.
    public func searchPatients(_ query: String, limit: Int = 50) throws -> [Account] {
        try patientSearch(query, limit: limit).patients
    }
}

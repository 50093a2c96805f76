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
    /// The age of each patient shown who has one (from the date of birth on
    /// the clinic's date), so two of one name can be told apart.
    public var ages: [Int64: Int] = [:]
}

extension ClinicStore {
    /// Matching patients looked at per search at most; past it the result says "more".
    public static let searchCandidates = 2_000

    /// Patients whose name, email or phone matches `query`: names case- and
    /// accent-insensitive anywhere (`zoe` finds `Zoë`, `had` finds `Haddad`;
    /// every word must appear), one or two characters at the start of a name
    /// (`zo`); emails and phones from their start (`omar.h`, `(555) 010-0001`).
    /// Through indexes only: a key press never reads the patients that do not match.
    public func patientSearch(_ query: String, limit: Int = 50, candidates: Int = ClinicStore.searchCandidates) throws -> PatientSearchResult {
        let lookup = PatientSearchIndex.lookup(query, defaultCountryCode: defaultCountryCode)
        if lookup.isEveryone { return try firstPatientsByName(limit: limit) }
        return try pool.read { db in
            // (id, folded name) of every candidate, at most `candidates` + 1 from each source
            var found: [Int64: String] = [:]
            var overflow = false
            func collect(_ sql: String, _ arguments: StoreArguments, foldName: Bool) throws {
                let rows = try StoreRow.fetchAll(db, sql: sql + " LIMIT \(candidates + 1)", arguments: arguments)
                overflow = overflow || rows.count > candidates
                for row in rows.prefix(candidates) {
                    let name: String = row[1]
                    found[row[0]] = foldName ? PatientSearchIndex.fold(name) : name
                }
            }
            let patient = "SELECT id, name FROM account WHERE role = 'patient' AND "
            if !lookup.names.isEmpty {
                try collect(
                    "SELECT rowid, text FROM patient_search WHERE " + lookup.names.map { _ in "text LIKE ?" }.joined(separator: " AND "),
                    StoreArguments(lookup.names), foldName: false)
            }
            if let prefix = lookup.namePrefix {
                let first = prefix.first
                for start in Set([first, first.capitalized, first.lowercased(), first.uppercased()]) {
                    try collect(patient + "name >= ? AND name < ? ORDER BY name, id", [start, start + "\u{10FFFF}"], foldName: true)
                }
            }
            if let email = lookup.emailPrefix {
                try collect(patient + "email >= ? AND email < ?", [email, email + "\u{10FFFF}"], foldName: true)
            }
            for phone in lookup.phonePrefixes {
                try collect(patient + "phone >= ? AND phone < ?", [phone, phone + "\u{10FFFF}"], foldName: true)
            }
            var hits = found.map { (id: $0.key, name: $0.value) }
            if !lookup.namesAlsoHold.isEmpty {
                hits = hits.filter { h in lookup.namesAlsoHold.allSatisfy { h.name.contains($0) } }
            }
            if let others = lookup.namePrefix?.others, !others.isEmpty {
                hits = hits.filter { h in others.allSatisfy { h.name.contains($0) } }
            }
            let firstWord = PatientSearchIndex.fold(query).split(separator: " ").first.map(String.init) ?? ""
            let shown = hits.map { (id: $0.id, name: $0.name, starts: $0.name.hasPrefix(firstWord)) }.sorted { a, b in
                if a.starts != b.starts { return a.starts }
                if a.name != b.name { return a.name < b.name }
                return a.id < b.id
            }.prefix(limit).map(\.id)
            guard !shown.isEmpty else { return PatientSearchResult(patients: [], matches: 0, moreThanCounted: false) }
            let accounts = try StoreRow.fetchAll(
                db,
                sql: """
                    SELECT \(Account.columns) FROM account WHERE id IN (\(shown.map(String.init).joined(separator: ",")))
                    """
            ).map(Account.init(row:))
            let byID = Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let counted = min(hits.count, candidates)
            return PatientSearchResult(
                patients: shown.compactMap { byID[$0] }.filter { $0.role == .patient }, matches: counted,
                moreThanCounted: overflow || hits.count > candidates, ages: try ages(of: shown, db))
        }
    }

    /// An empty query: the first patients by name, on the (role, name) index.
    private func firstPatientsByName(limit: Int) throws -> PatientSearchResult {
        try pool.read { db in
            let accounts = try StoreRow.fetchAll(
                db, sql: "SELECT \(Account.columns) FROM account WHERE role = 'patient' ORDER BY name, id LIMIT ?",
                arguments: [limit + 1]
            ).map(Account.init(row:))
            let shown = Array(accounts.prefix(limit))
            return PatientSearchResult(
                patients: shown, matches: min(accounts.count, limit), moreThanCounted: accounts.count > limit,
                ages: try ages(of: shown.map(\.id), db))
        }
    }

    /// The ages of patients `ids` on the clinic's date (those with none left out).
    private func ages(of ids: [Int64], _ db: StoreConnection) throws -> [Int64: Int] {
        guard !ids.isEmpty else { return [:] }
        let today = try settings(db).timeZone.local(nowSeconds).date
        var ages: [Int64: Int] = [:]
        let rows = try StoreRow.fetchAll(
            db, sql: "SELECT account_id, birth_date, age FROM patient_profile WHERE account_id IN (\(ids.map(String.init).joined(separator: ",")))")
        for row in rows {
            let birth: String? = row[1]
            let profile = PatientProfile(birthDate: birth.flatMap(LocalDate.init), age: row[2])
            if let age = profile.age(on: today) { ages[row[0]] = age }
        }
        return ages
    }

    /// `patientSearch(query, limit:).patients`.
    public func searchPatients(_ query: String, limit: Int = 50) throws -> [Account] {
        try patientSearch(query, limit: limit).patients
    }
}

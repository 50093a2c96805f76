import Foundation
import GRDB

extension ClinicStore {
    /// A patient's details: the patient themselves or the desk.
    public func patientProfile(accountID: Int64, viewer: Actor) throws -> PatientProfile {
        try Policy.decide(.viewProfile, by: viewer, facts: AccountFacts(id: accountID, role: nil)).enforce()
        return try pool.read { db in
            guard let profile = try Self.patientProfile(accountID: accountID, db) else {
                throw ClinicError(.notFound, "account \(accountID) is not a patient")
            }
            return profile
        }
    }

    static func patientProfile(accountID: Int64, _ db: StoreConnection) throws -> PatientProfile? {
        guard
            let row = try StoreRow.fetchOne(
                db, sql: "SELECT birth_date, age, gender, notes FROM patient_profile WHERE account_id = ?", arguments: [accountID])
        else { return nil }
        let birth: String? = row["birth_date"]
        return PatientProfile(birthDate: birth.flatMap(LocalDate.init), age: row["age"], gender: row["gender"], notes: row["notes"])
    }

    /// The audit trail of edits to an account, oldest first: the account
    /// itself, the desk for a patient, or an admin.
    public func accountEvents(accountID: Int64, viewer: Actor) throws -> [AccountEvent] {
        try Policy.decide(.viewProfile, by: viewer, facts: AccountFacts(id: accountID, role: nil)).enforce()
        return try pool.read { db in
            try StoreRow.fetchAll(
                db, sql: "SELECT at, actor_id, actor_role, via, fields, summary FROM account_event WHERE account_id = ? ORDER BY id",
                arguments: [accountID]
            ).map { row in
                AccountEvent(
                    at: row[0], actorID: row[1], actorRole: row[2], via: Actor.Via(rawValue: row[3]) ?? .cli,
                    fields: (row[4] as String).split(separator: ",").map(String.init), summary: row[5])
            }
        }
    }
}

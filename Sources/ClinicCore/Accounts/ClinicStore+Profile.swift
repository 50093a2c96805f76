import Foundation
import GRDB

/// The parts of a patient's profile the patient may change themselves.
public struct ProfileUpdate: Sendable, Equatable {
    public var name: String
    public var phone: String
    public var age: Int?
    public var gender: String?
    public init(name: String, phone: String, age: Int? = nil, gender: String? = nil) {
        self.name = name; self.phone = phone; self.age = age; self.gender = gender
    }
}

extension ClinicStore {
    /// Longest gender text accepted.
    public static let maxGenderLength = AccountInput.maxGenderLength

    /// A patient's details: the patient themselves or the desk.
    public func patientProfile(accountID: Int64, viewer: Actor) throws -> PatientProfile {
        try Policy.decide(.viewProfile, by: viewer, facts: AccountFacts(id: accountID, role: nil)).enforce()
        return try pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT birth_date, age, gender, notes FROM patient_profile WHERE account_id = ?",
                    arguments: [accountID])
            else {
                throw ClinicError(.notFound, "account \(accountID) is not a patient")
            }
            let birth: String? = row["birth_date"]
            return PatientProfile(birthDate: birth.flatMap(LocalDate.init), age: row["age"], gender: row["gender"], notes: row["notes"])
        }
    }

    /// Changes a patient's name, phone, age and gender: the patient themselves or
    /// the desk. The same rules as at sign-up: a valid name, a unique phone
    /// (stored in E.164), age 0–150, a short gender text (empty clears it).
    @discardableResult
    public func updateProfile(accountID: Int64, _ update: ProfileUpdate, by actor: Actor) throws -> Account {
        try Policy.decide(.updateProfile, by: actor, facts: AccountFacts(id: accountID, role: nil)).enforce()
        let name = try AccountInput.name(update.name)
        let phone = try PhoneNumber.normalize(update.phone, defaultCountryCode: defaultCountryCode)
        if let age = update.age, !(0...150).contains(age) { throw ClinicError(.invalidInput, "age must be 0–150", field: .age) }
        let gender = try AccountInput.gender(update.gender)
        return try pool.write { db in
            guard let current = try Self.account(id: accountID, db), current.role == .patient else {
                throw ClinicError(.notFound, "account \(accountID) is not a patient")
            }
            try mappingAccountUniqueness(email: current.email, phone: phone) {
                try db.execute(sql: "UPDATE account SET name = ?, phone = ? WHERE id = ?", arguments: [name, phone, accountID])
            }
            try PatientSearchIndex.write(db, id: accountID, name: name)
            try db.execute(
                sql: "UPDATE patient_profile SET age = ?, gender = ? WHERE account_id = ?",
                arguments: [update.age, gender, accountID])
            return try Self.account(id: accountID, db)!
        }
    }
}

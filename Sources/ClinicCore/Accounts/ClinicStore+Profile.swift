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

    /// Changes an account's name and phone and a patient's age and gender:
    /// the owner, the desk for a patient, or an admin. The same rules as at
    /// sign-up: a valid name, a unique phone (stored in E.164), age 0–150, a
    /// short gender text (empty clears it); staff have no age or gender.
    @discardableResult
    public func updateProfile(accountID: Int64, _ update: ProfileUpdate, by actor: Actor) throws -> Account {
        try pool.write { db in
            let current = try Self.account(id: accountID, db)
            try Policy.decide(.updateProfile, by: actor, facts: AccountFacts(id: accountID, role: current?.role)).enforce()
            guard let current else { throw ClinicError(.notFound, "no account with id \(accountID)") }
            let role = current.role
            if role != .patient, update.age != nil || update.gender?.isEmpty == false {
                throw ClinicError(.invalidInput, "age and gender are kept for patients only", field: update.age != nil ? .age : .gender)
            }
            let name = try AccountInput.name(update.name)
            let phone = try PhoneNumber.normalize(update.phone, defaultCountryCode: defaultCountryCode)
            if let age = update.age, !(0...150).contains(age) { throw ClinicError(.invalidInput, "age must be 0–150", field: .age) }
            let gender = try AccountInput.gender(update.gender)
            try mappingAccountUniqueness(email: current.email, phone: phone) {
                try db.execute(sql: "UPDATE account SET name = ?, phone = ? WHERE id = ?", arguments: [name, phone, accountID])
            }
            guard role == .patient else { return try Self.account(id: accountID, db)! }
            try PatientSearchIndex.write(db, id: accountID, name: name)
            try db.execute(
                sql: "UPDATE patient_profile SET age = ?, gender = ? WHERE account_id = ?",
                arguments: [update.age, gender, accountID])
            return try Self.account(id: accountID, db)!
        }
    }
}

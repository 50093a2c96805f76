import Foundation
import GRDB

extension ClinicStore {
    /// Creates an account. Staff accounts need an admin; patients may be
    /// created by anyone at the desk or sign themselves up (`by: nil`).
    /// Staff need an email and a phone; a patient one of them at least (an
    /// empty one is none).
    @discardableResult
    public func createAccount(_ new: NewAccount, by actor: Actor?) throws -> Account {
        try Policy.decide(.create, by: actor, facts: .new(new.role)).enforce()
        let name = try AccountInput.name(new.name)
        let email = try AccountInput.optionalEmail(new.email)
        let phone = try AccountInput.optionalPhone(new.phone, defaultCountryCode: defaultCountryCode)
        try Self.checkContact(role: new.role, email: email, phone: phone)
        var specialization: String?
        if new.role == .doctor {
            let spec = try AccountInput.specialization(new.specialization)
            guard (5...480).contains(new.slotMinutes) else {
                throw ClinicError(.invalidInput, "slot length must be 5–480 minutes", field: .slotMinutes)
            }
            try new.hours.checkFits(slotMinutes: new.slotMinutes)
            specialization = spec
        }
        let gender = try AccountInput.gender(new.patient.gender)
        let notes = try AccountInput.patientNotes(new.patient.notes)
        if let age = new.patient.age, !(0...150).contains(age) {
            throw ClinicError(.invalidInput, "age must be 0–150", field: .age)
        }
        if let birth = new.patient.birthDate { try AccountInput.checkBirthDate(birth, today: try localToday()) }
        if let password = new.password { try PasswordHasher.validate(password) }
        let hash = new.password.map { hasher.hash($0) }  // outside the write lock: it takes ~0.2 s
        let now = nowSeconds
        return try pool.write { db in
            try mappingAccountUniqueness(email: email, phone: phone) {
                try db.execute(
                    sql: """
                        INSERT INTO account (role, name, email, phone, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [new.role.rawValue, name, email, phone, hash, now])
            }
            let id = try db.lastInsertedRowID
            if let specialization {
                try db.execute(
                    sql: "INSERT INTO doctor_profile (account_id, specialization, slot_minutes) VALUES (?, ?, ?)",
                    arguments: [id, specialization, new.slotMinutes])
                try Self.writeHours(new.hours, doctorID: id, db)
            }
            if new.role == .patient {
                let p = new.patient
                try db.execute(
                    sql: "INSERT INTO patient_profile (account_id, birth_date, age, gender, notes) VALUES (?, ?, ?, ?, ?)",
                    arguments: [id, p.birthDate?.description, p.age, gender, notes])
                try PatientSearchIndex.write(db, id: id, name: name)
            }
            return try Self.account(id: id, db)!
        }
    }

    /// Staff need an email and a phone (sign-in, reminders of their day); a
    /// patient one of them at least (walk-ins often have no email).
    static func checkContact(role: Role, email: String?, phone: String?) throws {
        if role == .patient {
            guard email != nil || phone != nil else {
                throw ClinicError(.invalidInput, "a patient needs a phone number or an email", field: .phone)
            }
        } else if email == nil || phone == nil {
            throw ClinicError(
                .invalidInput, "\(role.withArticle) needs an email and a phone number", field: email == nil ? .email : .phone)
        }
    }

    /// The clinic's local date now.
    func localToday() throws -> LocalDate {
        let now = nowSeconds
        return try pool.read { db in try settings(db).timeZone.local(now).date }
    }

    /// Finds an account by email, E.164 phone (as typed) or numeric id.
    public func account(matching reference: String) throws -> Account {
        try pool.read { db in try self.account(matching: reference, db) }
    }

    /// Accounts, optionally of one role, by name.
    public func accounts(role: Role? = nil) throws -> [Account] {
        try pool.read { db in
            let sql = "SELECT \(Account.columns) FROM account" + (role == nil ? "" : " WHERE role = ?") + " ORDER BY role, name, id"
            return try StoreRow.fetchAll(db, sql: sql, arguments: role.map { [$0.rawValue] } ?? []).map(Account.init(row:))
        }
    }

    /// Every doctor, receptionist and admin (no patients), by role and name.
    public func staffAccounts() throws -> [Account] {
        try pool.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT \(Account.columns) FROM account WHERE role IN ('admin', 'doctor', 'receptionist') ORDER BY role, name, id")
                .map(Account.init(row:))
        }
    }

    /// A doctor's profile, or `not_found`.
    public func doctorProfile(_ doctorID: Int64) throws -> DoctorProfile {
        try pool.read { db in try doctorProfile(doctorID, db) }
    }

    /// Sets a password: your own, any account's as an admin, or a patient's
    /// at the desk (a walk-in who wants to use the kiosk). Clears every
    /// lockout (the staff terminal's and the kiosk's) and revokes the
    /// account's API tokens (access and refresh).
    public func setPassword(accountID: Int64, to password: String, by actor: Actor) throws {
        let target = try pool.read { db in try Self.account(id: accountID, db) }
        let facts = target.map(AccountFacts.init) ?? AccountFacts(id: accountID, role: nil)
        try Policy.decide(.setPassword, by: actor, facts: facts).enforce()
        try PasswordHasher.validate(password)
        let hash = hasher.hash(password)
        try pool.write { db in
            try db.execute(
                sql: """
                    UPDATE account SET password_hash = ?, failed_logins = 0, locked_until = NULL, kiosk_failed_logins = 0,
                    kiosk_locked_until = NULL WHERE id = ?
                    """, arguments: [hash, accountID])
            guard db.changesCount == 1 else { throw ClinicError(.notFound, "no account with id \(accountID)") }
            try Self.revokeAPITokens(accountID: accountID, now: nowSeconds, db)
        }
    }

    /// Deactivates an account (admins only). A doctor keeps their appointments
    /// but can no longer be booked; nobody deactivated can sign in, and the
    /// account's API tokens are revoked. Refused (`conflict`) while the account is the doctor or patient of
    /// appointments still to come (they would stay booked with nobody to see
    /// or attend them; the refusal names them, to move or cancel first), and
    /// for the clinic's only active admin.
    @discardableResult
    public func deactivate(accountID: Int64, by actor: Actor) throws -> Account {
        try setActive(false, accountID: accountID, by: actor)
    }

    /// Lets a deactivated account sign in and be booked again (admins only).
    public func activate(accountID: Int64, by actor: Actor) throws -> Account {
        try setActive(true, accountID: accountID, by: actor)
    }

    private func setActive(_ active: Bool, accountID: Int64, by actor: Actor) throws -> Account {
        let action: AccountAction = active ? .activate : .deactivate
        try Policy.decide(action, by: actor, facts: AccountFacts(id: accountID, role: nil)).enforce()
        let now = nowSeconds
        return try pool.write { db in
            guard try Self.account(id: accountID, db) != nil else { throw ClinicError(.notFound, "no account with id \(accountID)") }
            if !active {
                let lastAdmin =
                    try Bool.fetchOne(
                        db,
                        sql: """
                            SELECT role = 'admin' AND active = 1 AND (SELECT COUNT(*) FROM account WHERE role = 'admin' AND active = 1) = 1
                            FROM account WHERE id = ?
                            """, arguments: [accountID]) ?? false
                guard !lastAdmin else {
                    throw ClinicError(.conflict, "this is the clinic's only active admin; add or activate another admin first")
                }
                let upcoming = try String.fetchAll(
                    db,
                    sql: """
                        SELECT code FROM appointment WHERE (doctor_id = ?1 OR patient_id = ?1) AND end_at > ?2
                        AND status IN \(AppointmentStatus.activeSQL) ORDER BY start_at LIMIT 6
                        """, arguments: [accountID, now])
                guard upcoming.isEmpty else {
                    let shown = upcoming.prefix(5).joined(separator: ", ") + (upcoming.count > 5 ? ", …" : "")
                    throw ClinicError(.conflict, "the account still has appointments to come (\(shown)); move or cancel them first")
                }
            }
            try db.execute(sql: "UPDATE account SET active = ? WHERE id = ?", arguments: [active, accountID])
            if !active { try Self.revokeAPITokens(accountID: accountID, now: now, db) }
            return try Self.account(id: accountID, db)!
        }
    }

    func account(matching reference: String, _ db: StoreConnection) throws -> Account {
        let ref = reference.trimmingCharacters(in: .whitespaces)
        // Only bare digits are an id: `+15550100001` is a phone, not the number 15550100001.
        guard !ref.isEmpty, ref.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int64(ref) else {
            return try account(login: ref, db)
        }
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT \(Account.columns) FROM account WHERE id = ?", arguments: [id]) else {
            throw ClinicError(.notFound, "no account matches '\(reference)' (use an email, an E.164 phone or an id)")
        }
        return try Account(row: row)
    }

    /// Finds an account by email or phone (as typed), never by id: what people sign in with.
    func account(login: String, _ db: StoreConnection) throws -> Account {
        let ref = login.trimmingCharacters(in: .whitespaces)
        var row: StoreRow?
        if ref.contains("@") {
            row = try StoreRow.fetchOne(db, sql: "SELECT \(Account.columns) FROM account WHERE email = ?", arguments: [ref.lowercased()])
        } else if let phone = try? PhoneNumber.normalize(ref, defaultCountryCode: defaultCountryCode) {
            row = try StoreRow.fetchOne(db, sql: "SELECT \(Account.columns) FROM account WHERE phone = ?", arguments: [phone])
        }
        guard let row else { throw ClinicError(.notFound, "no account matches '\(login)' (use an email, an E.164 phone or an id)") }
        return try Account(row: row)
    }

    /// The account with `id`, or `not_found`.
    func account(id: Int64) throws -> Account {
        guard let account = try pool.read({ db in try Self.account(id: id, db) }) else {
            throw ClinicError(.notFound, "no account with id \(id)")
        }
        return account
    }

    static func account(id: Int64, _ db: StoreConnection) throws -> Account? {
        try StoreRow.fetchOne(db, cachedSQL: "SELECT \(Account.columns) FROM account WHERE id = ?", arguments: [id]).map(Account.init(row:))
    }
}

/// Turns a unique-constraint failure on an account's email or phone into the
/// contract's `conflict` (the value is fine; another account holds it).
func mappingAccountUniqueness<T>(email: String?, phone: String?, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error {
        guard let violation = UniqueViolation(error) else { throw error }
        if violation.names("account", "email") {
            throw ClinicError(.conflict, "the email \(email ?? "") is already in use", field: .email)
        }
        if violation.names("account", "phone") {
            throw ClinicError(.conflict, "the phone \(phone ?? "") is already in use", field: .phone)
        }
        throw error
    }
}

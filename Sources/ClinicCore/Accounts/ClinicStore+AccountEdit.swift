import Foundation
import GRDB

extension ClinicStore {
    /// Edits a person in one transaction: a patient their own name, phone,
    /// email, date of birth and gender; the desk a patient's (and their
    /// notes); an admin anyone's, and a doctor's name, specialization and
    /// slot length. Staff edit their own name, phone and email. Each field is
    /// checked as at sign-up; a phone or email another account holds is a
    /// `conflict`, and so is a slot length that would move visits to come off
    /// their slots (named by code). Every change is written to the account's
    /// audit trail (`accountEvents`); an edit that changes nothing writes nothing.
    @discardableResult
    public func editAccount(_ accountID: Int64, _ edit: AccountEdit, by actor: Actor) throws -> Account {
        let now = nowSeconds
        return try pool.write { db in
            let current = try Self.account(id: accountID, db)
            let facts = current.map(AccountFacts.init) ?? AccountFacts(id: accountID, role: nil)
            for action in edit.actions { try Policy.decide(action, by: actor, facts: facts).enforce() }
            guard let current else { throw ClinicError(.notFound, "no account with id \(accountID)") }
            var changes = ChangeList()
            do {
                try applyContact(edit, to: current, changes: &changes, db)
            } catch let error as ClinicError where error.code == .conflict && actor.role == .patient {
                // Anyone can sign up and then try others' emails and phones here: a patient learns
                // neither that one is taken nor which (as sign-up answers), only to ask the desk.
                throw ClinicError(.conflict, Self.selfServiceContactRefusal)
            }
            try applyPatient(edit, to: current, today: try settings(db).timeZone.local(now).date, changes: &changes, db)
            try applyDoctor(edit, to: current, now: now, changes: &changes, db)
            if !changes.isEmpty {
                try db.execute(
                    sql: """
                        INSERT INTO account_event (account_id, at, actor_id, actor_role, via, fields, summary)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        accountID, now, actor.accountID, actor.auditRole, actor.via.rawValue,
                        changes.fields.joined(separator: ","), changes.summary,
                    ])
            }
            return try Self.account(id: accountID, db)!
        }
    }

    /// What a patient editing their own profile is told when the email or phone cannot be used.
    public static let selfServiceContactRefusal = "We cannot use these details here: please ask the desk."

    /// Name, phone and email: anyone's, with the uniqueness of phone and email.
    private func applyContact(_ edit: AccountEdit, to current: Account, changes: inout ChangeList, _ db: StoreConnection) throws {
        let name = try edit.name.map(AccountInput.name) ?? current.name
        let email = try edit.email.map(AccountInput.optionalEmail) ?? current.email
        let phone = try edit.phone.map { try AccountInput.optionalPhone($0, defaultCountryCode: defaultCountryCode) } ?? current.phone
        try Self.checkContact(role: current.role, email: email, phone: phone)
        changes.note("name", current.name, name)
        changes.note("phone", current.phone, phone)
        changes.note("email", current.email, email)
        guard name != current.name || phone != current.phone || email != current.email else { return }
        try mappingAccountUniqueness(email: email, phone: phone) {
            try db.execute(
                sql: "UPDATE account SET name = ?, phone = ?, email = ? WHERE id = ?", arguments: [name, phone, email, current.id])
        }
        if current.role == .patient, name != current.name { try PatientSearchIndex.write(db, id: current.id, name: name) }
    }

    /// Date of birth, gender, an old client's age and the desk's notes: a patient's only.
    private func applyPatient(_ edit: AccountEdit, to current: Account, today: LocalDate, changes: inout ChangeList, _ db: StoreConnection) throws {
        let asked: [(Bool, ClinicError.Field)] = [
            (edit.birthDate != nil, .birthDate), (edit.gender != nil, .gender), (edit.legacyAge != nil, .age), (edit.notes != nil, .notes),
        ]
        let fields = asked.filter(\.0).map(\.1)
        guard let first = fields.first else { return }
        guard current.role == .patient, let old = try Self.patientProfile(accountID: current.id, db) else {
            throw ClinicError(.invalidInput, "a date of birth, gender and notes are kept for patients only", field: first)
        }
        var new = old
        if let text = edit.birthDate { new.birthDate = try AccountInput.birthDate(text, today: today) }
        if let text = edit.gender { new.gender = try AccountInput.gender(text) }
        if let age = edit.legacyAge, new.birthDate == nil {
            guard (0...150).contains(age) else { throw ClinicError(.invalidInput, "age must be 0–150", field: .age) }
            new.age = age
        }
        if let text = edit.notes { new.notes = try AccountInput.patientNotes(text) }
        changes.note("birth_date", old.birthDate?.description, new.birthDate?.description)
        changes.note("gender", old.gender, new.gender)
        changes.note("age", old.age.map(String.init), new.age.map(String.init))
        if old.notes != new.notes { changes.add("notes", "notes: \(old.notes.count) → \(new.notes.count) characters") }
        guard new != old else { return }
        try db.execute(
            sql: "UPDATE patient_profile SET birth_date = ?, age = ?, gender = ?, notes = ? WHERE account_id = ?",
            arguments: [new.birthDate?.description, new.age, new.gender, new.notes, current.id])
    }

    /// A doctor's specialization and slot length. A new length is refused
    /// while a visit to come would no longer be exactly one of the new slots
    /// (it would start off the grid, or leave a slot free inside it).
    private func applyDoctor(_ edit: AccountEdit, to current: Account, now: Int64, changes: inout ChangeList, _ db: StoreConnection) throws {
        guard edit.specialization != nil || edit.slotMinutes != nil else { return }
        guard current.role == .doctor else {
            throw ClinicError(
                .invalidInput, "only doctors have a specialization and a slot length",
                field: edit.specialization != nil ? .specialization : .slotMinutes)
        }
        let old = try doctorProfile(current.id, db)
        let specialization = try edit.specialization.map(AccountInput.specialization) ?? old.specialization
        let minutes = edit.slotMinutes ?? old.slotMinutes
        changes.note("specialization", old.specialization, specialization)
        changes.note("slot_minutes", String(old.slotMinutes), String(minutes))
        if minutes != old.slotMinutes { try checkSlotLength(minutes, doctorID: current.id, now: now, db) }
        guard specialization != old.specialization || minutes != old.slotMinutes else { return }
        try db.execute(
            sql: "UPDATE doctor_profile SET specialization = ?, slot_minutes = ? WHERE account_id = ?",
            arguments: [specialization, minutes, current.id])
    }

    private func checkSlotLength(_ minutes: Int, doctorID: Int64, now: Int64, _ db: StoreConnection) throws {
        guard (5...480).contains(minutes) else {
            throw ClinicError(.invalidInput, "slot length must be 5–480 minutes", field: .slotMinutes)
        }
        let hours = try Self.hours(doctorID: doctorID, db)
        try hours.checkFits(slotMinutes: minutes)
        let current = try calculator(doctorID: doctorID, db)
        let calc = SlotCalculator(timeZone: current.timeZone, hours: hours, slotMinutes: minutes, timeOff: current.timeOff)
        let visits = try StoreRow.fetchAll(
            db,
            sql: """
                SELECT code, start_at, end_at FROM appointment WHERE doctor_id = ? AND end_at > ?
                AND status IN \(AppointmentStatus.activeSQL) ORDER BY start_at
                """, arguments: [doctorID, now])
        let misaligned = visits.filter { row in
            if case .slot(let slot) = calc.place(row[1]), slot.end == row[2] { return false }
            return true
        }.map { $0[0] as String }
        guard misaligned.isEmpty else {
            let shown = misaligned.prefix(10).joined(separator: ", ") + (misaligned.count > 10 ? ", …" : "")
            throw ClinicError(
                .conflict,
                "these booked appointments would not sit on a \(minutes)-minute slot: \(shown); move or cancel them first",
                field: .slotMinutes)
        }
    }

    func doctorProfile(_ doctorID: Int64, _ db: StoreConnection) throws -> DoctorProfile {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM doctor_profile WHERE account_id = ?", arguments: [doctorID]) else {
            throw ClinicError(.notFound, "account \(doctorID) is not a doctor")
        }
        return DoctorProfile(accountID: row["account_id"], specialization: row["specialization"], slotMinutes: row["slot_minutes"])
    }
}

/// The fields an edit changed and the audit's one-line summary of them.
struct ChangeList {
    private(set) var fields: [String] = []
    private var parts: [String] = []

    var isEmpty: Bool { fields.isEmpty }
    var summary: String { parts.joined(separator: "; ") }

    /// Notes `field` when `old` and `new` differ (`—` for none).
    mutating func note(_ field: String, _ old: String?, _ new: String?) {
        guard old != new else { return }
        add(field, "\(field): \(Self.shown(old)) → \(Self.shown(new))")
    }

    mutating func add(_ field: String, _ part: String) {
        fields.append(field); parts.append(part)
    }

    private static func shown(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "—" }
        return value.count > 80 ? String(value.prefix(79)) + "…" : value
    }
}

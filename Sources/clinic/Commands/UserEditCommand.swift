import ArgumentParser
import ClinicCore

/// `clinic user edit USER [--name] [--phone] [--email] [--birth-date] …`:
/// one `ClinicStore.editAccount`, as the shell's admin or `--as` someone.
struct UserEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a person's details (an empty --email or --phone removes a patient's; the change is audited).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "Email, phone or id.") var user: String
    @Option(help: "Full name.") var name: String?
    @Option(help: "Phone, E.164 (\"\" removes a patient's).") var phone: String?
    @Option(help: "Email (\"\" removes a patient's).") var email: String?
    @Option(help: "Patient's date of birth, YYYY-MM-DD (\"\" clears it).") var birthDate: String?
    @Option(help: "Patient's gender (free text; \"\" clears it).") var gender: String?
    @Option(help: "The desk's notes on a patient.") var notes: String?
    @Option(help: "Doctor's specialization (admins).") var specialization: String?
    @Option(help: "Doctor's slot length in minutes (admins; refused while visits to come would leave their slots).")
    var slotMinutes: Int?

    func run() throws {
        try global.run { ctx in
            let edit = AccountEdit(
                name: name, phone: phone, email: email, birthDate: birthDate, gender: gender, notes: notes,
                specialization: specialization, slotMinutes: slotMinutes)
            guard !edit.isEmpty else {
                throw ClinicError(
                    .invalidInput,
                    "nothing to change: give --name, --phone, --email, --birth-date, --gender, --notes, --specialization or --slot-minutes")
            }
            let target = try ctx.account(user)
            let account = try ctx.store.editAccount(target.id, edit, by: try actor.actor(ctx))
            if ctx.json {
                let today = try ctx.timeZone().local(ctx.now).date
                JSONOutput.print(
                    EditedJSON(
                        account: AccountJSON(account, now: ctx.now),
                        patient: account.role == .patient
                            ? PatientJSON(try ctx.store.patientProfile(accountID: account.id, viewer: .shell), today: today) : nil,
                        doctor: account.role == .doctor ? DoctorJSON(try ctx.store.doctorProfile(account.id)) : nil))
            } else {
                TextOutput.line("updated \(account.role.rawValue) #\(account.id) \(account.name)")
            }
        }
    }
}

/// `{"account": {…}, "patient": {…} | "doctor": {…}}` after an edit.
struct EditedJSON: Encodable {
    let account: AccountJSON
    let patient: PatientJSON?
    let doctor: DoctorJSON?
}

/// A patient's details; absent ones are `null`. `age` is computed from the
/// date of birth on the clinic's date (else the age on file).
struct PatientJSON: Encodable {
    let birth_date: String?
    let age: Int?
    let gender: String?
    let notes: String

    init(_ p: PatientProfile, today: LocalDate) {
        birth_date = p.birthDate?.description; age = p.age(on: today); gender = p.gender; notes = p.notes
    }

    enum CodingKeys: String, CodingKey { case birth_date, age, gender, notes }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(birth_date, forKey: .birth_date); try c.encode(age, forKey: .age)
        try c.encode(gender, forKey: .gender); try c.encode(notes, forKey: .notes)
    }
}

/// A doctor's bookable profile.
struct DoctorJSON: Encodable {
    let specialization: String
    let slot_minutes: Int

    init(_ d: DoctorProfile) { specialization = d.specialization; slot_minutes = d.slotMinutes }
}

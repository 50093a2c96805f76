import ArgumentParser
import ClinicCore
import Foundation

/// `clinic user …`: accounts, doctors' hours and time off.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Add, list and manage accounts; doctors' hours and time off.",
        subcommands: [
            UserAddCommand.self, UserEditCommand.self, UserListCommand.self, UserPasswdCommand.self, UserUnlockCommand.self,
            UserDeactivateCommand.self, UserActivateCommand.self, UserHoursCommand.self, UserTimeOffCommand.self,
        ])
}

/// Reads a password from `--password` or one line of standard input.
struct PasswordOptions: ParsableArguments {
    @Option(help: "The password (visible in the process list: prefer --password-stdin).")
    var password: String?

    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    func validate() throws {
        if password != nil && passwordStdin { throw ValidationError("use --password or --password-stdin, not both") }
    }

    func value() throws -> String? {
        if passwordStdin {
            guard let line = readLine(strippingNewline: true) else {
                throw ClinicError(.invalidInput, "no password on standard input")
            }
            return line
        }
        return password
    }
}

struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Create an account.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The account's role.") var role: Role
    @Option(help: "Full name.") var name: String
    @Option(help: "Email (unique; a patient may have a phone only).") var email: String?
    @Option(help: "Phone, E.164 (unique), e.g. +15550100001 (a patient may have an email only).") var phone: String?
    @OptionGroup var password: PasswordOptions
    @Option(help: "Doctor's specialization.") var specialization: String?
    @Option(help: "Doctor's slot length in minutes (default 30).") var slotMinutes: Int?
    @Option(help: "Doctor's weekly hours, e.g. \"mon-fri 09:00-12:00,14:00-17:00; sat 09:00-12:00\".") var hours: String?
    @Option(help: "Patient's age.") var age: Int?
    @Option(help: "Patient's date of birth, YYYY-MM-DD.") var birthDate: String?
    @Option(help: "Patient's gender (free text).") var gender: String?

    /// Flags of another role are refused rather than silently dropped.
    func validate() throws {
        let doctorFlags = [("--specialization", specialization != nil), ("--slot-minutes", slotMinutes != nil), ("--hours", hours != nil)]
        let patientFlags = [("--age", age != nil), ("--birth-date", birthDate != nil), ("--gender", gender != nil)]
        if role != .doctor, let flag = doctorFlags.first(where: \.1)?.0 { throw ValidationError("\(flag) is for doctors only") }
        if role != .patient, let flag = patientFlags.first(where: \.1)?.0 { throw ValidationError("\(flag) is for patients only") }
    }

    func run() throws {
        try global.run { ctx in
            let birth = try birthDate.map { try LocalInput.date($0) }
            let account = try ctx.store.createAccount(
                NewAccount(
                    role: role, name: name, email: email, phone: phone, password: try password.value(),
                    specialization: specialization, slotMinutes: slotMinutes ?? 30,
                    hours: try hours.map(HoursSpecParser.parse) ?? .none,
                    patient: PatientProfile(birthDate: birth, age: age, gender: gender)), by: .shell)
            if ctx.json {
                JSONOutput.print(["account": AccountJSON(account, now: ctx.now)])
            } else {
                TextOutput.line(
                    "created \(account.role.rawValue) #\(account.id) \(account.name)"
                        + [account.email.map { " <\($0)>" }, account.phone.map { " \($0)" }].compactMap { $0 }.joined()
                        + (account.hasPassword ? "" : " (no password yet: set one with `clinic user passwd`)"))
            }
        }
    }
}

struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List accounts.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this role.") var role: Role?

    func run() throws {
        try global.run { ctx in
            let now = ctx.now
            let accounts = try ctx.store.accounts(role: role)
            if ctx.json {
                JSONOutput.print(["accounts": accounts.map { AccountJSON($0, now: now) }])
                return
            }
            var table = TextTable(["ID", "ROLE", "NAME", "EMAIL", "PHONE", "STATE"])
            for a in accounts {
                let state = !a.active ? "inactive" : (a.lockedUntil ?? 0) > now ? "locked" : a.hasPassword ? "active" : "no password"
                table.add([String(a.id), a.role.rawValue, a.name, a.email ?? "—", a.phone ?? "—", state])
            }
            TextOutput.block(table.rendered)
        }
    }
}

struct UserPasswdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set an account's password (clears a lockout).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Email, phone or id.") var user: String
    @OptionGroup var password: PasswordOptions

    func run() throws {
        try global.run { ctx in
            guard let value = try password.value() else {
                throw ClinicError(.invalidInput, "give the new password with --password or --password-stdin")
            }
            let account = try ctx.account(user)
            try ctx.store.setPassword(accountID: account.id, to: value, by: .shell)
            if ctx.json {
                JSONOutput.print(["account": AccountJSON(try ctx.account(user), now: ctx.now)])
            } else {
                TextOutput.line("password set for \(account.contact)")
            }
        }
    }
}

/// `user activate` / `user deactivate`: one account, the core's switch either way.
struct AccountStateOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Email, phone or id.") var user: String

    func run(active: Bool) throws {
        try global.run { ctx in
            let id = try ctx.account(user).id
            let account = active ? try ctx.store.activate(accountID: id, by: .shell) : try ctx.store.deactivate(accountID: id, by: .shell)
            if ctx.json {
                JSONOutput.print(["account": AccountJSON(account, now: ctx.now)])
            } else {
                TextOutput.line("\(active ? "activated" : "deactivated") \(account.contact)")
            }
        }
    }
}

struct UserActivateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "activate", abstract: "Activate a deactivated account again.")
    @OptionGroup var options: AccountStateOptions
    func run() throws { try options.run(active: true) }
}

struct UserDeactivateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate", abstract: "Deactivate an account (refused while it has appointments to come).")
    @OptionGroup var options: AccountStateOptions
    func run() throws { try options.run(active: false) }
}

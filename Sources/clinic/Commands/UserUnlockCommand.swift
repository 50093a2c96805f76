import ArgumentParser
import ClinicCore

/// `clinic user unlock USER`: lifts the staff terminal's and the kiosk's sign-in locks.
struct UserUnlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock", abstract: "Lift an account's sign-in locks (staff terminal and kiosk) and forget its failed attempts.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Email, phone or id.") var user: String

    func run() throws {
        try global.run { ctx in
            let account = try ctx.store.unlock(accountID: try ctx.account(user).id, by: .shell)
            if ctx.json {
                JSONOutput.print(["account": AccountJSON(account, now: ctx.now)])
            } else {
                TextOutput.line("unlocked \(account.contact)")
            }
        }
    }
}

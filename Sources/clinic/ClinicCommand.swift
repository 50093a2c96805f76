import ArgumentParser
import Foundation

/// `clinic`: the terminal front desk. Subcommands are thin: parse, call one
/// core function, print.
@main
struct ClinicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinic",
        abstract: "A terminal front desk for clinics: booking, reminders and SMS replies over one SQLite file.",
        groupedSubcommands: [
            CommandGroup(name: "Front ends", subcommands: [TUICommand.self, KioskCommand.self, DemoCommand.self]),
            CommandGroup(
                name: "Booking",
                subcommands: [
                    SlotsCommand.self, BookCommand.self, AppointmentsCommand.self,
                    ConfirmCommand.self, CancelCommand.self, CheckInCommand.self, CompleteCommand.self, MoveCommand.self, HistoryCommand.self,
                    DayCommand.self, WaitlistCommand.self,
                ]),
            CommandGroup(name: "Accounts and hours", subcommands: [UserCommand.self, ClosureCommand.self]),
            CommandGroup(
                name: "Running the clinic",
                subcommands: [
                    ServeCommand.self, SmsCommand.self, StatsCommand.self, TimeCommand.self, BackupCommand.self, SeedCommand.self,
                    DbCommand.self,
                ]),
        ],
        defaultSubcommand: TUICommand.self
    )

    /// Parses, then runs. A command line that does not parse is bad input in
    /// the contract's form (one stderr line, or the JSON envelope with
    /// `--json`, exit 2) rather than the parser's usage dump; `--help` and
    /// `--version` stay as the parser prints them.
    static func main() {
        let arguments = GlobalOptionPlacement.reordered(Array(CommandLine.arguments.dropFirst()), defaultCommand: "tui")
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            exit(
                withError: ErrorOutput.report(
                    CommandLineError.make(arguments: arguments, parserError: error, root: self),
                    json: arguments.contains("--json")))
        }
        do {
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}

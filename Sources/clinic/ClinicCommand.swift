import ArgumentParser

/// `clinic`: the terminal front desk. Subcommands are thin: parse, call one
/// core function, print.
@main
struct ClinicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinic",
        abstract: "A terminal front desk for clinics: booking, reminders and SMS replies over one SQLite file.",
        subcommands: [
            UserCommand.self, SlotsCommand.self, BookCommand.self, AppointmentsCommand.self,
            ConfirmCommand.self, CancelCommand.self, CheckInCommand.self, CompleteCommand.self,
            TimeCommand.self, BackupCommand.self, DemoCommand.self, SeedCommand.self, StatsCommand.self,
            ServeCommand.self, SmsCommand.self, TUICommand.self, KioskCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )
}

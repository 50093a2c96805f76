import ArgumentParser
import ClinicCore

/// `clinic backup PATH`: a consistent copy of the live database.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Copy the live database consistently to a new file.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new file to write.") var path: String

    func run() throws {
        try global.run(existingDatabase: true) { ctx in
            try ctx.store.backup(to: path)
            if ctx.json { JSONOutput.print(["backup": path]) } else { TextOutput.line("backed up to \(path)") }
        }
    }
}

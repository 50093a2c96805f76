import ArgumentParser
import ClinicCore

/// A command line the parser refused, as the contract's `invalid_input`
/// with the parser's first line and the help to read.
enum CommandLineError {
    static func make(arguments: [String], parserError: Error, root: ClinicCommand.Type) -> ClinicError {
        // The subcommands named so far: `clinic user add …` → ["user", "add"].
        var path: [String] = []
        var command: ParsableCommand.Type = root
        for argument in arguments {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            path.append(argument)
            command = sub
        }
        if path.isEmpty, let first = arguments.first, !first.hasPrefix("-") {
            return ClinicError(.invalidInput, "unknown command '\(first)'; `clinic --help` lists the commands")
        }
        let line =
            root.fullMessage(for: parserError)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? "bad command line"
        let message = line.hasPrefix("Error: ") ? String(line.dropFirst("Error: ".count)) : line
        return ClinicError(.invalidInput, "\(message) (see `\((["clinic"] + path + ["--help"]).joined(separator: " "))`)")
    }
}

import ArgumentParser
import ClinicCore

// The core's enums as option values: swift-argument-parser parses them, lists
// them in `--help`, and refuses anything else as bad input (exit 2, in the
// contract's error form), so no command re-checks a string by hand.

extension Role: ExpressibleByArgument {
    /// Case-insensitive (`--role Doctor` is fine).
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension AppointmentStatus: ExpressibleByArgument {
    /// Case-insensitive; `checked-in` and `no-show` as people write them are fine too.
    public init?(argument: String) { self.init(rawValue: argument.lowercased().replacingOccurrences(of: "-", with: "_")) }
}

extension StatsGrouping: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

import ArgumentParser
import ClinicCore

/// `clinic time`: the clinic's local time and UTC.
struct TimeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "time", abstract: "The clinic's local time and UTC.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.run { ctx in
            let zone = try ctx.timeZone()
            let now = ctx.now
            let local = zone.iso8601(now)
            let utc = ClinicTimeZone(identifier: "UTC")!.local(now)
            let utcText = "\(utc.date)T\(utc.time):\(utc.second < 10 ? "0" : "")\(utc.second)Z"
            if ctx.json {
                JSONOutput.print(["timezone": zone.identifier, "local": local, "utc": utcText])
            } else {
                TextOutput.block("\(local) \(zone.identifier)\n\(utcText) UTC")
            }
        }
    }
}

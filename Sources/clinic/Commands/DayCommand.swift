import ArgumentParser
import ClinicCore
import Foundation

/// `clinic day --date YYYY-MM-DD [--doctor D] [--format text|csv|ics] [--out FILE] [--as USER]`:
/// the day sheet, per doctor, to print (`| lp`), for a spreadsheet or a calendar app.
struct DayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day", abstract: "The day sheet: every doctor's visits of a local date (text to print, CSV or iCalendar).")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The clinic's local date, YYYY-MM-DD.") var date: String
    @Option(help: "Only this doctor's (email, phone or id); default: every doctor.") var doctor: String?
    @Option(help: "text (to print), csv or ics (iCalendar).") var format: DaySheetFormat = .text
    @Option(help: "Write to this file (mode 0600, replaced whole) instead of stdout.") var out: String?
    @OptionGroup var actor: ActorOptions

    func run() throws {
        try global.run { ctx in
            let day = try LocalInput.date(date)
            let doctorID = try doctor.map { try ctx.account($0, role: .doctor).id }
            let sheet = try ctx.store.daySheet(on: day, doctorID: doctorID, by: try actor.actor(ctx))
            // --json is what stdout carries: the sheet as JSON, or with --out what was written (the file keeps --format)
            let form = ctx.json && out == nil ? .json : format
            if let out {
                try DaySheetFile.write(sheet, format: form, to: out)
                if ctx.json {
                    JSONOutput.print(Written(path: out, date: day.description, appointments: sheet.visits.count))
                } else {
                    TextOutput.line("wrote \(out) (\(sheet.visits.count) appointments)")
                }
                return
            }
            let bytes = form.render(sheet)
            if form == .json { JSONOutput.print(encoded: bytes) } else { TextOutput.document(bytes) }
        }
    }

    /// `--out FILE --json`: what was written.
    private struct Written: Encodable {
        let path: String
        let date: String
        let appointments: Int
    }
}

extension DaySheetFormat: ExpressibleByArgument {
    /// Case-insensitive; `txt` and `ical` as people write them are fine too.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "txt": self = .text
        case "ical", "icalendar": self = .ics
        case let other: self.init(rawValue: other)
        }
    }
}

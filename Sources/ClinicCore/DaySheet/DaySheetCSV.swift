import Foundation

/// The day sheet as CSV for a spreadsheet (RFC 4180): a header row, then one
/// row per visit, fields separated by commas, lines ending in CRLF, a field
/// holding a comma, a double quote, a CR or an LF enclosed in double quotes
/// (its quotes doubled). Start and end are ISO 8601 with the offset, beside
/// the local date and time. Text people typed that a spreadsheet would read
/// as a formula (starting with `=`, `+`, `-`, `@`) gets a leading `'`.
public enum DaySheetCSV {
    /// The header row's fields.
    public static let header = [
        "date", "time", "start", "end", "doctor", "specialization", "patient", "phone", "reason", "status", "code",
    ]

    /// The CSV text.
    public static func render(_ sheet: DaySheet) -> String {
        var times = DaySheetTimes(sheet.timeZone)
        var out = record(header)
        for doctor in sheet.doctors {
            for a in doctor.visits {
                out += record([
                    sheet.date.description, times.time(a.start), times.iso8601(a.start), times.iso8601(a.end),
                    typed(doctor.name), typed(doctor.specialization), typed(a.patient.name), a.patient.phone ?? "", typed(a.reason),
                    a.status.rawValue, a.code,
                ])
            }
        }
        return out
    }

    /// One record: the fields, quoted where needed, and CRLF.
    static func record(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    /// A field as RFC 4180 writes it.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text people typed, kept from being read as a spreadsheet formula.
    static func typed(_ text: String) -> String {
        guard let first = text.first, "=+-@".contains(first) else { return text }
        return "'" + text
    }
}

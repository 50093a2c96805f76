import Foundation

/// Parses the hours syntax of the CLI and the admin screen:
/// `mon-fri 09:00-12:00,14:00-17:00; sat 09:00-12:00`. `off` or an empty
/// text means no hours. Days: `mon`…`sun`, ranges (`mon-fri`, `sat-mon`
/// wraps) and lists (`mon,wed`).
public enum HoursSpecParser {
    public static func parse(_ text: String) throws -> WeeklyHours {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.lowercased() == "off" { return .none }
        var days: [Weekday: [WeeklyHours.Interval]] = [:]
        for group in trimmed.split(separator: ";") {
            let parts = group.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard parts.count == 2 else {
                throw ClinicError(.invalidInput, "hours group '\(group.trimmingCharacters(in: .whitespaces))' must be 'DAYS HH:MM-HH:MM[,HH:MM-HH:MM]'")
            }
            let weekdays = try parseDays(String(parts[0]))
            let intervals = try parts[1].split(separator: ",").map { try parseInterval(String($0)) }
            for day in weekdays { days[day, default: []] += intervals }
        }
        return try WeeklyHours(days)
    }

    static func parseDays(_ text: String) throws -> [Weekday] {
        var result: [Weekday] = []
        for item in text.split(separator: ",") {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard let first = ends.first.flatMap({ Weekday(name: String($0)) }),
                let last = ends.last.flatMap({ Weekday(name: String($0)) }), ends.count <= 2
            else {
                throw ClinicError(.invalidInput, "'\(item)' is not a day or day range (use mon…sun, e.g. mon-fri)")
            }
            var day = first
            while true {
                result.append(day)
                if day == last { break }
                day = Weekday(rawValue: day.rawValue % 7 + 1)!
            }
        }
        return result
    }

    static func parseInterval(_ text: String) throws -> WeeklyHours.Interval {
        let ends = text.split(separator: "-", omittingEmptySubsequences: false)
        guard ends.count == 2, let start = LocalTime(String(ends[0])), let end = LocalTime(String(ends[1])) else {
            throw ClinicError(.invalidInput, "'\(text)' is not an interval HH:MM-HH:MM")
        }
        guard start < end else {
            throw ClinicError(.invalidInput, "'\(text)' ends before it starts")
        }
        return WeeklyHours.Interval(start: start.minutes, end: end.minutes)
    }
}

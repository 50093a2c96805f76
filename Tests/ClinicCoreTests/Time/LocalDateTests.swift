import ClinicCore
import Foundation
import Testing

@Suite("LocalDate and LocalTime")
struct LocalDateTests {
    @Test("YYYY-MM-DD parses into its parts and prints back the same")
    func parsesAndPrints() throws {
        // Given the text a receptionist types
        // When it is parsed
        let parsed = try #require(LocalDate("2026-03-08"))
        // Then the parts and the text round-trip
        #expect((parsed.year, parsed.month, parsed.day) == (2026, 3, 8))
        #expect(parsed.description == "2026-03-08")
        #expect(LocalDate(year: 7, month: 1, day: 2)?.description == "0007-01-02")
    }

    @Test(
        "Malformed or impossible dates are refused",
        arguments: [
            "2026-3-08", "2026-03-8", "26-03-08", "2026/03/08", "2026-02-29", "2026-13-01",
            "2026-04-31", "2026-00-10", "2026-01-00", " 2026-03-08", "2026-03-08 ", "", "２０２６-03-08",
            "+026-03-08", "2026-03",
        ])
    func refusesBadText(_ text: String) {
        // Given bad text, when parsed, then there is no date
        #expect(LocalDate(text) == nil)
    }

    @Test("Leap days follow the Gregorian rules")
    func leapDays() {
        // Given years divisible by 4, by 100 and by 400
        // Then only the real leap years have a 29 February
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("2000-02-29") != nil)
        #expect(LocalDate("1900-02-29") == nil)
        #expect(LocalDate("2100-02-29") == nil)
    }

    @Test("Weekdays of known dates, before and after the epoch")
    func weekdays() {
        // Given dates whose weekday is known
        // Then the ISO weekday is computed from the date alone
        #expect(LocalDate("1970-01-01")?.weekday == .thursday)
        #expect(LocalDate("1969-12-31")?.weekday == .wednesday)
        #expect(LocalDate("2026-03-08")?.weekday == .sunday)
        #expect(LocalDate("2026-03-02")?.weekday == .monday)
        #expect(LocalDate("2026-11-01")?.weekday == .sunday)
        #expect(LocalDate("2000-02-29")?.weekday == .tuesday)
        #expect(LocalDate("1600-01-01")?.weekday == .saturday)
        #expect(LocalDate("0001-01-01")?.weekday == .monday)
    }

    @Test("daysSinceEpoch round-trips over every day of years 1…9999")
    func daysRoundTrip() throws {
        // Given the first and last representable days
        let first = try #require(LocalDate("0001-01-01")).daysSinceEpoch
        let last = try #require(LocalDate("9999-12-31")).daysSinceEpoch
        #expect(first == -719_162)
        #expect(last == 2_932_896)
        #expect(LocalDate("1970-01-01")?.daysSinceEpoch == 0)
        // When every day in between is turned into a date and back
        var expected = try #require(LocalDate("0001-01-01"))
        var failures: [Int] = []
        for n in first...last {
            let d = LocalDate(daysSinceEpoch: n)
            // Then the day number survives, and each date is the calendar day after the previous one
            if d != expected || d.daysSinceEpoch != n {
                failures.append(n)
                if failures.count > 5 { break }
            }
            expected = Self.calendarSuccessor(of: d)
        }
        #expect(failures.isEmpty)
    }

    /// The next day, by counting on the calendar rather than by day numbers.
    static func calendarSuccessor(of d: LocalDate) -> LocalDate {
        if let next = LocalDate(year: d.year, month: d.month, day: d.day + 1) { return next }
        if let next = LocalDate(year: d.year, month: d.month + 1, day: 1) { return next }
        return LocalDate(year: d.year + 1, month: 1, day: 1) ?? d
    }

    @Test("Dates agree with Foundation's Gregorian calendar since 1583")
    func agreesWithFoundation() throws {
        // Given Foundation's Gregorian calendar pinned to UTC
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        // When both compute the date of the same day numbers
        for n in stride(from: -141_000, through: 2_900_000, by: 997) {
            let d = LocalDate(daysSinceEpoch: n)
            let parts = calendar.dateComponents(
                [.year, .month, .day, .weekday],
                from: Date(timeIntervalSince1970: TimeInterval(n) * 86_400))
            // Then they agree (Foundation's weekday is Sunday = 1)
            #expect([d.year, d.month, d.day] == [parts.year, parts.month, parts.day], "day \(n)")
            #expect(d.weekday.rawValue % 7 + 1 == parts.weekday, "day \(n)")
        }
    }

    @Test("adding(days:) crosses months, years and leap days")
    func addingDays() {
        #expect(LocalDate("2026-02-28")?.adding(days: 1).description == "2026-03-01")
        #expect(LocalDate("2024-02-28")?.adding(days: 1).description == "2024-02-29")
        #expect(LocalDate("2026-12-31")?.adding(days: 1).description == "2027-01-01")
        #expect(LocalDate("2026-03-01")?.adding(days: -1).description == "2026-02-28")
        #expect(LocalDate("2026-03-31")?.firstOfMonth.description == "2026-03-01")
    }

    @Test("LocalTime parses H:MM and HH:MM up to 24:00 and nothing else")
    func localTime() {
        #expect(LocalTime("9:30")?.minutes == 570)
        #expect(LocalTime("09:30")?.description == "09:30")
        #expect(LocalTime("24:00")?.minutes == 1440)
        for bad in ["24:01", "12:60", "9:5", "930", "-1:00", "ab:cd", "", "09:30:00", "123:00"] {
            #expect(LocalTime(bad) == nil, "\(bad)")
        }
    }
}

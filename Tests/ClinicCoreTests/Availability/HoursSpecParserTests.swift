import ClinicCore
import Testing

/// The hours syntax of the CLI and the admin screen (DESIGN §3):
/// `mon-fri 09:00-12:00,14:00-17:00; sat 09:00-12:00`.
@Suite("HoursSpecParser")
struct HoursSpecParserTests {
    typealias Interval = WeeklyHours.Interval

    @Test("Day ranges, split days and several groups")
    func rangesAndGroups() throws {
        // Given the contract's example
        let parsed = try hours("mon-fri 09:00-12:00,14:00-17:00; sat 09:00-12:00")
        // Then Monday–Friday have two intervals, Saturday one, Sunday none
        let split = [Interval(start: 540, end: 720), Interval(start: 840, end: 1020)]
        for day in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday] { #expect(parsed.intervals(on: day) == split) }
        #expect(parsed.intervals(on: .saturday) == [Interval(start: 540, end: 720)])
        #expect(parsed.intervals(on: .sunday).isEmpty)
    }

    @Test("Lists of days, full names and capitals")
    func listsAndNames() throws {
        let parsed = try hours("Mon,wednesday,FRI 08:00-09:30")
        #expect(Weekday.allCases.filter { !parsed.intervals(on: $0).isEmpty } == [.monday, .wednesday, .friday])
        #expect(parsed.intervals(on: .wednesday) == [Interval(start: 480, end: 570)])
    }

    @Test("Ranges wrap around the week")
    func wrappingRange() throws {
        #expect(Set(try hours("sat-mon 10:00-11:00").days.keys) == [.saturday, .sunday, .monday])
        #expect(try hours("sun-sat 10:00-11:00").days.count == 7)
        #expect(Set(try hours("wed-wed 10:00-11:00").days.keys) == [.wednesday])
    }

    @Test("Intervals are sorted; adjacent ones are fine; 24:00 ends the day")
    func sortedAdjacentAndMidnight() throws {
        let parsed = try hours("tue 14:00-17:00,09:00-12:00,12:00-13:00; sun 20:00-24:00")
        #expect(parsed.intervals(on: .tuesday).map(\.start) == [540, 720, 840])
        #expect(parsed.intervals(on: .sunday) == [Interval(start: 1200, end: 1440)])
    }

    @Test("'off', empty text and spaces mean no hours")
    func noHours() throws {
        #expect(try hours("off") == .none)
        #expect(try hours("OFF") == .none)
        #expect(try hours("") == .none)
        #expect(try hours("  \n") == .none)
    }

    @Test("The canonical text parses back to the same hours")
    func specTextRoundTrip() throws {
        let parsed = try hours("sat-mon 10:00-11:00; wed 14:00-17:00,09:00-12:00")
        #expect(parsed.specText == "mon 10:00-11:00; wed 09:00-12:00,14:00-17:00; sat-sun 10:00-11:00")
        #expect(try hours("mon-fri 09:00-12:00; sat 09:00-12:00").specText == "mon-sat 09:00-12:00", "consecutive equal days join")
        #expect(try hours(parsed.specText) == parsed)
    }

    @Test(
        "Overlapping intervals on a day are refused, within a group or across groups",
        arguments: [
            "mon 09:00-12:00,11:00-13:00", "mon 09:00-12:00,09:00-12:00", "mon-fri 09:00-12:00; wed 11:30-14:00",
            "sat-mon 08:00-10:00; mon 09:59-11:00", "tue 00:00-24:00,12:00-13:00",
        ])
    func overlapsRefused(_ spec: String) {
        #expect(refusal { try hours(spec) } == .invalidInput)
    }

    @Test(
        "Bad syntax is refused with invalid_input",
        arguments: [
            "mon 9-12", "funday 09:00-10:00", "mon 10:00-09:00", "mon 09:00-09:00", "mon 25:00-26:00",
            "mon 09:00-24:30", "mon09:00-10:00", "mon-fri-sat 09:00-10:00", "mon 09:00-10:00 extra",
            "mon 09:00", "mon 09:00-10:00-11:00", "09:00-10:00", "mon", "mo 09:00-10:00", "mond 09:00-10:00",
            "mon 9:00-10:0", "mon ０９:00-10:00",
        ])
    func syntaxRefused(_ spec: String) {
        #expect(refusal { try hours(spec) } == .invalidInput)
    }

    @Test("WeeklyHours itself refuses empty or out-of-day intervals")
    func weeklyHoursValidation() {
        #expect(refusal { try WeeklyHours([.monday: [Interval(start: 600, end: 600)]]) } == .invalidInput)
        #expect(refusal { try WeeklyHours([.monday: [Interval(start: -10, end: 600)]]) } == .invalidInput)
        #expect(refusal { try WeeklyHours([.monday: [Interval(start: 600, end: 1441)]]) } == .invalidInput)
        #expect(refusal { try WeeklyHours([.monday: []]) } == nil)
    }
}

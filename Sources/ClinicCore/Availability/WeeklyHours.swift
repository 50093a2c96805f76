/// A doctor's working hours: per weekday, zero or more wall-clock intervals
/// in the clinic's time zone, sorted and not overlapping.
public struct WeeklyHours: Sendable, Equatable {
    /// One `HH:MM–HH:MM` interval, in minutes since local midnight.
    public struct Interval: Sendable, Hashable, Comparable {
        public let start: Int
        public let end: Int
        public init(start: Int, end: Int) { self.start = start; self.end = end }
        public static func < (a: Interval, b: Interval) -> Bool { (a.start, a.end) < (b.start, b.end) }
        /// `09:00-12:00`; minutes outside the day (only in an invalid interval) are shown as numbers.
        public var description: String { "\(Self.text(start))-\(Self.text(end))" }
        private static func text(_ minutes: Int) -> String { LocalTime(minutes: minutes)?.description ?? "\(minutes)min" }
    }

    /// Intervals by weekday; a missing day has no hours.
    public private(set) var days: [Weekday: [Interval]]

    /// Refuses hours with an interval too short for a single slot: such a
    /// day would quietly offer nothing.
    public func checkFits(slotMinutes: Int) throws {
        for day in Weekday.allCases {
            if let short = (days[day] ?? []).first(where: { $0.end - $0.start < slotMinutes }) {
                throw ClinicError(.invalidInput, "\(day.shortName) \(short.description) is shorter than one \(slotMinutes)-minute slot")
            }
        }
    }

    /// Validates: each interval non-empty within the day, none overlapping on a day.
    public init(_ days: [Weekday: [Interval]]) throws {
        var clean: [Weekday: [Interval]] = [:]
        for (day, intervals) in days where !intervals.isEmpty {
            let sorted = intervals.sorted()
            for i in sorted {
                guard i.start >= 0, i.end <= 1440, i.start < i.end else {
                    throw ClinicError(.invalidInput, "\(day.shortName) \(i.description) is not a valid interval")
                }
            }
            for (a, b) in zip(sorted, sorted.dropFirst()) where b.start < a.end {
                throw ClinicError(.invalidInput, "\(day.shortName) \(a.description) overlaps \(b.description)")
            }
            clean[day] = sorted
        }
        self.days = clean
    }

    /// No hours at all.
    public static let none = try! WeeklyHours([:])

    /// The intervals of one weekday.
    public func intervals(on day: Weekday) -> [Interval] { days[day] ?? [] }

    /// Canonical text, consecutive days with the same hours joined:
    /// `mon-fri 09:00-12:00,14:00-17:00; sat 09:00-12:00`. Parses back to the same hours.
    public var specText: String {
        var groups: [(first: Weekday, last: Weekday, text: String)] = []
        for day in Weekday.allCases {
            guard let list = days[day] else { continue }
            let text = list.map(\.description).joined(separator: ",")
            if let last = groups.last, last.text == text, last.last.rawValue + 1 == day.rawValue {
                groups[groups.count - 1].last = day
            } else {
                groups.append((day, day, text))
            }
        }
        return groups.map { g in
            (g.first == g.last ? g.first.shortName : "\(g.first.shortName)-\(g.last.shortName)") + " " + g.text
        }.joined(separator: "; ")
    }
}

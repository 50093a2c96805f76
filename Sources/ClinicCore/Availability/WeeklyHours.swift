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

    /// Canonical text, e.g. `mon 09:00-12:00,14:00-17:00; sat 09:00-12:00` (one group per day).
    public var specText: String {
        Weekday.allCases.compactMap { day in
            guard let list = days[day] else { return nil }
            return "\(day.shortName) " + list.map(\.description).joined(separator: ",")
        }.joined(separator: "; ")
    }
}

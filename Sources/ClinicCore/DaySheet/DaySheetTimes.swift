/// The times a day sheet's renderers write, each worked out once per
/// instant: a busy day has thousands of visits but only a few dozen distinct
/// starts and ends, and each reading asks the zone's rules (ICU) several times.
struct DaySheetTimes {
    let zone: ClinicTimeZone
    private var clock: [Int64: String] = [:]
    private var iso: [Int64: String] = [:]
    private var calendar: [Int64: String] = [:]

    init(_ zone: ClinicTimeZone) { self.zone = zone }

    /// `09:30`, or `01:30 -05:00` in a repeated hour (`ClinicTimeZone.unambiguousTime`).
    mutating func time(_ instant: Int64) -> String {
        if let known = clock[instant] { return known }
        let text = zone.unambiguousTime(instant)
        clock[instant] = text
        return text
    }

    /// ISO 8601 with the offset (`ClinicTimeZone.iso8601`).
    mutating func iso8601(_ instant: Int64) -> String {
        if let known = iso[instant] { return known }
        let text = zone.iso8601(instant)
        iso[instant] = text
        return text
    }

    /// An iCalendar DATE-TIME value with its parameter: `;TZID=America/New_York:20260308T093000`,
    /// or `:20261101T063000Z` (see `DaySheetICalendar.dateTime`).
    mutating func iCalendar(_ instant: Int64) -> String {
        if let known = calendar[instant] { return known }
        let text = DaySheetICalendar.dateTimeValue(instant, zone)
        calendar[instant] = text
        return text
    }
}

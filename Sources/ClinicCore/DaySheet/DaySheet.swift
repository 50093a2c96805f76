/// One local day of the clinic as the desk prints it, per doctor: every
/// visit with its time, patient (name and phone), reason, status and code,
/// and for a doctor with none whether they work that weekday at all. Built in
/// one read by `ClinicStore.daySheet(on:doctorID:by:)`; written out by the
/// renderers (`DaySheetText`, `DaySheetCSV`, `DaySheetICalendar`,
/// `DaySheetJSON`), which only format it.
public struct DaySheet: Sendable, Equatable {
    /// One doctor's part of the day.
    public struct Doctor: Sendable, Equatable {
        /// The doctor's account.
        public let id: Int64
        public let name: String
        public let specialization: String
        /// False for a deactivated doctor listed for the visits left on the day.
        public let active: Bool
        /// Whether the doctor's weekly hours have any on the day's weekday.
        public let works: Bool
        /// The day's visits of any status, by start.
        public let visits: [Appointment]

        /// A doctor's part of the day.
        public init(id: Int64, name: String, specialization: String, active: Bool = true, works: Bool = true, visits: [Appointment]) {
            self.id = id; self.name = name; self.specialization = specialization
            self.active = active; self.works = works; self.visits = visits
        }

        /// What the sheet says for a doctor without visits: `no appointments`,
        /// and `not working on Sundays` when the weekly hours have none that day.
        public func emptyNote(on date: LocalDate) -> String {
            works ? "no appointments" : "no appointments (not working on \(DaySheet.weekdayPlural(date.weekday)))"
        }
    }

    /// The clinic's name (the sheet's heading).
    public let clinicName: String
    /// The local date.
    public let date: LocalDate
    /// The clinic's zone: the visits' local times and the calendar's VTIMEZONE.
    public let timeZone: ClinicTimeZone
    /// When the sheet was made (unix seconds): the calendar's DTSTAMP.
    public let madeAt: Int64
    /// The doctors, in the board's order (by specialization, then name; deactivated ones last).
    public let doctors: [Doctor]

    /// A sheet (the store builds them; tests and benchmarks may too).
    public init(clinicName: String, date: LocalDate, timeZone: ClinicTimeZone, madeAt: Int64, doctors: [Doctor]) {
        self.clinicName = clinicName; self.date = date; self.timeZone = timeZone; self.madeAt = madeAt; self.doctors = doctors
    }

    /// Every visit of the day, doctor by doctor.
    public var visits: [Appointment] { doctors.flatMap(\.visits) }

    /// `Sunday 8 March 2026`.
    public var dateInWords: String {
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        ]
        return "\(weekdays[date.weekday.rawValue - 1]) \(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// `Sundays`.
    public static func weekdayPlural(_ day: Weekday) -> String {
        ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"][day.rawValue - 1]
    }
}

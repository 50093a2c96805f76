/// The clinic-wide settings every process shares, kept in the database.
public struct ClinicSettings: Sendable, Equatable {
    public var name: String
    public var timeZone: ClinicTimeZone
    /// How long before start a reminder goes out (default 3 h).
    public var reminderLeadMinutes: Int
    /// How long after start an unattended appointment becomes a no-show (default 15 min).
    public var noShowGraceMinutes: Int
    /// At most this many visits to come per patient (default 4; 0: no limit). Staff may book over it with a reason.
    public var maxActiveVisits: Int
    /// A patient booking for themselves (kiosk, API) gets at most one visit per doctor per day (default on).
    public var onePerDoctorDay: Bool
    /// A new booking and a move send the patient an SMS (kinds `booking` and `moved`; default on).
    public var bookingNotice: Bool

    public init(
        name: String, timeZone: ClinicTimeZone, reminderLeadMinutes: Int, noShowGraceMinutes: Int, maxActiveVisits: Int = 4,
        onePerDoctorDay: Bool = true, bookingNotice: Bool = true
    ) {
        self.name = name; self.timeZone = timeZone
        self.reminderLeadMinutes = reminderLeadMinutes; self.noShowGraceMinutes = noShowGraceMinutes
        self.maxActiveVisits = maxActiveVisits; self.onePerDoctorDay = onePerDoctorDay
        self.bookingNotice = bookingNotice
    }

    /// The built-in defaults.
    public static let defaults = ClinicSettings(
        name: "Clinic", timeZone: ClinicTimeZone(identifier: "UTC")!,
        reminderLeadMinutes: 180, noShowGraceMinutes: 15)

    /// Values configured explicitly (file, environment or flags); `nil` keeps what the database has.
    public struct Overrides: Sendable, Equatable {
        public var name: String?
        public var timeZone: ClinicTimeZone?
        public var reminderLeadMinutes: Int?
        public var noShowGraceMinutes: Int?
        public var maxActiveVisits: Int?
        public var onePerDoctorDay: Bool?
        public var bookingNotice: Bool?
        public init(
            name: String? = nil, timeZone: ClinicTimeZone? = nil,
            reminderLeadMinutes: Int? = nil, noShowGraceMinutes: Int? = nil, maxActiveVisits: Int? = nil, onePerDoctorDay: Bool? = nil,
            bookingNotice: Bool? = nil
        ) {
            self.name = name; self.timeZone = timeZone
            self.reminderLeadMinutes = reminderLeadMinutes; self.noShowGraceMinutes = noShowGraceMinutes
            self.maxActiveVisits = maxActiveVisits; self.onePerDoctorDay = onePerDoctorDay
            self.bookingNotice = bookingNotice
        }

        /// These overrides applied on top of `base`.
        public func applied(to base: ClinicSettings) -> ClinicSettings {
            ClinicSettings(
                name: name ?? base.name, timeZone: timeZone ?? base.timeZone,
                reminderLeadMinutes: reminderLeadMinutes ?? base.reminderLeadMinutes,
                noShowGraceMinutes: noShowGraceMinutes ?? base.noShowGraceMinutes,
                maxActiveVisits: maxActiveVisits ?? base.maxActiveVisits, onePerDoctorDay: onePerDoctorDay ?? base.onePerDoctorDay,
                bookingNotice: bookingNotice ?? base.bookingNotice)
        }
    }
}

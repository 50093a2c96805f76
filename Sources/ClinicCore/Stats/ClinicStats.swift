/// How stats group appointments: by the clinic's local month or day.
public enum StatsGrouping: String, Sendable, CaseIterable, Codable {
    case month, day
}

/// Counts for one period (or overall).
public struct StatsCounts: Sendable, Equatable {
    /// Appointments by status (every status present, zeros included).
    public var byStatus: [AppointmentStatus: Int]

    public init(byStatus: [AppointmentStatus: Int] = [:]) {
        var all: [AppointmentStatus: Int] = [:]
        for s in AppointmentStatus.allCases { all[s] = byStatus[s] ?? 0 }
        self.byStatus = all
    }

    public var total: Int { byStatus.values.reduce(0, +) }

    /// Appointments that held a slot: all but cancelled.
    public var booked: Int { total - (byStatus[.cancelled] ?? 0) }

    /// no_show ÷ (completed + no_show): of the visits that were due, how many were missed; `nil` when none were due.
    public var noShowRate: Double? {
        let missed = byStatus[.noShow] ?? 0, due = missed + (byStatus[.completed] ?? 0)
        return due == 0 ? nil : Double(missed) / Double(due)
    }
}

/// One period of stats.
public struct StatsPeriod: Sendable, Equatable {
    /// `2026-03` for months, `2026-03-08` for days.
    public let label: String
    /// First local day of the period.
    public let firstDay: LocalDate
    /// `[start, end)` in unix seconds.
    public let start: Int64
    public let end: Int64
    public let counts: StatsCounts
    /// Slots the doctor(s) offered in the period under their current hours and time off.
    public let offeredSlots: Int

    /// booked ÷ offered slots; `nil` when nothing was offered.
    public var utilisation: Double? { offeredSlots == 0 ? nil : Double(counts.booked) / Double(offeredSlots) }
}

/// Stats for one doctor or the whole clinic.
public struct ClinicStats: Sendable, Equatable {
    public let doctorID: Int64?
    public let grouping: StatsGrouping
    public let timeZone: ClinicTimeZone
    /// Newest first, at most the requested number.
    public let periods: [StatsPeriod]
    /// Over all time, not only the periods shown.
    public let overall: StatsCounts
}

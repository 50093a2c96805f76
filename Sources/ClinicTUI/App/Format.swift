import ClinicCore

/// How dates and times read on screen.
enum Format {
    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Tue 3 Mar 2026`.
    /// What an empty slot list says: the doctor does not work that weekday,
    /// or today's are over, or the day has none left (booked, time off).
    static func noSlots(on date: LocalDate, today: LocalDate, works: Bool = true) -> String {
        if !works { return "Not working on \(weekdayPlural(date.weekday)): ] shows the next day." }
        return date == today ? "Today's slots are over: ] next day." : "No slots this day: ] shows the next day."
    }

    /// `Fridays`.
    static func weekdayPlural(_ day: Weekday) -> String {
        ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"][day.rawValue - 1]
    }

    /// Whether the doctor's weekly hours have any on `date`'s weekday (true when they cannot be read).
    static func works(_ store: ClinicStore, doctorID: Int64, on date: LocalDate) -> Bool {
        (try? store.doctorsWorking(on: date.weekday).contains(doctorID)) ?? true
    }

    static func day(_ d: LocalDate) -> String {
        "\(weekdays[d.weekday.rawValue - 1]) \(d.day) \(months[d.month - 1]) \(d.year)"
    }

    /// A day and time without the year, for lists: `Mon 2 Mar 09:30`.
    static func shortDateTime(_ instant: Int64, _ zone: ClinicTimeZone) -> String {
        let l = zone.local(instant)
        return "\(shortDay(l.date)) \(l.time)"
    }

    /// A day and time for a list's narrow column: `2 Mar 09:30`.
    static func compactDateTime(_ instant: Int64, _ zone: ClinicTimeZone) -> String {
        let l = zone.local(instant)
        return "\(l.date.day) \(months[l.date.month - 1]) \(l.time)"
    }

    /// `Tue 3 Mar`, for a date near enough that its year goes without saying.
    static func shortDay(_ d: LocalDate) -> String { "\(weekdays[d.weekday.rawValue - 1]) \(d.day) \(months[d.month - 1])" }

    /// `3 Mar–17 Mar`: a span of days (the year when it is not the same at both ends).
    static func days(_ from: LocalDate, _ to: LocalDate) -> String {
        let year = from.year == to.year ? "" : " \(from.year)"
        return "\(from.day) \(months[from.month - 1])\(year)–\(to.day) \(months[to.month - 1])\(year.isEmpty ? "" : " \(to.year)")"
    }

    /// `09:30` in the zone.
    static func time(_ instant: Int64, _ zone: ClinicTimeZone) -> String { zone.local(instant).time.description }

    /// `Tue 3 Mar 2026 09:30`.
    static func dateTime(_ instant: Int64, _ zone: ClinicTimeZone) -> String {
        let l = zone.local(instant)
        return day(l.date) + " " + l.time.description
    }

    /// A status as people say it.
    /// A count with thousands separated by commas, whatever the locale: `12,345`.
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func status(_ s: AppointmentStatus) -> String {
        switch s {
        case .scheduled: return "scheduled"
        case .confirmed: return "confirmed"
        case .checkedIn: return "checked in"
        case .completed: return "completed"
        case .cancelled: return "cancelled"
        case .noShow: return "no-show"
        }
    }

    /// The theme role of a status.
    static func role(_ s: AppointmentStatus) -> ThemeRole {
        switch s {
        case .scheduled: return .statusScheduled
        case .confirmed: return .statusConfirmed
        case .checkedIn: return .statusCheckedIn
        case .completed: return .statusCompleted
        case .cancelled: return .statusCancelled
        case .noShow: return .statusNoShow
        }
    }

    /// A refusal of the core's policy as a screen's notice: `You are checked
    /// in for K7QX2M: the desk can help with any change.`
    static func refusal(_ reason: String) -> String {
        guard let first = reason.first else { return reason }
        let sentence = first.uppercased() + reason.dropFirst()
        return sentence.last.map { ".!?".contains($0) } == true ? sentence : sentence + "."
    }

    /// One line for a refusal from the core.
    static func error(_ error: any Error) -> String {
        if let e = error as? ClinicError { return e.message }
        return "something went wrong: \(error)"
    }
}

/// The day sheet as an iCalendar file (RFC 5545) that calendar apps import:
/// a VCALENDAR (PRODID, VERSION, CALSCALE, METHOD) with the clinic zone's
/// VTIMEZONE (`ICalendarTimeZone`, right on DST change days) and one VEVENT
/// per visit: UID from the appointment's code (stable across exports),
/// DTSTAMP, DTSTART / DTEND in local time with the TZID, SUMMARY (patient
/// and reason), DESCRIPTION (code, status, phone, reason, doctor) and STATUS
/// (cancelled → CANCELLED, scheduled → TENTATIVE, every other → CONFIRMED).
///
/// A local time names the *first* of two equal readings (§3.3.5), so a visit
/// in the second pass of the hour the clocks go back is written in UTC
/// (`DTSTART:20261101T063000Z`): every DTSTART and DTEND resolves to the
/// instant in the database.
public enum DaySheetICalendar {
    /// The calendar's PRODID.
    public static let productID = "-//clinic//Day sheet//EN"

    /// The calendar text (lines end in CRLF, folded at 75 octets).
    public static func render(_ sheet: DaySheet) -> String {
        String(decoding: bytes(sheet), as: UTF8.self)
    }

    /// The calendar as UTF-8 bytes.
    public static func bytes(_ sheet: DaySheet) -> [UInt8] {
        let zone = sheet.timeZone
        var ics = ICalendarWriter(capacity: 1_024 + sheet.doctors.reduce(0) { $0 + $1.visits.count } * 420)
        ics.line("BEGIN:VCALENDAR")
        ics.line("PRODID:" + productID)
        ics.line("VERSION:2.0")
        ics.line("CALSCALE:GREGORIAN")
        ics.line("METHOD:PUBLISH")
        ics.text("X-WR-CALNAME", "\(sheet.clinicName) \(sheet.date)")
        ics.line("X-WR-TIMEZONE:" + zone.identifier)
        ICalendarTimeZone.write(zone, from: zone.startOfDay(sheet.date), to: zone.startOfDay(sheet.date.adding(days: 1)), into: &ics)
        let stamp = "DTSTAMP:" + ICalendarTimeZone.localDateTime(sheet.madeAt, offset: 0) + "Z"
        var times = DaySheetTimes(zone)
        for doctor in sheet.doctors {
            for a in doctor.visits {
                ics.line("BEGIN:VEVENT")
                ics.begin("UID:")
                ics.raw(a.code)
                ics.raw("@clinic-appointment")
                ics.end()
                ics.line(stamp)
                ics.begin("DTSTART")
                ics.raw(times.iCalendar(a.start))
                ics.end()
                ics.begin("DTEND")
                ics.raw(times.iCalendar(a.end))
                ics.end()
                ics.begin("SUMMARY:")
                ics.escaped(a.patient.name)
                ics.raw(" – ")
                ics.escaped(a.reason)
                ics.end()
                ics.begin("DESCRIPTION:Code ")
                ics.raw(a.code)
                ics.raw(" (\(a.status.words))\\nPatient: ")
                ics.escaped(a.patient.name)
                if let phone = a.patient.phone, !phone.isEmpty {
                    ics.raw("\\, ")
                    ics.escaped(phone)
                }
                ics.raw("\\nReason: ")
                ics.escaped(a.reason)
                ics.raw("\\nDoctor: ")
                ics.escaped(doctor.name)
                ics.raw(" (")
                ics.escaped(doctor.specialization)
                ics.raw(")")
                ics.end()
                ics.begin("STATUS:")
                ics.raw(status(a.status))
                ics.end()
                ics.line("END:VEVENT")
            }
        }
        ics.line("END:VCALENDAR")
        return ics.bytes
    }

    /// The iCalendar STATUS of a visit.
    public static func status(_ status: AppointmentStatus) -> String {
        switch status {
        case .cancelled: return "CANCELLED"
        case .scheduled: return "TENTATIVE"
        case .confirmed, .checkedIn, .completed, .noShow: return "CONFIRMED"
        }
    }

    /// What follows `DTSTART` or `DTEND`: `;TZID=America/New_York:20260308T093000`,
    /// or `:20261101T063000Z` in UTC when that local time would name another
    /// instant (the second pass of a repeated hour).
    static func dateTimeValue(_ instant: Int64, _ zone: ClinicTimeZone) -> String {
        let local = zone.local(instant)
        let first = zone.instants(of: local.date, minute: local.minute).first.map { $0 + Int64(local.second) }
        guard first == instant else { return ":" + ICalendarTimeZone.localDateTime(instant, offset: 0) + "Z" }
        return ";TZID=\(zone.identifier):" + ICalendarTimeZone.localDateTime(instant, offset: local.offsetSeconds)
    }
}

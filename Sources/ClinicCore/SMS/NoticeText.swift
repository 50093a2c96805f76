/// The words of every SMS the clinic sends. Short, plain, and never asking
/// for a bare `CANCEL` (Twilio treats that as an opt-out).
public enum NoticeText {
    /// The reminder: doctor, local date and time, the code, how to reply.
    public static func reminder(clinic: String, doctor: String, start: Int64, zone: ClinicTimeZone, code: String) -> String {
        "\(clinic): reminder of your appointment with \(doctor) on \(when(start, zone)). Code \(code). "
            + "Reply CONFIRM \(code) or CANCEL \(code)."
    }

    /// Sent when an appointment is booked, on any channel (the booking
    /// notice): doctor, local date and time, the code, how to reply. Inside
    /// the reminder lead it is the patient's reminder too.
    public static func booking(clinic: String, doctor: String, start: Int64, zone: ClinicTimeZone, code: String) -> String {
        "\(clinic): you are booked with \(doctor) on \(when(start, zone)). Code \(code). "
            + "Reply CONFIRM \(code) or CANCEL \(code)."
    }

    /// Sent when an appointment is moved (to another time, or another
    /// doctor): the doctor and the new local date and time.
    public static func moved(clinic: String, doctor: String, start: Int64, zone: ClinicTimeZone, code: String) -> String {
        "\(clinic): your appointment is moved to \(when(start, zone)) with \(doctor). Code \(code). "
            + "Reply CONFIRM \(code) or CANCEL \(code)."
    }

    /// Sent when an appointment is confirmed.
    public static func confirmation(clinic: String, doctor: String, start: Int64, zone: ClinicTimeZone, code: String) -> String {
        "\(clinic): your appointment with \(doctor) on \(when(start, zone)) is confirmed. Code \(code)."
    }

    /// Sent when an appointment is cancelled, by anyone; `because` says why
    /// when the clinic cancelled it (the doctor's time off, a closure day).
    public static func cancellation(
        clinic: String, doctor: String, start: Int64, zone: ClinicTimeZone, code: String, because: String? = nil
    ) -> String {
        "\(clinic): your appointment with \(doctor) on \(when(start, zone)) is cancelled (code \(code))"
            + (because.map { ": \($0)" } ?? "") + ". Call us or use the kiosk to book again."
    }

    /// Sent to the patient when the scheduler (or staff) marks a no-show.
    public static func noShowPatient(clinic: String, doctor: String, start: Int64, zone: ClinicTimeZone, code: String) -> String {
        "\(clinic): we missed you at your appointment with \(doctor) on \(when(start, zone)) (code \(code)). "
            + "Call us to book again."
    }

    /// Sent to the doctor on a no-show.
    public static func noShowDoctor(clinic: String, patient: String, start: Int64, zone: ClinicTimeZone, code: String) -> String {
        "\(clinic): \(patient) did not come to the appointment on \(when(start, zone)) (code \(code)); marked no-show."
    }

    /// Sent when the desk checks in a patient who came after the visit was
    /// marked a no-show (they got `noShowPatient`).
    public static func lateCheckIn(clinic: String, doctor: String, start: Int64, zone: ClinicTimeZone, code: String) -> String {
        "\(clinic): you are checked in after all for your \(zone.local(start).time) appointment with \(doctor) (code \(code)). "
            + "Please take a seat."
    }

    /// `Tue 3 Mar 2026 at 09:30` in the clinic's zone.
    public static func when(_ instant: Int64, _ zone: ClinicTimeZone) -> String {
        let local = zone.local(instant)
        let d = local.date
        let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d.weekday.rawValue - 1]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.month - 1]
        return "\(weekday) \(d.day) \(month) \(d.year) at \(local.time)"
    }
}

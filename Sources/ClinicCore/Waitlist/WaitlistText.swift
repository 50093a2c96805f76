/// The words of the waitlist's SMS: the offer, and the answers to `TAKE`.
/// Never asks for a bare `CANCEL` or `YES` (Twilio's keywords).
enum WaitlistText {
    static func offer(clinic: String, doctor: String, start: Int64, zone: ClinicTimeZone, code: String, minutes: Int) -> String {
        "\(clinic): a visit with \(doctor) on \(NoticeText.when(start, zone)) is free. "
            + "Reply TAKE \(code) within \(minutes) min to take it."
    }

    static func booked(clinic: String, doctor: String, start: Int64, zone: ClinicTimeZone, code: String) -> String {
        "\(clinic): it is yours. You are booked with \(doctor) on \(NoticeText.when(start, zone)). Code \(code). "
            + "Reply CANCEL \(code) if you cannot come."
    }

    static func moved(clinic: String, doctor: String, from: Int64, start: Int64, zone: ClinicTimeZone, code: String) -> String {
        "\(clinic): it is yours. Your visit \(code) with \(doctor) moved from \(NoticeText.when(from, zone)) "
            + "to \(NoticeText.when(start, zone)); you have one visit, not two."
    }

    static func expired(clinic: String, code: String) -> String {
        "\(clinic): offer \(code) has run out and the visit went to the next patient waiting. "
            + "You stay on the waitlist; we will text you when another visit frees up."
    }

    static func lost(clinic: String, code: String) -> String {
        "\(clinic): sorry, the visit in offer \(code) has just been taken. "
            + "You stay on the waitlist; we will text you when another visit frees up."
    }

    static func refused(clinic: String, code: String, reason: String) -> String {
        "\(clinic): we could not book offer \(code): \(reason). Call us if you need help."
    }

    static func closed(clinic: String, code: String) -> String {
        "\(clinic): offer \(code) is no longer open. Call us if you need help."
    }

    static func alreadyTaken(clinic: String, code: String, visit: String?) -> String {
        "\(clinic): you already took offer \(code)" + (visit.map { ": your visit is \($0)." } ?? ".")
    }

    static func unknown(clinic: String, code: String) -> String {
        "\(clinic): we found no offer \(code) for this number. Check the code in our text, or call us."
    }

    static func nothingOpen(clinic: String) -> String {
        "\(clinic): you have no open offer to take. Reply HELP for the commands."
    }
}

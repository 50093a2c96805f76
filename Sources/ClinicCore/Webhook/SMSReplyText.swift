/// The words of the webhook's TwiML replies: short, saying what happened or
/// why not and what to send instead. Never asks for a bare `CANCEL` or `YES`
/// (Twilio treats those as opt-out / opt-in keywords).
enum SMSReplyText {
    static func alreadyConfirmed(_ clinic: String, code: String, when: String) -> String {
        "\(clinic): your appointment \(code) on \(when) is already confirmed. See you then."
    }

    static func final(_ clinic: String, code: String, when: String, status: AppointmentStatus) -> String {
        switch status {
        case .cancelled:
            return "\(clinic): appointment \(code) on \(when) was cancelled and can no longer change. Call us to book again."
        case .completed:
            return "\(clinic): appointment \(code) on \(when) has already taken place."
        case .noShow:
            return "\(clinic): appointment \(code) on \(when) was marked as missed. Call us to book again."
        default:
            return "\(clinic): appointment \(code) on \(when) can no longer change."
        }
    }

    static func checkedIn(_ clinic: String, code: String) -> String {
        "\(clinic): you are checked in for appointment \(code); please see the front desk for any change."
    }

    static func refused(_ clinic: String, code: String, reason: String) -> String {
        "\(clinic): appointment \(code) was not changed: \(reason). Call us if you need help."
    }

    static func unknownCode(_ clinic: String, code: String) -> String {
        "\(clinic): we found no appointment \(code) for this number. Check the code in your reminder, or call us."
    }

    static func unknownSender(_ clinic: String) -> String {
        "\(clinic): this number is not on file with us, so we cannot change appointments from it. Please call us."
    }

    static func badCode(_ clinic: String, keyword: String, text: String) -> String {
        "\(clinic): \"\(text.prefix(20))\" is not an appointment code. Codes have 6 letters and digits: "
            + "reply \(keyword) followed by the code in your reminder, e.g. \(keyword) K7QX2M."
    }

    static func nothingToConfirm(_ clinic: String) -> String {
        "\(clinic): you have no appointment waiting to be confirmed. Reply HELP for the commands."
    }

    static func whichOne(_ clinic: String, choices: [(code: String, when: String)]) -> String {
        let shown = choices.prefix(4).map { "\($0.code) (\($0.when))" }.joined(separator: ", ")
        let more = choices.count > 4 ? " and \(choices.count - 4) more" : ""
        return "\(clinic): you have \(choices.count) appointments to confirm: \(shown)\(more). "
            + "Reply CONFIRM followed by the code of the one you mean."
    }

    static func optedIn(_ clinic: String) -> String {
        "\(clinic): you will get appointment SMS from us again. Reply HELP for the commands."
    }

    static func help(_ clinic: String) -> String {
        "\(clinic): reply CONFIRM <code> to confirm an appointment or CANCEL <code> to cancel it "
            + "(the code is in your reminder, e.g. CONFIRM K7QX2M); TAKE <code> takes a visit we offered you. "
            + "STOP ends SMS. For anything else, call us."
    }

    static func forwarded(_ clinic: String) -> String {
        "\(clinic): thanks, the front desk will read your message. To confirm or cancel, reply CONFIRM <code> or CANCEL <code>."
    }
}

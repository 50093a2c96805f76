/// Outgoing SMS in words for people (the desk's panel, `clinic sms log`):
/// what a message is and where it stands, as sentences rather than the raw
/// values scripts read in `--json` (`failed`, `21614`).
public enum SMSText {
    /// Where a message stands: "Sent", "Delivered", "Waiting to be sent",
    /// "Failed: the number is not a mobile phone (21614)", "Not sent: the appointment is cancelled".
    public static func outcome(_ m: OutboxMessage) -> String {
        let error = m.errorCode.map { problem(code: $0, message: m.errorMessage) }
        switch m.state {
        case .queued:
            guard let error, m.errorCode != "interrupted" else { return "Waiting to be sent" }
            return "Trying again after: \(error)"
        case .sending: return "Sending now"
        case .sent:
            switch m.deliveryStatus {
            case "delivered": return "Delivered"
            case "undelivered", "failed":
                return "Not delivered: " + (error ?? "the carrier gave no reason")
            default: return "Sent"
            }
        case .failed: return "Failed: " + (error ?? "no reason recorded")
        case .skipped: return "Not sent: " + (m.errorMessage ?? error ?? "no longer worth sending")
        }
    }

    /// An error code in words, with the code in brackets where it is the provider's.
    public static func problem(code: String, message: String?) -> String {
        switch code {
        case "21211": return "the number is not a valid phone number (21211)"
        case "21614": return "the number is not a mobile phone (21614)"
        case "21635": return "the number is a landline (21635)"
        case "30005": return "the number is unknown or no longer in service (30005)"
        case "30006": return "the number is a landline or unreachable (30006)"
        case "30007": return "the carrier filtered it as spam (30007)"
        case "21610": return "the number opted out of SMS (21610)"
        case "20429", "http_429": return "Twilio was busy (\(code))"
        case "timeout": return "Twilio did not answer in time"
        case "transport": return "Twilio could not be reached"
        case "http_401", "http_403": return "Twilio refused the clinic's credentials (\(code))"
        case "interrupted": return OutboxMessage.interruptedNote
        case "gave_up": return message ?? "gave up after several attempts"
        default:
            if code.hasPrefix("http_5") { return "Twilio had an error (\(code))" }
            return message.map { "\($0) (\(code))" } ?? "error \(code)"
        }
    }

    /// A kind in a list's column: "reminder", "no-show", "reset code".
    public static func shortKind(_ kind: OutboxMessage.Kind) -> String {
        switch kind {
        case .noShow: return "no-show"
        case .checkedIn: return "checked-in"
        case .waitlistOffer: return "waitlist offer"
        case .passwordReset: return "reset code"
        default: return kind.rawValue
        }
    }

    /// A kind as a heading: "Reminder", "No-show notice".
    public static func kind(_ kind: OutboxMessage.Kind) -> String {
        let name = kind.sentenceName
        let bare = name.hasPrefix("a ") ? String(name.dropFirst(2)) : name.hasPrefix("an ") ? String(name.dropFirst(3)) : name
        return bare.prefix(1).uppercased() + bare.dropFirst()
    }
}

extension OutboxMessage.Kind {
    /// The kind inside a sentence: "a reminder", "the no-show notice".
    public var sentenceName: String {
        switch self {
        case .reminder: return "a reminder"
        case .confirmation: return "a confirmation"
        case .cancellation: return "a cancellation notice"
        case .noShow: return "a no-show notice"
        case .checkedIn: return "a checked-in notice"
        case .booking: return "a booking notice"
        case .moved: return "a notice of the move"
        case .waitlistOffer: return "a waitlist offer"
        case .passwordReset: return "a password reset code"
        case .other: return "a message"
        }
    }
}

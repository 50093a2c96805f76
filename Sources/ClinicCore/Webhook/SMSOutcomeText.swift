/// What came of a patient's SMS, in words for the desk (the SMS panel,
/// `clinic sms inbox`): "Confirmed K7QX2M", "Asked which visit they meant".
/// The raw outcome (`confirmed`, `asked_which`) stays in `--json` and the log.
public enum SMSOutcomeText {
    /// The outcome of a reply as a sentence; `code` is the appointment it acted on or asked about.
    public static func sentence(outcome: String, code: String?) -> String {
        let visit = code ?? "the visit"
        switch outcome {
        case "confirmed": return "Confirmed \(visit)"
        case "cancelled": return "Cancelled \(visit)"
        case "already_confirmed": return "\(visit) was confirmed already"
        case "asked_which": return "Asked which visit they meant"
        case "nothing_to_confirm": return "Nothing to confirm: no visit awaits confirmation"
        case "unknown_sender": return "Unknown number: no patient has it"
        case "unknown_code": return "No visit of theirs has that code"
        case "bad_code": return "Asked them to resend with a valid code"
        case "opted_out": return "Opted out of SMS"
        case "opted_in": return "Opted back in to SMS"
        case "help": return "Sent them how to reply"
        case "flagged": return "Passed to the desk"
        case "ignored_bad_number": return "Ignored: the sender's number is not valid"
        case "internal": return "Could not be handled (our error)"
        case "took": return "Took a waitlist offer: booked \(visit)"
        case "took_moved": return "Took a waitlist offer: moved \(visit) earlier"
        case "already_taken": return "Had taken that waitlist offer already"
        case "offer_expired": return "Too late: the waitlist offer had run out"
        case "offer_lost": return "Too late: someone else had booked the offered visit"
        case "offer_closed": return "The waitlist offer was no longer open"
        case "unknown_offer": return "No waitlist offer of theirs has that code"
        case "nothing_to_take": return "No waitlist offer to take"
        default:
            if outcome.hasPrefix("refused:") {
                let reason = String(outcome.dropFirst("refused:".count))
                if let status = AppointmentStatus(rawValue: reason) {
                    return "Refused: \(visit) is \(status == .noShow ? "marked a no-show" : status.words)"
                }
                return "Refused (\(reason.replacingOccurrences(of: "_", with: " "))) for \(visit)"
            }
            let words = outcome.replacingOccurrences(of: "_", with: " ")
            return words.prefix(1).uppercased() + words.dropFirst() + (code.map { " (\($0))" } ?? "")
        }
    }

    /// What the desk should know of a reply: nothing, that it waits
    /// ("⚑ Free text: read it and answer"), or who handled it.
    public static func desk(_ r: InboundSMSRecord, handledOn: (Int64) -> String) -> String? {
        guard let reason = r.attentionReason else { return nil }
        if let at = r.handledAt { return "✓ Handled by \(r.handledBy ?? "someone") on \(handledOn(at))" }
        let why = reason == "free text" ? "Free text: read it and answer the patient" : reason.prefix(1).uppercased() + reason.dropFirst()
        return "⚑ " + why
    }
}

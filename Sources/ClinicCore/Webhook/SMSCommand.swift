/// What a patient's SMS asks for (DESIGN §2, SMS replies). Parsing is a pure
/// function of the text: case-insensitive, surrounding and repeated spaces ignored.
public enum SMSCommand: Sendable, Equatable {
    /// `CONFIRM <code>` / `C <code>`; a bare `CONFIRM` / `C` has no code.
    case confirm(code: String?)
    /// `CANCEL <code>`.
    case cancel(code: String)
    /// `TAKE <code>`: take a slot the waitlist offered; a bare `TAKE` takes the one open offer.
    case take(code: String?)
    /// A command word followed by something that is not an appointment code.
    case badCode(keyword: String, text: String)
    /// One of Twilio's opt-out words alone (`STOP`, `STOPALL`, `UNSUBSCRIBE`,
    /// `CANCEL`, `END`, `QUIT`, `REVOKE`, `OPTOUT`).
    case optOut(keyword: String)
    /// `START`, `YES`, `UNSTOP`.
    case optIn(keyword: String)
    /// `HELP`, `INFO`.
    case help
    /// Anything else: shown to the desk.
    case freeText

    /// Twilio's opt-out keywords, mirrored locally.
    public static let optOutWords: Set<String> = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"]
    /// Twilio's opt-in keywords.
    public static let optInWords: Set<String> = ["START", "YES", "UNSTOP"]
    /// Usage keywords.
    public static let helpWords: Set<String> = ["HELP", "INFO"]

    /// Parses an SMS body.
    public static func parse(_ body: String) -> SMSCommand {
        let words = body.split(whereSeparator: { $0.isWhitespace }).map { $0.uppercased() }
        guard let first = words.first else { return .freeText }
        if words.count == 1 {
            if first == "CONFIRM" || first == "C" { return .confirm(code: nil) }
            if first == "TAKE" { return .take(code: nil) }
            if optOutWords.contains(first) { return .optOut(keyword: first) }
            if optInWords.contains(first) { return .optIn(keyword: first) }
            if helpWords.contains(first) { return .help }
            return .freeText
        }
        guard words.count == 2, first == "CONFIRM" || first == "C" || first == "CANCEL" || first == "TAKE" else { return .freeText }
        let keyword = first == "C" ? "CONFIRM" : first
        // Trailing punctuation people add ("CONFIRM K7QX2M.") is not part of the code.
        let raw = String(words[1].drop { $0 == "#" }).trimmingCharacters(in: .init(charactersIn: ".,;:!?"))
        guard let code = AppointmentCode.normalize(raw) else { return .badCode(keyword: keyword, text: String(words[1])) }
        switch keyword {
        case "CANCEL": return .cancel(code: code)
        case "TAKE": return .take(code: code)
        default: return .confirm(code: code)
        }
    }
}

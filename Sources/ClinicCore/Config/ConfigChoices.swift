/// Which SMS gateway sends (`[sms] gateway`, `CLINIC_SMS_GATEWAY`).
public enum SMSGatewayChoice: String, CaseIterable, Sendable {
    /// Twilio when its credentials are set, else the outbox.
    case auto
    case twilio
    case outbox
}

/// Where the scheduler runs (`scheduler`).
public enum SchedulerPlacement: String, CaseIterable, Sendable {
    /// Staff terminals run it under the lease too.
    case `internal`
    /// Only `clinic serve` runs it.
    case external
}

extension ConfigLoader {
    /// A setting's text as one of its choices, or the refusal naming them all
    /// (the one check for the file, the environment and the flags).
    static func choice<Choice: RawRepresentable & CaseIterable>(_ text: String, _ setting: String) throws -> Choice
    where Choice.RawValue == String {
        if let choice = Choice(rawValue: text) { return choice }
        throw ClinicError(.invalidInput, "\(setting) must be \(choices(Choice.self)), not '\(text)'")
    }

    /// `auto, twilio or outbox`.
    static func choices<Choice: RawRepresentable & CaseIterable>(_: Choice.Type) -> String where Choice.RawValue == String {
        let names = Choice.allCases.map(\.rawValue)
        return names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
    }
}

/// Picks the SMS gateway a configuration asks for (DESIGN §3): `twilio` when
/// asked or, with `auto`, when credentials are set; otherwise `outbox`.
public enum SMSGatewayFactory {
    /// The gateway for `config`; `twilio` without credentials is an error.
    public static func make(_ config: ClinicConfig) throws -> any SMSGateway {
        let hasCredentials = !config.twilioAccountSID.isEmpty && !config.twilioAuthToken.isEmpty && !config.twilioFrom.isEmpty
        let useTwilio: Bool
        switch config.smsGateway {
        case .twilio:
            guard hasCredentials else {
                throw ClinicError(
                    .invalidInput,
                    "sms gateway 'twilio' needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM")
            }
            useTwilio = true
        case .outbox: useTwilio = false
        case .auto: useTwilio = hasCredentials
        }
        guard useTwilio else { return OutboxGateway(from: config.twilioFrom.isEmpty ? nil : config.twilioFrom) }
        var publicURL = config.publicURL
        while publicURL.hasSuffix("/") { publicURL.removeLast() }
        return TwilioGateway(
            accountSID: config.twilioAccountSID, authToken: config.twilioAuthToken,
            from: config.twilioFrom, apiBase: config.twilioAPIBase,
            statusCallbackURL: publicURL.isEmpty ? "" : publicURL + "/api/v1/twilio/status",
            connectTimeout: min(5, config.smsTimeoutSeconds), totalTimeout: config.smsTimeoutSeconds)
    }
}

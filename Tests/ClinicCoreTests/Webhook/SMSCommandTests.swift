import ClinicCore
import Testing

/// The SMS command parser is a pure function: every word of the contract, in
/// any case and with any spacing, and everything else is free text.
@Suite struct SMSCommandTests {
    @Test(arguments: [
        ("CONFIRM K7QX2M", SMSCommand.confirm(code: "K7QX2M")),
        ("confirm k7qx2m", .confirm(code: "K7QX2M")),
        ("  Confirm   K7QX2M  ", .confirm(code: "K7QX2M")),
        ("C K7QX2M", .confirm(code: "K7QX2M")),
        ("c\tk7qx2m\n", .confirm(code: "K7QX2M")),
        ("CONFIRM K7QX2M.", .confirm(code: "K7QX2M")),
        ("CANCEL K7QX2M", .cancel(code: "K7QX2M")),
        ("cancel   k7qx2m", .cancel(code: "K7QX2M")),
        ("CONFIRM", .confirm(code: nil)),
        (" c ", .confirm(code: nil)),
        ("CONFIRM XYZ", .badCode(keyword: "CONFIRM", text: "XYZ")),
        ("C 12345O", .badCode(keyword: "CONFIRM", text: "12345O")),
        ("CANCEL ABCDEFG", .badCode(keyword: "CANCEL", text: "ABCDEFG")),
        ("TAKE W4K9QX", .take(code: "W4K9QX")),
        ("  take   w4k9qx! ", .take(code: "W4K9QX")),
        ("Take", .take(code: nil)),
        ("TAKE IT", .badCode(keyword: "TAKE", text: "IT")),
        ("take it now", .freeText),
    ])
    func appointmentCommands(text: String, expected: SMSCommand) {
        #expect(SMSCommand.parse(text) == expected)
    }

    @Test(arguments: ["STOP", "stop", " StopAll ", "UNSUBSCRIBE", "CANCEL", "cancel", "END", "QUIT", "REVOKE", "OPTOUT"])
    func optOutWords(text: String) {
        #expect(SMSCommand.parse(text) == .optOut(keyword: text.trimmingCharacters(in: .whitespaces).uppercased()))
    }

    @Test(arguments: ["START", "yes", " Unstop "])
    func optInWords(text: String) {
        #expect(SMSCommand.parse(text) == .optIn(keyword: text.trimmingCharacters(in: .whitespaces).uppercased()))
    }

    @Test func helpWords() {
        #expect(SMSCommand.parse("HELP") == .help)
        #expect(SMSCommand.parse(" info ") == .help)
    }

    @Test(arguments: [
        "please stop texting me", "", "   ", "Thanks!", "STOP IT", "CONFIRM K7QX2M please", "YES K7QX2M",
        "Can I come at 10?", "HELP ME",
    ])
    func freeText(text: String) {
        #expect(SMSCommand.parse(text) == .freeText)
    }
}

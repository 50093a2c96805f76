import ClinicCore
import Testing

/// Twilio's signature: known vectors from the official library, the URL
/// forms its validator accepts, and UTF-8 byte order of parameter names.
@Suite struct TwilioSignatureTests {
    static let docParams: [(name: String, value: String)] = [
        ("CallSid", "CA1234567890ABCDE"), ("Caller", "+12349013030"), ("Digits", "1234"),
        ("From", "+12349013030"), ("To", "+18005551212"),
    ]

    @Test func matchesTheOfficialLibraryOnItsDocumentedExample() {
        let s = TwilioSignature.compute(
            authToken: "12345", url: "https://mycompany.com/myapp.php?foo=1&bar=2",
            parameters: Self.docParams)
        #expect(s == "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
    }

    @Test func sortsNamesByUTF8BytesWithUnicodeAndAPort() {
        // Signed by twilio-python 9.x's RequestValidator.compute_signature.
        let params: [(name: String, value: String)] = [
            ("Body", "Ünïcödé ✓ a+b & c"), ("From", "+15550100001"), ("a", "1"),
            ("B", "2"), ("é", "x"), ("z", "y"), ("Zz", "w"),
        ]
        let s = TwilioSignature.compute(
            authToken: "12345", url: "https://clinic.example.org:8443/api/v1/twilio/webhook?x=1",
            parameters: params)
        #expect(s == "nSFzlF4cMeiyAv0FumbF7Dc9m/s=")
    }

    @Test func acceptsTheURLWithAndWithoutItsDefaultPort() {
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
        let withPort = "https://mycompany.com:443/myapp.php?foo=1&bar=2"
        let signedWithPort = TwilioSignature.compute(authToken: "12345", url: withPort, parameters: Self.docParams)
        #expect(TwilioSignature.isValid(signedWithPort, authToken: "12345", url: url, parameters: Self.docParams))
        #expect(TwilioSignature.isValid("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", authToken: "12345", url: withPort, parameters: Self.docParams))
        #expect(TwilioSignature.urlVariants("http://a.b/x") == ["http://a.b/x", "http://a.b:80/x"])
        #expect(TwilioSignature.urlVariants("https://a.b:8443/x?y=1") == ["https://a.b/x?y=1", "https://a.b:8443/x?y=1"])
        #expect(TwilioSignature.urlVariants("http://[::1]:8080/p") == ["http://[::1]/p", "http://[::1]:8080/p"])
    }

    @Test func refusesAMissingEmptyOrAlteredSignature() {
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2"
        #expect(TwilioSignature.isValid("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", authToken: "12345", url: url, parameters: Self.docParams))
        #expect(!TwilioSignature.isValid(nil, authToken: "12345", url: url, parameters: Self.docParams))
        #expect(!TwilioSignature.isValid("", authToken: "12345", url: url, parameters: Self.docParams))
        #expect(!TwilioSignature.isValid("1/KCTR6DLpKmkAf8muzZqo1nDgQ=", authToken: "12345", url: url, parameters: Self.docParams))
        #expect(!TwilioSignature.isValid("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", authToken: "12346", url: url, parameters: Self.docParams))
        #expect(!TwilioSignature.isValid("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", authToken: "", url: url, parameters: Self.docParams))
        #expect(!TwilioSignature.isValid("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", authToken: "12345", url: url + "&", parameters: Self.docParams))
        #expect(!TwilioSignature.isValid("not base64 at all!", authToken: "12345", url: url, parameters: Self.docParams))
    }
}

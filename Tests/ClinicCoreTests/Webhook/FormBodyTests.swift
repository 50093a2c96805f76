import ClinicCore
import Testing

/// Form bodies are parsed strictly; TwiML replies are escaped.
@Suite struct FormBodyTests {
    @Test func decodesPlusPercentAndUnicode() throws {
        let form = try FormBody(bytes: Array("Body=CONFIRM+K7QX2M&From=%2B15550100001&Name=Jos%C3%A9&Empty=".utf8))
        #expect(form["Body"] == "CONFIRM K7QX2M")
        #expect(form["From"] == "+15550100001")
        #expect(form["Name"] == "José")
        #expect(form["Empty"] == "")
        #expect(try FormBody(bytes: []).pairs.isEmpty)
        #expect(try FormBody(bytes: Array("a=1&&b=2&".utf8)).pairs.count == 2)
    }

    @Test func refusesBadEscapesMissingEqualsAndNonUTF8() {
        #expect(throws: FormBody.Malformed.badEscape) { try FormBody(bytes: Array("a=%2".utf8)) }
        #expect(throws: FormBody.Malformed.badEscape) { try FormBody(bytes: Array("a=%zz".utf8)) }
        #expect(throws: FormBody.Malformed.missingEquals) { try FormBody(bytes: Array("a=1&junk".utf8)) }
        #expect(throws: FormBody.Malformed.notUTF8) { try FormBody(bytes: Array("a=%C3%28".utf8)) }
        #expect(throws: FormBody.Malformed.notUTF8) { try FormBody(bytes: [0x61, 0x3D, 0xFF]) }
    }

    @Test func twimlIsEscapedAndEmptyRepliesAreEmptyResponses() {
        #expect(TwiML.document(nil) == #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#)
        let doc = TwiML.document(#"Dr <Lee> & "Co" 'x'"#)
        #expect(doc.hasPrefix("<?xml"))
        #expect(doc.contains("<Message>Dr &lt;Lee&gt; &amp; &quot;Co&quot; &apos;x&apos;</Message>"))
        #expect(TwiML.escape("a\u{01}b\u{7}c\nd") == "abc\nd")
        #expect(TwiML.message(in: doc) == #"Dr <Lee> & "Co" 'x'"#)
    }
}

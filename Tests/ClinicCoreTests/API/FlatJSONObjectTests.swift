import Foundation
import Testing

@testable import ClinicCore

/// The flat reader answers what `JSONDecoder` answers for every body it
/// takes, and leaves every other body (escapes, nesting, repeated keys, bad
/// numbers, invalid UTF-8, not JSON) to the decoder.
@Suite struct FlatJSONObjectTests {
    static let taken: [String] = [
        #"{"doctorId":"12","patientId":"34","start":"2026-03-03T09:00:00-05:00","reason":"Benchmark visit"}"#,
        #"{}"#, #" { } "#, "{\n\t\"a\" : 1 ,\r\n \"b\":true}\n",
        #"{"a":null,"b":false,"c":0,"d":-0,"e":12.5,"f":1e3,"g":-2.5E-2,"h":1E+2,"i":123456789012345678}"#,
        #"{"name":"Zoë Ñúñez 山田 👩🏽‍⚕️","":"empty key"}"#, #"{"age":42}"#, #"{"id":12}"#,
    ]

    static let leftToTheDecoder: [String] = [
        #"{"reason":"line\nbreak"}"#, #"{"a":"\u0041"}"#, #"{"a":{"b":1}}"#, #"{"a":[1,2]}"#,
        #"{"a":1,"a":2}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":+1}"#, #"{"a":1e}"#,
        #"{"a":1e400}"#, #"{"a":-}"#, #"{"a":tru}"#, #"{"a":truex}"#, #"{"a":nul}"#, #"{"a":1,}"#,
        #"{,}"#, #"{"a"}"#, #"{"a":}"#, #"{"a" 1}"#, #"{'a':1}"#, #"{a:1}"#, #"[1]"#, #""text""#, "",
        " ", #"{"a":1} x"#, #"{"a":1}{"#, "{\"a\":\"tab\there\"}", "\u{FEFF}{}", #"{"a":NaN}"#,
        #"{"a":Infinity}"#,
    ]

    @Test func bodiesItTakesReadAsTheDecoderReadsThem() throws {
        for body in Self.taken {
            let flat = try #require(FlatJSONObject.parse(Array(body.utf8)), "\(body)")
            let decoded = try JSONDecoder().decode([String: JSONBody.Value].self, from: Data(body.utf8))
            #expect(flat == decoded, "\(body)")
        }
    }

    @Test func otherBodiesAreLeftToTheDecoder() {
        for body in Self.leftToTheDecoder {
            #expect(FlatJSONObject.parse(Array(body.utf8)) == nil, "\(body)")
        }
        #expect(FlatJSONObject.parse([UInt8(ascii: "{"), 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]) == nil)  // invalid UTF-8 in a key
        #expect(FlatJSONObject.parse([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]) == nil)  // and in a value
    }

    @Test func aBodyReadsTheSameThroughEitherPath() throws {
        for body in Self.taken + Self.leftToTheDecoder {
            let decoded = try? JSONDecoder().decode([String: JSONBody.Value].self, from: Data(body.utf8))
            let read = try? JSONBody.parse(Array(body.utf8))
            #expect((read == nil) == (decoded == nil), "\(body)")
            if let decoded, let read {
                for (key, value) in decoded { #expect(read.value(key) == value, "\(body) \(key)") }
            }
        }
    }
}

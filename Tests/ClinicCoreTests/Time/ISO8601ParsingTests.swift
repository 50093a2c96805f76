import ClinicCore
import Foundation
import Testing

/// The hand-written reading of the common ISO 8601 form agrees with
/// Foundation's formatter on every valid instant, offset and precision, and
/// refuses what the formatter used to roll over (30 February, 24:00).
@Suite struct ISO8601ParsingTests {
    static func formatter(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: text)
    }

    @Test func agreesWithTheFormatterOnInstantsOffsetsAndFractions() {
        var seed: UInt64 = 20_261_204
        func next() -> UInt64 { seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return seed >> 33 }
        let offsets = ["Z", "+00:00", "-05:00", "+05:30", "+13:45", "-09:30", "+14:00"]
        for _ in 0..<3000 {
            let instant = Double(next() % 4_102_444_800)  // 1970 … 2100
            let offset = offsets[Int(next() % UInt64(offsets.count))]
            let zone = offset == "Z" ? 0 : (Int(offset.dropFirst().prefix(2))! * 60 + Int(offset.suffix(2))!) * 60 * (offset.hasPrefix("-") ? -1 : 1)
            let local = Date(timeIntervalSince1970: instant + Double(zone))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
            let base = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            for text in [base + offset, base + ".250" + offset] {
                let parsed = ISO8601Parsing.parse(text)
                #expect(parsed != nil, "\(text)")
                #expect(parsed == Self.formatter(text), "\(text)")
            }
            #expect(ISO8601Parsing.parse(base + offset)?.timeIntervalSince1970 == instant)
        }
    }

    @Test func refusesWhatIsNotAnInstantWithAnOffset() {
        for text in [
            "2026-03-08 09:30", "2026-03-08T09:30:00", "2026-02-30T09:30:00Z", "2026-13-01T09:30:00Z", "2026-03-08T24:00:00Z",
            "2026-03-08T09:60:00Z", "2026-03-08T09:30:00+05", "2026-03-08T09:30:00Zjunk", "next tuesday", "", "2026-03-08T09:30:00.Z",
        ] {
            #expect(ISO8601Parsing.parse(text) == nil, "\(text)")
        }
        #expect(ISO8601Parsing.parse("2026-03-08T09:30-04:00")?.timeIntervalSince1970 == 1_772_976_600)
    }
}

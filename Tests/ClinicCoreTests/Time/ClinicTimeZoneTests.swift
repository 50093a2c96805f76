import ClinicCore
import ClinicTesting
import Foundation
import Testing

@Suite("ClinicTimeZone: wall clock ↔ instants and ISO offsets")
struct ClinicTimeZoneTests {
    let newYork = zone("America/New_York")

    @Test("Unknown or empty identifiers are refused")
    func unknownZones() {
        #expect(ClinicTimeZone(identifier: "Mars/Olympus_Mons") == nil)
        #expect(ClinicTimeZone(identifier: "") == nil)
        #expect(ClinicTimeZone(identifier: "Asia/Kolkata")?.identifier == "Asia/Kolkata")
    }

    @Test("An ordinary wall-clock time has exactly one instant")
    func ordinaryTime() {
        // Given 09:30 on a winter day in New York (UTC−5)
        // When its instants are asked for
        // Then there is one, 14:30 UTC
        #expect(newYork.instants(of: date("2026-01-15"), minute: 570) == [utc("2026-01-15T14:30:00Z")])
    }

    @Test("A time in the spring-forward gap has no instant; its interval ends at the jump")
    func springForwardGap() {
        // Given 02:30 on 2026-03-08 in New York, which the clocks skip
        let day = date("2026-03-08")
        // Then it has no instant, and as an interval edge it means the jump (07:00 UTC)
        #expect(newYork.instants(of: day, minute: 150).isEmpty)
        #expect(newYork.instants(of: day, minute: 120).isEmpty)
        #expect(newYork.startInstant(of: day, minute: 150) == utc("2026-03-08T07:00:00Z"))
        #expect(newYork.endInstant(of: day, minute: 150) == utc("2026-03-08T07:00:00Z"))
        // And the minutes either side of the gap are single instants
        #expect(newYork.instants(of: day, minute: 119) == [utc("2026-03-08T06:59:00Z")])
        #expect(newYork.instants(of: day, minute: 180) == [utc("2026-03-08T07:00:00Z")])
    }

    @Test("A time in the repeated hour has two instants, an hour apart")
    func fallBackRepeat() {
        // Given 01:30 on 2026-11-01 in New York, which happens in EDT and again in EST
        let day = date("2026-11-01")
        let both = [utc("2026-11-01T05:30:00Z"), utc("2026-11-01T06:30:00Z")]
        // Then both real instants are returned, earlier first
        #expect(newYork.instants(of: day, minute: 90) == both)
        #expect(newYork.startInstant(of: day, minute: 90) == both[0])
        #expect(newYork.endInstant(of: day, minute: 90) == both[1])
        // And 02:00 happens once (EST)
        #expect(newYork.instants(of: day, minute: 120) == [utc("2026-11-01T07:00:00Z")])
    }

    @Test("local() reads instants back as the clinic's wall clock, with the offset in force")
    func localReading() {
        // Given the two 01:30s of the New York fall-back night
        let edt = newYork.local(utc("2026-11-01T05:30:00Z"))
        let est = newYork.local(utc("2026-11-01T06:30:00Z"))
        // Then both read 01:30 on the same date, with different offsets
        #expect(edt.date == date("2026-11-01") && edt.minute == 90 && edt.offsetSeconds == -4 * 3600)
        #expect(est.date == date("2026-11-01") && est.minute == 90 && est.offsetSeconds == -5 * 3600)
        // And an instant before 1970 reads correctly too
        let old = newYork.local(utc("1969-12-31T04:59:59Z"))
        #expect(old.date == date("1969-12-30") && old.minute == 23 * 60 + 59 && old.second == 59)
    }

    @Test(
        "ISO 8601 carries the zone's offset at that instant",
        arguments: [
            ("America/New_York", "2026-03-08T13:30:00Z", "2026-03-08T09:30:00-04:00"),
            ("America/New_York", "2026-03-08T06:30:00Z", "2026-03-08T01:30:00-05:00"),
            ("Asia/Kolkata", "2026-03-02T03:30:00Z", "2026-03-02T09:00:00+05:30"),
            ("Europe/London", "2026-01-10T09:00:00Z", "2026-01-10T09:00:00+00:00"),
            ("Europe/London", "2026-07-10T08:00:00Z", "2026-07-10T09:00:00+01:00"),
            ("America/St_Johns", "2026-01-10T12:30:00Z", "2026-01-10T09:00:00-03:30"),
            ("UTC", "2026-03-08T23:59:59Z", "2026-03-08T23:59:59+00:00"),
        ])
    func isoOffsets(zoneID: String, instant: String, expected: String) {
        // Given an instant, when written in the clinic's zone, then the text carries the local offset
        #expect(zone(zoneID).iso8601(utc(instant)) == expected)
    }

    @Test("Offsets are formatted by hand: sign, hours and minutes")
    func offsetText() {
        #expect(LocalDateTime.offsetText(0) == "+00:00")
        #expect(LocalDateTime.offsetText(19_800) == "+05:30")
        #expect(LocalDateTime.offsetText(-12_600) == "-03:30")
        #expect(LocalDateTime.offsetText(-14_400) == "-04:00")
        #expect(LocalDateTime.offsetText(45_900) == "+12:45")
    }

    @Test("ISO 8601 text written by the core parses back to the same instant")
    func isoRoundTrip() {
        // Given instants around the New York transitions
        for text in ["2026-03-08T06:59:00Z", "2026-03-08T07:00:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z"] {
            let seconds = utc(text)
            // When written with the offset and parsed again
            let parsed = ISO8601Parsing.parse(newYork.iso8601(seconds))
            // Then the instant is unchanged
            #expect(parsed.map { Int64($0.timeIntervalSince1970) } == seconds, "\(text)")
        }
        #expect(ISO8601Parsing.parse("2026-03-08T09:30-04:00").map { Int64($0.timeIntervalSince1970) } == utc("2026-03-08T13:30:00Z"))
        #expect(ISO8601Parsing.parse("2026-03-08 09:30") == nil)
    }

    @Test("startOfDay is midnight, or the jump when midnight itself is skipped")
    func startOfDay() {
        // Given an ordinary New York day
        #expect(newYork.startOfDay(date("2026-03-08")) == utc("2026-03-08T05:00:00Z"))
        #expect(newYork.startOfDay(date("2026-03-09")) == utc("2026-03-09T04:00:00Z"))
        // Given Havana, whose clocks jump from 00:00 to 01:00 on 2026-03-08
        // Then the day starts at the jump (05:00 UTC), and 00:30 does not exist
        let havana = zone("America/Havana")
        #expect(havana.instants(of: date("2026-03-08"), minute: 30).isEmpty)
        #expect(havana.startOfDay(date("2026-03-08")) == utc("2026-03-08T05:00:00Z"))
    }
}

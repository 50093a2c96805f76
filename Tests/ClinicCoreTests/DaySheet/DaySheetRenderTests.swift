import Foundation
import Testing

@testable import ClinicCore

/// The renderers on sheets built in the test: the printable text (columns
/// aligned in terminal cells for names in any script), CSV (RFC 4180) and
/// iCalendar (RFC 5545: escaping, folding at 75 octets on UTF-8 boundaries,
/// CRLF, STATUS, the VTIMEZONE's transitions).
@Suite("Day sheet: renderers")
struct DaySheetRenderTests {
    static let newYork = ClinicTimeZone(identifier: "America/New_York")!

    static func visit(
        _ code: String, _ start: Int64, status: AppointmentStatus = .scheduled, patient: String = "Pia Kowalska",
        phone: String = "+15550100001", reason: String = "Check-up"
    ) -> Appointment {
        Appointment(
            id: 1, code: code, doctor: .init(id: 10, name: "Dr Ana Moreau", email: "ana@clinic.test", phone: "+15550200001"),
            patient: .init(id: 20, name: patient, email: "pia@clinic.test", phone: phone), start: start, end: start + 1800,
            status: status, reason: reason, createdAt: 0, createdBy: nil)
    }

    static func sheet(_ day: String, zone: ClinicTimeZone = newYork, visits: [Appointment], others: [DaySheet.Doctor] = []) -> DaySheet {
        DaySheet(
            clinicName: "Clinique Saint-Éloi", date: LocalDate(day)!, timeZone: zone, madeAt: 1_772_452_800,  // 2026-03-02T12:00:00Z
            doctors: [DaySheet.Doctor(id: 10, name: "Dr Ana Moreau", specialization: "Cardiology", visits: visits)] + others)
    }

    static func local(_ day: String, _ minute: Int, pass: Int = 0) -> Int64 { newYork.instants(of: LocalDate(day)!, minute: minute)[pass] }

    // MARK: Text

    @Test func theTextHasAHeadingAndColumnsAlignedInCellsForEveryScript() {
        let names = ["प्रिया शर्मा", "👩🏽‍⚕️ Ana", "🇵🇱 Kowalska", "김각", "Zoë"]
        let visits = names.enumerated().map { i, name in Self.visit("K7QX2\(i)", Self.local("2026-03-03", 540 + 30 * i), patient: name) }
        let text = DaySheetText.render(
            Self.sheet("2026-03-03", visits: visits, others: [.init(id: 11, name: "Dr Ben", specialization: "Skin", works: false, visits: [])]))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Clinique Saint-Éloi")
        #expect(lines[1] == "Day sheet for Tuesday 3 March 2026 (America/New_York)")
        #expect(lines.contains("Dr Ana Moreau · Cardiology"))
        let table = lines.filter { $0.hasPrefix("  TIME") || $0.contains("K7QX2") }
        #expect(table.count == 6)
        // every row's PHONE, STATUS and CODE columns start at the same cell as the heading's
        for column in ["PHONE", "STATUS", "CODE"] {
            let heading = table[0]
            let at = CharWidth.of(String(heading[..<heading.range(of: column)!.lowerBound]))
            for (i, row) in table.dropFirst().enumerated() {
                let value = column == "PHONE" ? "+1555" : column == "STATUS" ? "scheduled" : "K7QX2\(i)"
                let cell = CharWidth.of(String(row[..<row.range(of: value)!.lowerBound]))
                #expect(cell == at, "\(column) of \(names[i])")
            }
        }
        #expect(lines.contains("  5 appointments, 5 still open"))
        #expect(lines.contains("  no appointments (not working on Tuesdays)"))
        #expect(text.hasSuffix("\n") && !text.contains("\r"))
    }

    @Test func aTimeThatHappensTwiceCarriesItsOffsetAndControlsPrintAsReplacement() {
        let first = Self.visit("AAAAAA", Self.local("2026-11-01", 90, pass: 0), reason: "a\u{1B}[2Jb")
        let second = Self.visit("BBBBBB", Self.local("2026-11-01", 90, pass: 1), patient: "Evil\u{202E}name")
        let text = DaySheetText.render(Self.sheet("2026-11-01", visits: [first, second]))
        #expect(text.contains("01:30 -04:00  01:00 -05:00"))
        #expect(text.contains("01:30 -05:00  02:00"))
        #expect(text.contains("a�[2Jb") && text.contains("Evil�name") && !text.contains("\u{1B}") && !text.contains("\u{202E}"))
    }

    // MARK: CSV

    @Test func csvQuotesCommasQuotesAndLineBreaksAndEndsRecordsInCRLF() {
        let tricky = Self.visit("K7QX2M", Self.local("2026-03-03", 540), reason: "Pain, \"sharp\"\nsince Monday")
        let formula = Self.visit("K7QX2N", Self.local("2026-03-03", 570), status: .cancelled, patient: "=HYPERLINK(\"x\")", reason: "@SUM(A1)")
        let csv = DaySheetCSV.render(Self.sheet("2026-03-03", visits: [tricky, formula]))
        let records = csv.components(separatedBy: "\r\n")
        #expect(records[0] == "date,time,start,end,doctor,specialization,patient,phone,reason,status,code")
        #expect(
            records[1]
                == "2026-03-03,09:00,2026-03-03T09:00:00-05:00,2026-03-03T09:30:00-05:00,Dr Ana Moreau,Cardiology,Pia Kowalska,+15550100001,"
                + "\"Pain, \"\"sharp\"\"\nsince Monday\",scheduled,K7QX2M")
        #expect(records[2].hasSuffix(",\"'=HYPERLINK(\"\"x\"\")\",+15550100001,'@SUM(A1),cancelled,K7QX2N"))
        #expect(records.count == 4 && records[3].isEmpty)  // the last record ends in CRLF too
        // no line feed outside the quoted field
        #expect(csv.replacingOccurrences(of: "\r\n", with: "").filter { $0 == "\n" }.count == 1)
    }

    // MARK: iCalendar

    /// The physical lines of a calendar (split at CRLF).
    static func physicalLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = [], current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                lines.append(current); current = []; i += 2; continue
            }
            current.append(bytes[i]); i += 1
        }
        #expect(current.isEmpty, "the calendar ends in CRLF")
        return lines
    }

    /// The content lines once unfolded (RFC 5545 §3.1).
    static func unfolded(_ bytes: [UInt8]) -> [String] {
        var out: [[UInt8]] = []
        for line in physicalLines(bytes) {
            if line.first == 0x20, !out.isEmpty { out[out.count - 1] += line.dropFirst() } else { out.append(line) }
        }
        return out.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func longDevanagariAndEmojiLinesFoldAt75OctetsOnUTF8BoundariesAndUnfoldWhole() throws {
        let name = String(repeating: "प्रिया शर्मा 👩🏽‍⚕️🇵🇱 각 ", count: 8)
        let reason = "सिरदर्द; चक्कर, and \\ back\nsecond line"
        let bytes = DaySheetICalendar.bytes(
            Self.sheet("2026-03-03", visits: [Self.visit("K7QX2M", Self.local("2026-03-03", 540), patient: name, reason: reason)]))
        let lines = Self.physicalLines(bytes)
        #expect(lines.count > 40)
        for line in lines {
            #expect(line.count <= 75, "\(line.count) octets")
            // each physical line is valid UTF-8 by itself: no sequence was cut
            #expect(String(validating: line, as: UTF8.self) != nil)
            #expect(!line.contains(0x0A) && !line.contains(0x0D))
        }
        #expect(lines.contains { $0.count == 75 } || lines.contains { $0.count >= 72 })  // folding fills lines
        let content = Self.unfolded(bytes)
        let summary = "SUMMARY:" + ICalendarWriter.escaped(name) + " – " + "सिरदर्द\\; चक्कर\\, and \\\\ back\\nsecond line"
        #expect(content.contains(summary))
        #expect(ICalendarWriter.escaped("a,b;c\\d\r\ne\nf") == "a\\,b\\;c\\\\d\\ne\\nf")
    }

    @Test func theCalendarHasItsHeaderOneEventPerVisitAndStatusesMapped() throws {
        let statuses = AppointmentStatus.allCases
        let visits = statuses.enumerated().map { i, s in Self.visit("CODE0\(i)", Self.local("2026-03-03", 540 + 30 * i), status: s) }
        let content = Self.unfolded(DaySheetICalendar.bytes(Self.sheet("2026-03-03", visits: visits)))
        #expect(Array(content.prefix(5)) == ["BEGIN:VCALENDAR", "PRODID:-//clinic//Day sheet//EN", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"])
        #expect(content.last == "END:VCALENDAR")
        #expect(content.filter { $0 == "BEGIN:VEVENT" }.count == statuses.count)
        #expect(
            content.filter { $0.hasPrefix("STATUS:") } == [
                "STATUS:TENTATIVE", "STATUS:CONFIRMED", "STATUS:CONFIRMED", "STATUS:CONFIRMED", "STATUS:CANCELLED", "STATUS:CONFIRMED",
            ])
        #expect(content.contains("UID:CODE00@clinic-appointment") && content.contains("DTSTAMP:20260302T120000Z"))
        #expect(content.contains("DTSTART;TZID=America/New_York:20260303T090000") && content.contains("DTEND;TZID=America/New_York:20260303T093000"))
        // the UID is the code's: the same in a later export
        let later = Self.sheet("2026-03-03", visits: [visits[0]])
        let again = DaySheet(clinicName: later.clinicName, date: later.date, timeZone: later.timeZone, madeAt: 1_800_000_000, doctors: later.doctors)
        let laterContent = Self.unfolded(DaySheetICalendar.bytes(again))
        #expect(laterContent.contains("UID:CODE00@clinic-appointment") && laterContent.contains("DTSTAMP:20270115T080000Z"))
    }

    @Test func theSecondPassOfARepeatedHourIsWrittenInUTC() {
        let first = Self.visit("AAAAAA", Self.local("2026-11-01", 90, pass: 0))
        let second = Self.visit("BBBBBB", Self.local("2026-11-01", 90, pass: 1))
        let content = Self.unfolded(DaySheetICalendar.bytes(Self.sheet("2026-11-01", visits: [first, second])))
        #expect(content.contains("DTSTART;TZID=America/New_York:20261101T013000"))  // the first 01:30 (EDT)
        #expect(content.contains("DTEND:20261101T060000Z"))  // 01:00 EST, the second pass
        #expect(content.contains("DTSTART:20261101T063000Z") && content.contains("DTEND;TZID=America/New_York:20261101T020000"))
    }

    @Test func theTimeZoneHasTheRealTransitionsAroundTheDay() {
        func vtimezone(_ zone: String, _ day: String) -> [String] {
            let z = ClinicTimeZone(identifier: zone)!
            let content = Self.unfolded(DaySheetICalendar.bytes(Self.sheet(day, zone: z, visits: [])))
            let from = content.firstIndex(of: "BEGIN:VTIMEZONE")!, to = content.firstIndex(of: "END:VTIMEZONE")!
            return Array(content[from...to])
        }
        func part(_ kind: String, _ start: String, _ from: String, _ to: String) -> [String] {
            ["BEGIN:\(kind)", "DTSTART:\(start)", "TZOFFSETFROM:\(from)", "TZOFFSETTO:\(to)", "END:\(kind)"]
        }
        // spring forward in New York: the change of that day between the ones before and after
        #expect(
            vtimezone("America/New_York", "2026-03-08")
                == ["BEGIN:VTIMEZONE", "TZID:America/New_York"] + part("STANDARD", "20251102T020000", "-0400", "-0500")
                + part("DAYLIGHT", "20260308T020000", "-0500", "-0400") + part("STANDARD", "20261101T020000", "-0400", "-0500")
                + ["END:VTIMEZONE"])
        #expect(
            vtimezone("America/New_York", "2026-11-01")
                == ["BEGIN:VTIMEZONE", "TZID:America/New_York"] + part("DAYLIGHT", "20260308T020000", "-0500", "-0400")
                + part("STANDARD", "20261101T020000", "-0400", "-0500") + part("DAYLIGHT", "20270314T020000", "-0500", "-0400")
                + ["END:VTIMEZONE"])
        // an ordinary summer day: the change in force and the next one
        #expect(
            vtimezone("Europe/London", "2026-07-01")
                == ["BEGIN:VTIMEZONE", "TZID:Europe/London"] + part("DAYLIGHT", "20260329T010000", "+0000", "+0100")
                + part("STANDARD", "20261025T020000", "+0100", "+0000") + ["END:VTIMEZONE"])
        // no daylight saving: one fixed offset
        #expect(
            vtimezone("Asia/Kolkata", "2026-03-08")
                == ["BEGIN:VTIMEZONE", "TZID:Asia/Kolkata"] + part("STANDARD", "19700101T000000", "+0530", "+0530") + ["END:VTIMEZONE"])
    }
}

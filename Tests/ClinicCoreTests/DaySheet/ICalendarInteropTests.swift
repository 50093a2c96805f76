import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The iCalendar export read back by a real parser: Python's `icalendar`
/// package (installed by `scripts/install-deps`; without it this test fails,
/// it does not skip). Each event's DTSTART and DTEND are resolved through the
/// file's own VTIMEZONE (`to_tz(lookup_tzid=False)`, not the parser's zone
/// database), and must equal the instants in the database, on both DST
/// change days of New York (visits in the repeated hour, both passes, and
/// one that ends across the gap) and on London's spring change.
@Suite("Day sheet: iCalendar through Python's icalendar", .serialized)
struct ICalendarInteropTests {
    static let reader = """
        import json, sys
        from icalendar import Calendar
        out = {}
        for path in sys.argv[1:]:
            cal = Calendar.from_ical(open(path, 'rb').read())
            zones = {str(tz['TZID']): tz.to_tz(lookup_tzid=False) for tz in cal.walk('VTIMEZONE')}
            def instant(prop):
                d = prop.dt
                tzid = prop.params.get('TZID')
                if tzid:
                    d = d.replace(tzinfo=zones[tzid])  # through this file's VTIMEZONE only
                elif d.tzinfo is None:
                    raise SystemExit('floating time in ' + path)
                return int(d.timestamp())
            out[path] = {
                'version': str(cal['VERSION']), 'prodid': str(cal['PRODID']), 'zones': sorted(zones),
                'events': [{'uid': str(e['UID']), 'start': instant(e['DTSTART']), 'end': instant(e['DTEND']),
                            'status': str(e['STATUS']), 'summary': str(e['SUMMARY']), 'description': str(e['DESCRIPTION'])}
                           for e in cal.walk('VEVENT')]}
        print(json.dumps(out))
        """

    /// One clinic's sheet for `date`, written as .ics, and the visits booked on it.
    struct Case {
        let clinic: TestClinic
        let path: String
        let visits: [Appointment]
    }

    /// A clinic in `zoneID` whose doctor works Sundays 00:00–04:00 (30-minute slots), with a visit at each of `instants`.
    static func sheet(_ zoneID: String, _ day: String, instants: (ClinicTimeZone, LocalDate) -> [Int64]) throws -> Case {
        let clinic = try TestClinic(timeZone: zoneID)
        let doctor = try clinic.addDoctor(name: "Dr Émile, Ünal; \\ night", hours: "sun 00:00-04:00", specialization: "Sleep")
        let zone = try clinic.store.settings().timeZone
        let date = try #require(LocalDate(day))
        var visits: [Appointment] = []
        for (i, start) in instants(zone, date).enumerated() {
            let patient = try clinic.addPatient(name: ["प्रिया शर्मा", "👩🏽‍⚕️ Ana 🇵🇱", "김각", "Zoë O'Brien", "Омар"][i % 5])
            let reason = i == 0 ? String(repeating: "सिरदर्द और चक्कर, 🇵🇱 👩🏽‍⚕️; ", count: 6) : "Visit \(i), \"night\" shift"
            visits.append(try clinic.book(doctor: doctor, patient: patient, at: start, reason: reason))
        }
        let sheet = try clinic.store.daySheet(on: date, by: .shell)
        let path = clinic.directory.path("\(zoneID.replacingOccurrences(of: "/", with: "-"))-\(day).ics")
        try DaySheetFile.write(sheet, format: .ics, to: path)
        return Case(clinic: clinic, path: path, visits: visits)
    }

    /// Runs the parser over the files: path → parsed calendar.
    static func parse(_ paths: [String]) throws -> [String: [String: Any]] {
        let python = try RunningProcess("/usr/bin/env", ["python3", "-c", reader] + paths, environment: ProcessInfo.processInfo.environment)
        let result = python.wait()
        try #require(result.exitCode == 0, "python3 with the icalendar package is required (scripts/install-deps): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Any]])
    }

    @Test func everyEventsInstantsResolvedThroughTheFilesVTimezoneEqualTheDatabases() throws {
        let springNY = try Self.sheet("America/New_York", "2026-03-08") { zone, date in
            // 00:30; 01:30 EST (ends 03:00 EDT: across the gap); 03:00 and 03:30 EDT
            [30, 90, 180, 210].map { zone.instants(of: date, minute: $0)[0] }
        }
        let fallNY = try Self.sheet("America/New_York", "2026-11-01") { zone, date in
            // 00:30 EDT; 01:00 and 01:30 twice (EDT, then EST); 02:00 EST
            [zone.instants(of: date, minute: 30)[0]] + zone.instants(of: date, minute: 60) + zone.instants(of: date, minute: 90)
                + [zone.instants(of: date, minute: 120)[0]]
        }
        let springLondon = try Self.sheet("Europe/London", "2026-03-29") { zone, date in
            // 00:30 GMT (ends 02:00 BST: across the gap); 02:00 and 03:30 BST
            [30, 120, 210].map { zone.instants(of: date, minute: $0)[0] }
        }
        #expect(fallNY.visits.count == 6 && Set(fallNY.visits.map(\.start)).count == 6)
        let cases = [springNY, fallNY, springLondon]
        let parsed = try Self.parse(cases.map(\.path))
        for c in cases {
            let calendar = try #require(parsed[c.path], "\(c.path) not parsed")
            #expect(calendar["version"] as? String == "2.0")
            #expect(calendar["prodid"] as? String == DaySheetICalendar.productID)
            let events = try #require(calendar["events"] as? [[String: Any]])
            #expect(events.count == c.visits.count, "\(c.path)")
            for visit in c.visits {
                let event = try #require(events.first { $0["uid"] as? String == "\(visit.code)@clinic-appointment" }, "\(visit.code)")
                #expect(event["start"] as? Int == Int(visit.start), "\(c.path) \(visit.code) start")
                #expect(event["end"] as? Int == Int(visit.end), "\(c.path) \(visit.code) end")
                #expect(event["status"] as? String == "TENTATIVE")
                // escaping and folding undone by the parser: the text comes back whole
                #expect(event["summary"] as? String == "\(visit.patient.name) – \(visit.reason)")
                #expect((event["description"] as? String)?.contains("Doctor: Dr Émile, Ünal; \\ night (Sleep)") == true)
                #expect((event["description"] as? String)?.contains("Patient: \(visit.patient.name), \(visit.patient.phone ?? "")") == true)
            }
        }
    }

    @Test func aZoneWithoutDaylightSavingParsesToo() throws {
        let kolkata = try Self.sheet("Asia/Kolkata", "2026-03-08") { zone, date in [zone.instants(of: date, minute: 90)[0]] }
        let parsed = try Self.parse([kolkata.path])
        let events = try #require(parsed[kolkata.path]?["events"] as? [[String: Any]])
        #expect(events.first?["start"] as? Int == Int(kolkata.visits[0].start))
        #expect(kolkata.visits[0].start == TestClinic.seconds("2026-03-07T20:00:00Z"))  // 01:30 at +05:30
    }
}

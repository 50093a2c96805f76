import ClinicCore
import ClinicTesting
import Foundation
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// `clinic day` through the real binary: the text to print, CSV, iCalendar
/// and `--json`; `--out` writes the file whole with mode 0600 and replaces an
/// earlier one; the contract's errors and exit codes (bad date 2, unknown
/// doctor 1, a doctor asking another's sheet forbidden). The clinic is
/// `RefusalTable.prepare`'s: Pia's visit with Dr Ana on Tuesday 3 March at
/// 09:00 and her cancelled one at 10:00; Dr Ben has none.
@Suite struct CLIDaySheetTests {
    @Test func theSheetInEachFormatAndAsJSON() throws {
        let cli = try CLIClinic()
        let clinic = try RefusalTable.prepare(cli)
        let text = try cli.run("day", "--date", "2026-03-03")
        #expect(text.exitCode == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[1] == "Day sheet for Tuesday 3 March 2026 (America/New_York)")
        #expect(lines.contains("Dr ana@clinic.test · Cardiology") && lines.contains("Dr ben@clinic.test · Cardiology"))
        #expect(lines.contains { $0.hasPrefix("  09:00  09:30  Patient pia@clinic.test  +15550100001  scheduled  \(clinic.booked)  Check-up") })
        #expect(lines.contains { $0.contains("cancelled  \(clinic.cancelled)") })
        #expect(lines.contains("  no appointments"))

        let csv = try cli.run("day", "--date", "2026-03-03", "--format", "csv")
        #expect(csv.exitCode == 0 && csv.stdout.hasPrefix("date,time,start,end,doctor,specialization,patient,phone,reason,status,code\r\n"))
        #expect(csv.stdout.contains("2026-03-03,09:00,2026-03-03T09:00:00-05:00,2026-03-03T09:30:00-05:00,Dr ana@clinic.test,"))
        let ics = try cli.run("day", "--date", "2026-03-03", "--format", "ics", "--doctor", RefusalTable.Person.ana.email)
        #expect(ics.exitCode == 0 && ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\nPRODID:-//clinic//Day sheet//EN\r\n"))
        #expect(ics.stdout.contains("DTSTART;TZID=America/New_York:20260303T090000\r\n"))
        #expect(ics.stdout.components(separatedBy: "BEGIN:VEVENT").count == 3)

        let json = try cli.json("day", "--date", "2026-03-03")
        #expect(json.result.exitCode == 0)
        #expect(json.object["date"] as? String == "2026-03-03" && json.object["timezone"] as? String == "America/New_York")
        let doctors = try #require(json.object["doctors"] as? [[String: Any]])
        #expect(doctors.map { $0["name"] as? String } == ["Dr ana@clinic.test", "Dr ben@clinic.test"])
        let visits = try #require(doctors[0]["appointments"] as? [[String: Any]])
        #expect(visits.map { $0["code"] as? String } == [clinic.booked, clinic.cancelled])
        #expect(visits.map { $0["status"] as? String } == ["scheduled", "cancelled"])
        let patient = try #require(visits[0]["patient"] as? [String: Any])
        #expect(patient["name"] as? String == "Patient pia@clinic.test" && patient["phone"] as? String == "+15550100001")
        #expect(patient["id"] is Int && visits[0]["start"] as? String == "2026-03-03T09:00:00-05:00")
    }

    @Test func outWritesTheFileWholeForItsOwnerOnly() throws {
        let cli = try CLIClinic()
        _ = try RefusalTable.prepare(cli)
        let path = cli.directory.path("sheet.ics")
        let written = try cli.run(["day", "--date", "2026-03-03", "--format", "ics", "--out", path], umask: "022")
        #expect(written.exitCode == 0 && written.stdout == "wrote \(path) (2 appointments)\n", "\(written.stderr)")
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let stdout = try cli.run("day", "--date", "2026-03-03", "--format", "ics").stdout
        #expect(try String(contentsOfFile: path, encoding: .utf8) == stdout)
        // again, another day: the file is replaced, still 0600, and no temporary file is left
        let again = try cli.json("day", "--date", "2026-03-04", "--out", path)
        #expect(again.result.exitCode == 0 && again.object["appointments"] as? Int == 0 && again.object["path"] as? String == path)
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("Clinic\nDay sheet for Wednesday 4 March 2026 (America/New_York)\n"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.directory.url.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
        // a folder that does not exist: bad input, nothing written
        let nowhere = try cli.run("day", "--date", "2026-03-03", "--out", cli.directory.path("no/such/folder/sheet.txt"))
        #expect(nowhere.exitCode == 2 && nowhere.stderr.hasPrefix("clinic: invalid_input: cannot write"))
    }

    @Test func refusalsInTheContractsForms() throws {
        let cli = try CLIClinic()
        _ = try RefusalTable.prepare(cli)
        let badDate = try cli.run("day", "--date", "2026-02-30")
        #expect(badDate.exitCode == 2 && badDate.stderr == "clinic: invalid_input: '2026-02-30' is not a date YYYY-MM-DD\n")
        let badJSON = try cli.json("day", "--date", "3 March")
        #expect(badJSON.result.exitCode == 2 && (badJSON.object["error"] as? [String: Any])?["code"] as? String == "invalid_input")
        let format = try cli.run("day", "--date", "2026-03-03", "--format", "pdf")
        #expect(format.exitCode == 2 && format.stderr.hasPrefix("clinic: invalid_input: "))
        let unknown = try cli.run("day", "--date", "2026-03-03", "--doctor", "nobody@clinic.test")
        #expect(unknown.exitCode == 1 && unknown.stderr.hasPrefix("clinic: not_found: "))
        let notADoctor = try cli.json("day", "--date", "2026-03-03", "--doctor", RefusalTable.Person.pia.email)
        #expect(notADoctor.result.exitCode == 1 && (notADoctor.object["error"] as? [String: Any])?["code"] as? String == "not_found")
        // a doctor: their own sheet, not another's nor the whole clinic's; a patient: none
        let ana = RefusalTable.Person.ana.email, ben = RefusalTable.Person.ben.email
        #expect(try cli.run("day", "--date", "2026-03-03", "--doctor", ana, "--as", ana).exitCode == 0)
        let other = try cli.json("day", "--date", "2026-03-03", "--doctor", ben, "--as", ana)
        #expect(other.result.exitCode == 1 && (other.object["error"] as? [String: Any])?["code"] as? String == "forbidden")
        let all = try cli.run("day", "--date", "2026-03-03", "--as", ana)
        #expect(all.exitCode == 1 && all.stderr.hasPrefix("clinic: forbidden: "))
        let patient = try cli.run("day", "--date", "2026-03-03", "--doctor", ana, "--as", RefusalTable.Person.pia.email)
        #expect(patient.exitCode == 1 && patient.stderr.hasPrefix("clinic: forbidden: "))
        #expect(try cli.run("day", "--date", "2026-03-03", "--as", RefusalTable.Person.desk.email).exitCode == 0)
    }
}

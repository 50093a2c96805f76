import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The desk's board under tmux with the real binary: `w` writes the day's
/// sheet beside the database and the notice line says where; the file holds
/// the patients' names in every script (Devanagari, a ZWJ emoji with a skin
/// tone, a flag, Hangul) with its columns aligned in terminal cells.
@Suite("Day sheet from the board under tmux", .serialized)
struct DaySheetTmuxTests {
    static let names = ["प्रिया शर्मा", "👩🏽‍⚕️ Ana Nowak", "Zofia 🇵🇱 Kowalska", "김각 Kim"]

    @Test func wOnTheBoardWritesTheDaySheetBesideTheDatabase() throws {
        let cli = try CLIClinic()
        let clinic = try RefusalTable.prepare(cli)  // Pia with Ana, Tue 3 Mar 09:00 (and a cancelled 10:00)
        for (i, name) in Self.names.enumerated() {
            let email = "script\(i)@clinic.test"
            let add = try cli.run("user", "add", "--role", "patient", "--name", name, "--email", email, "--phone", "+1555011000\(i)")
            try #require(add.exitCode == 0, "\(add.stderr)")
            let book = try cli.run(
                "book", "--doctor", RefusalTable.Person.ana.email, "--patient", email, "--start", "2026-03-03 \(["09:30", "10:30", "11:00", "11:30"][i])",
                "--reason", "Visit \(i)")
            try #require(book.exitCode == 0, "\(book.stderr)")
        }
        var env = cli.environment
        env["CLINIC_NOW"] = "2026-03-03T14:20:00Z"  // 09:20 in New York
        env["TERM"] = "xterm-256color"; env["LANG"] = "C.UTF-8"
        let t = try TmuxSession([ClinicBinary.path, "tui"], environment: env, width: 140, height: 30)
        try t.waitFor("Staff sign-in")
        try t.type(RefusalTable.Person.desk.email); try t.press("Tab"); try t.type(RefusalTable.Person.desk.password); try t.press("Enter")
        try t.waitFor(clinic.booked)
        try t.press("w")
        let path = cli.directory.path("day-sheet-2026-03-03.txt")
        try t.waitFor("Day sheet (6 appointments) written to \(path)")

        // The file: the heading, every name as stored, and the columns lined up in cells
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "Clinic" && lines[1] == "Day sheet for Tuesday 3 March 2026 (America/New_York)")
        for name in Self.names { #expect(text.contains(name), "\(name)") }
        // (the terminal's scheduler has marked Pia's 09:00 a no-show by 09:20)
        let rows = lines.filter { $0.hasPrefix("  TIME") || $0.contains("+1555") }
        #expect(rows.count == 7)
        func column(_ row: String, _ marks: [String]) -> Int {
            let at = marks.lazy.compactMap { row.range(of: $0) }.first!
            return CharWidth.of(String(row[..<at.lowerBound]))
        }
        let phone = rows.map { column($0, ["PHONE", "+1555"]) }, status = rows.map { column($0, ["STATUS", "scheduled", "cancelled", "no-show"]) }
        #expect(Set(phone).count == 1 && Set(status).count == 1, "\(rows.joined(separator: "\n"))")
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }
}

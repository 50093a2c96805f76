import ClinicTesting
import Foundation
import Testing

/// `clinic appointments --code`: the one visit, in any case; a code no visit
/// has is `not_found`; other filters beside it are bad input.
@Suite struct CLIFindByCodeTests {
    @Test func appointmentsByCode() throws {
        let cli = try CLIClinic()
        let clinic = try RefusalTable.prepare(cli)
        let found = try cli.json("appointments", "--code", clinic.booked.lowercased())
        let list = try #require(found.object["appointments"] as? [[String: Any]])
        #expect(list.count == 1 && list.first?["code"] as? String == clinic.booked)
        #expect(try cli.run("appointments", "--code", clinic.booked).stdout.contains(clinic.booked))
        let missing = try cli.run("appointments", "--code", "ZZZZZZ")
        #expect(missing.exitCode == 1 && missing.stderr.hasPrefix("clinic: not_found: "))
        let both = try cli.run("appointments", "--code", clinic.booked, "--doctor", RefusalTable.Person.ana.email)
        #expect(both.exitCode == 2 && both.stderr.hasPrefix("clinic: invalid_input: --code finds one appointment"))
    }
}

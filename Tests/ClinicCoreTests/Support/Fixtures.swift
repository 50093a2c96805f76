import ClinicCore
import ClinicTesting
import Foundation
import GRDB
import Testing

/// Unix seconds of an ISO 8601 instant written in the test (`2026-03-08T07:00:00Z`).
func utc(_ text: String) -> Int64 { TestClinic.seconds(text) }

/// A zone the tests know exists.
func zone(_ identifier: String) -> ClinicTimeZone {
    guard let zone = ClinicTimeZone(identifier: identifier) else { preconditionFailure("unknown zone \(identifier)") }
    return zone
}

/// A date written in the test.
func date(_ text: String) -> LocalDate {
    guard let date = LocalDate(text) else { preconditionFailure("bad date \(text)") }
    return date
}

/// Weekly hours in the CLI syntax.
func hours(_ spec: String) throws -> WeeklyHours { try HoursSpecParser.parse(spec) }

/// A slot calculator over `spec` in `zoneID`.
func calculator(
    _ zoneID: String, _ spec: String, slot minutes: Int = 30,
    off timeOff: [Range<Int64>] = []
) throws -> SlotCalculator {
    SlotCalculator(timeZone: zone(zoneID), hours: try hours(spec), slotMinutes: minutes, timeOff: timeOff)
}

/// Slot starts as ISO 8601 UTC text, so failures read like the contract.
func starts(_ slots: [Slot]) -> [String] { slots.map { isoUTC($0.start) } }

/// `2026-03-08T07:00:00Z` for unix seconds.
func isoUTC(_ seconds: Int64) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
}

/// The contract code a throwing call was refused with; `nil` when it succeeded.
/// Any error that is not a `ClinicError` is recorded as an issue.
func refusal<T>(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) -> ClinicError.Code? {
    do {
        _ = try body()
        return nil
    } catch let error as ClinicError {
        return error.code
    } catch {
        Issue.record("expected a ClinicError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

extension TestClinic {
    /// Rows in a table, read straight from the database file.
    func count(_ table: String) throws -> Int {
        try store.reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }

    /// Appointments and audit rows together: what a refused write must leave alone.
    func snapshot() throws -> [Int] { [try count("appointment"), try count("appointment_event")] }

    /// An actor for an account, through a channel.
    func actor(_ account: Account, via: Actor.Via = .tui) -> Actor { .account(account.id, account.role, via: via) }

    /// Sets the manual clock to an ISO 8601 instant.
    func setNow(_ text: String) { clock.set(TestClinic.instant(text)) }
}

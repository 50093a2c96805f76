@testable import ClinicCore
import ClinicTesting
import Foundation
import Testing

@testable import ClinicTUI

/// The details screen's history says who by name and a move in local times.
@Suite struct HistoryLineTests {
    let zone = ClinicTimeZone(identifier: "America/New_York")!

    @Test func aMoveReadsAsLocalTimesAndTheActorByName() {
        let from = TestClinic.seconds("2026-12-04T19:00:00Z"), to = TestClinic.seconds("2026-12-05T15:00:00Z")
        let move = AppointmentEvent(
            at: TestClinic.seconds("2026-12-01T14:00:00Z"), actorID: 7, actorRole: "receptionist", from: .scheduled, to: .scheduled,
            via: .tui, note: "moved from \(zone.iso8601(from)) to \(zone.iso8601(to))")
        let line = HistoryLine.text(move, zone: zone, names: [7: "Rania Al-Khouri"])
        #expect(line.contains("moved from Fri 4 Dec 2026 14:00 to Sat 5 Dec 2026 10:00"), "\(line)")
        #expect(line.contains("by Rania Al-Khouri (receptionist) via tui") && !line.contains("→") && !line.contains("-05:00"))
    }

    @Test func otherRowsKeepTheirStatusesAndNotesAndTheSchedulerIsNamedByRole() {
        let noShow = AppointmentEvent(
            at: TestClinic.seconds("2026-12-04T15:15:00Z"), actorID: nil, actorRole: "scheduler", from: .scheduled, to: .noShow,
            via: .scheduler, note: "no-show after grace")
        let line = HistoryLine.text(noShow, zone: zone, names: [:])
        #expect(line.contains("→") && line.contains("by scheduler via scheduler (no-show after grace)"), "\(line)")
        // an account no longer there: its role
        let gone = AppointmentEvent(at: 0, actorID: 99, actorRole: "admin", from: nil, to: .scheduled, via: .cli, note: "")
        #expect(HistoryLine.text(gone, zone: zone, names: [:]).contains("by admin via cli"))
    }
}

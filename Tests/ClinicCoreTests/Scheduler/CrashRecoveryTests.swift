@testable import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// What happens to a message in flight when its sender dies: the claim
/// outlives the process, the next lease holder reclaims it and sends it
/// again (at-least-once; see README, Delivery guarantee).
@Suite struct CrashRecoveryTests {
    static let t0 = TestClinic.seconds("2026-03-02T13:00:00Z")

    @Test func aMessageInFlightAtACrashIsSentAgainByTheNextHolderAndNothingElseTwice() throws {
        // Given three queued notices and scheduler A that claimed a batch, sent the first,
        // and died before recording it (simulated: claim + gateway call, no outcome)
        let h = try SchedulerHarness()
        let doctor = try h.clinic.addDoctor(), patient = try h.clinic.addPatient()
        for i in 0..<3 {
            let a = try h.clinic.book(doctor: doctor, patient: patient, at: TestClinic.seconds("2026-03-04T14:00:00Z") + Int64(i) * 1800)
            _ = try h.clinic.store.transition(code: a.code, to: .confirmed, by: .shell)
        }
        h.clinic.clock.set(Date(timeIntervalSince1970: TimeInterval(Self.t0)))
        #expect(try h.clinic.store.acquireSchedulerLease(holder: "A", now: Self.t0, seconds: 30))
        let claimed = try h.clinic.store.claimDueMessages(holder: "A", now: Self.t0, limit: 3, claimSeconds: 35,
                                                          gateway: "twilio", from: nil).claimed
        #expect(claimed.count == 3)
        let inFlight = claimed[0]
        #expect(try h.clinic.store.gateSend(inFlight.id, holder: "A", now: Self.t0, leaseSeconds: 30) == .proceed)
        _ = h.gateway.send(OutgoingSMS(outboxID: inFlight.id, to: inFlight.to, body: inFlight.body))

        // When B ticks while A's lease is valid, then after it expired
        let b = h.makeScheduler(holder: "B")
        #expect(try !h.tick(at: Self.t0 + 10, b).leader)
        let report = try h.tick(at: Self.t0 + 30, b)

        // Then B reclaimed all three: the in-flight one went out a second time, the others once
        #expect(report.leader && report.sent == 3)
        let bodies = h.sentBodies
        #expect(bodies.count == 4)
        #expect(bodies.filter { $0 == inFlight.body }.count == 2)
        #expect(Set(bodies).count == 3)
        // And the log counts two attempts for the in-flight one, one for the others
        let messages = try h.messages()
        #expect(messages.allSatisfy { $0.state == .sent })
        #expect(messages.map(\.attempts) == [2, 1, 1])
    }
}

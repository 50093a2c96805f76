import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// The lease: one scheduler acts at a time; another takes over when the
/// holder stops renewing (dies) or releases it.
@Suite struct LeaseTests {
    static let t0 = TestClinic.seconds("2026-03-02T13:00:00Z")

    @Test func oneHolderAtATimeAndTakeoverAfterExpiry() throws {
        // Given A and B on one database, lease 30 s
        let h = try SchedulerHarness()
        let a = h.makeScheduler(holder: "A"), b = h.makeScheduler(holder: "B")

        // When A ticks first, then B
        #expect(try h.tick(at: Self.t0, a).leader)
        #expect(try !h.tick(at: Self.t0 + 1, b).leader)
        // A renews every tick, so B stays out
        #expect(try h.tick(at: Self.t0 + 20, a).leader)
        #expect(try !h.tick(at: Self.t0 + 45, b).leader)

        // When A stops ticking (dies), B takes over once the lease has expired
        #expect(try !h.tick(at: Self.t0 + 49, b).leader)
        #expect(try h.tick(at: Self.t0 + 50, b).leader)
        #expect(try h.clinic.store.schedulerLease()?.holder == "B")
        // And A, back from the dead, is now the one standing by
        #expect(try !h.tick(at: Self.t0 + 55, a).leader)
    }

    @Test func releasingTheLeaseLetsAnotherTakeOverAtOnce() throws {
        let h = try SchedulerHarness()
        let a = h.makeScheduler(holder: "A"), b = h.makeScheduler(holder: "B")
        try h.tick(at: Self.t0, a)
        a.releaseLease()
        #expect(try h.tick(at: Self.t0 + 1, b).leader)
    }

    @Test func onlyTheHolderSendsSoNothingGoesOutTwice() throws {
        // Given twenty queued notices (each visit's booking notice and confirmation) and two schedulers ticking alternately
        let h = try SchedulerHarness()
        _ = try h.clinic.store.updateSettings(.init(maxActiveVisits: 0), by: .shell)  // one patient holds all ten visits
        let doctor = try h.clinic.addDoctor(hours: "mon-fri 09:00-17:00"), patient = try h.clinic.addPatient()
        for i in 0..<10 {
            let a = try h.clinic.book(doctor: doctor, patient: patient, at: TestClinic.seconds("2026-03-04T14:00:00Z") + Int64(i) * 1800)
            _ = try h.clinic.store.transition(code: a.code, to: .confirmed, by: .shell)
        }
        let a = h.makeScheduler(holder: "A"), b = h.makeScheduler(holder: "B")
        for t in stride(from: Self.t0, to: Self.t0 + 120, by: 5) {
            try h.tick(at: t, a)
            try h.tick(at: t, b)
        }
        #expect(h.twilio.requests.count == 20)
        #expect(Set(h.sentBodies).count == 20)
    }
}

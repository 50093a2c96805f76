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

    @Test func whoeverSendsNothingGoesOutTwice() throws {
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

    @Test("PostgreSQL: a scheduler without the lease still sends from the shared outbox; SQLite: only the holder sends")
    func whoSendsPerEngine() throws {
        // Given A holding the lease after sending what was due, and five new booking notices
        let h = try SchedulerHarness()
        _ = try h.clinic.store.updateSettings(.init(maxActiveVisits: 0), by: .shell)
        let doctor = try h.clinic.addDoctor(hours: "mon-fri 09:00-17:00"), patient = try h.clinic.addPatient()
        func book(_ i: Int) throws {
            try h.clinic.book(doctor: doctor, patient: patient, at: TestClinic.seconds("2026-03-04T14:00:00Z") + Int64(i) * 1800)
        }
        try book(0)
        let a = h.makeScheduler(holder: "A"), b = h.makeScheduler(holder: "B")
        #expect(try h.tick(at: Self.t0, a).sent == 1)
        for i in 1...5 { try book(i) }
        // When B, standing by, ticks
        let byB = try h.tick(at: Self.t0 + 1, b)
        #expect(!byB.leader)
        if TestDatabase.isPostgres {
            // Then on PostgreSQL B sends them (its claims are its own: FOR UPDATE SKIP LOCKED), and A finds nothing left
            #expect(byB.sent == 5)
            #expect(try h.tick(at: Self.t0 + 2, a).sent == 0)
        } else {
            // Then on SQLite B sends nothing and the holder sends them at its next tick
            #expect(byB.sent == 0)
            #expect(try h.tick(at: Self.t0 + 2, a).sent == 5)
        }
        // Either way every notice went out once
        #expect(h.twilio.requests.count == 6)
        #expect(Set(h.sentBodies).count == 6)
    }
}

import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Two `clinic serve` processes on one database: one runs the scheduler,
/// the other stands by; when the first dies the second takes over; no
/// message goes out twice.
@Suite(.serialized) struct ServeLeaseTests {
    @Test func twoServesOneSchedulerTakeoverAfterKillNoDuplicates() throws {
        // Given 12 due reminders and serve A running the scheduler
        let f = try ServeFixture(appointments: 12)
        let a = try f.startServe()
        #expect(try Eventually.wait(timeout: 30) { try f.store.schedulerLease() != nil })
        let holderA = try #require(try f.store.schedulerLease()?.holder)

        // When serve B starts on the same database
        let b = try f.startServe()
        #expect(try Eventually.wait(timeout: 60) { try f.messages().filter { $0.state == .sent }.count == 12 })
        Eventually.pause(1)
        // Then A still holds the lease
        #expect(try f.store.schedulerLease()?.holder == holderA)

        // When A is killed and three appointments are cancelled
        signalProcess(a, SIGKILL)
        _ = a.wait()
        for code in f.codes.suffix(3) { _ = try f.store.transition(code: code, to: .cancelled, by: .shell) }

        // Then B takes over within the lease and sends the three cancellations
        let tookOver = try Eventually.wait(timeout: 30) {
            try f.store.schedulerLease()?.holder != holderA
                && (try f.messages()).filter { $0.kind == .cancellation && $0.state == .sent }.count == 3
        }
        signalProcess(b, SIGTERM)
        let stoppedB = b.wait()
        #expect(tookOver)
        #expect(stoppedB.stderr.contains("standing by"))
        #expect(stoppedB.stderr.contains("scheduler lease acquired"))
        #expect(stoppedB.exitCode == 0)

        // And Twilio saw 15 distinct messages, each once
        let bodies = f.twilio.requests.map { $0.form["Body"] ?? "" }
        #expect(bodies.count == 15)
        #expect(Set(bodies).count == 15)
    }

    @Test func serveRefusesAPinnedClock() throws {
        let f = try ServeFixture(appointments: 1)
        var env = f.environment()
        env["CLINIC_NOW"] = "2026-03-03T13:59:00Z"
        let r = try ClinicBinary.run(["serve"], environment: env)
        #expect(r.exitCode == 2)
        #expect(r.stderr.contains("CLINIC_CLOCK_OFFSET"))
    }
}

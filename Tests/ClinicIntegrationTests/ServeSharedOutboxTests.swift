import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// Three `clinic serve` processes on one database and one outbox: every due
/// message goes out exactly once. On PostgreSQL all three send (claims with
/// `FOR UPDATE SKIP LOCKED`); on SQLite the lease holder does.
@Suite(.serialized) struct ServeSharedOutboxTests {
    @Test func threeServesSendEachMessageOnce() throws {
        // Given 18 due reminders and three serve processes started together
        let f = try ServeFixture()
        let serves = try (0..<3).map { _ in try f.startServe() }
        // When every reminder has been sent
        let allSent = try Eventually.wait(timeout: 90) { try f.messages().filter { $0.state == .sent }.count == 18 }
        Eventually.pause(1)
        for serve in serves { signalProcess(serve, SIGTERM) }
        let exits = serves.map { $0.wait() }
        // Then Twilio saw 18 distinct messages, each once, and every serve stopped cleanly
        #expect(allSent)
        let bodies = f.twilio.requests.map { $0.form["Body"] ?? "" }
        #expect(bodies.count == 18, "\(bodies.count) requests")
        #expect(Set(bodies).count == 18)
        #expect(exits.allSatisfy { $0.exitCode == 0 }, "\(exits.map(\.stderr))")
        #expect(try f.messages().filter { $0.state == .sent }.allSatisfy { $0.attempts == 1 })
    }
}

import ClinicCore
import ClinicTesting
import Foundation
import Testing

/// `clinic serve` killed with SIGKILL while it sends a batch through a fake
/// Twilio, then restarted: every due message goes out; none twice, except
/// the one message whose gateway call was in flight at the kill, which is
/// sent again (at-least-once; README, Delivery guarantee).
@Suite(.serialized) struct ServeCrashTests {
    @Test func killMidBatchThenRestartSendsEverythingAndRepeatsOnlyTheMessageInFlight() throws {
        // Given 18 reminders due and a Twilio that accepts five, then hangs on the sixth
        let f = try ServeFixture(appointments: 18)
        f.twilio.enqueue(.created, .created, .created, .created, .created, .hang)

        // When serve has sent five and is waiting on the sixth, it is killed
        let first = try f.startServe(lease: 3, timeout: 2)
        #expect(f.twilio.waitForRequests(6, timeout: 60))
        signalProcess(first, SIGKILL)
        let killed = first.wait()
        #expect(killed.exitCode != 0)
        let inFlightBody = try #require(f.twilio.requests.last?.form["Body"])
        f.twilio.releaseHung()

        // And a new serve starts on the same database
        let second = try f.startServe(lease: 3, timeout: 2)
        let done = try Eventually.wait(timeout: 60) { try f.messages().filter { $0.state == .sent }.count == 18 }
        signalProcess(second, SIGTERM)
        let stopped = second.wait()

        // Then every reminder was sent
        #expect(done)
        let messages = try f.messages(.reminder)
        #expect(messages.count == 18 && messages.allSatisfy { $0.state == .sent })
        // And the visits' booking notices, booked the day before and never sent, gave way to the reminders
        #expect(try f.messages(.booking).map(\.errorCode) == Array(repeating: "reminder_due", count: 18))
        // And Twilio saw each once, but the one in flight at the kill twice
        let bodies = f.twilio.requests.map { $0.form["Body"] ?? "" }
        #expect(bodies.count == 19)
        #expect(Set(bodies).count == 18)
        #expect(bodies.filter { $0 == inFlightBody }.count == 2)
        // And the log shows two attempts for it and one for the others
        #expect(messages.filter { $0.attempts == 2 }.map(\.body) == [inFlightBody])
        #expect(messages.filter { $0.attempts == 1 }.count == 17)
        // And the second serve stopped cleanly on SIGTERM and gave its lease up
        #expect(stopped.exitCode == 0, "stderr: \(stopped.stderr)")
        #expect(stopped.stderr.contains("stopped cleanly"))
        #expect(try f.store.schedulerLease() == nil)
    }
}
